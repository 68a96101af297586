// Imported first by main.tsx, for its side effect: the catalog chunk (the lessons, the compiler and
// the kernel) starts downloading before React's code runs, so it is there when the page needs it.
import { loadDefaultCatalog } from './loadCatalog';

void loadDefaultCatalog().catch(() => undefined);
