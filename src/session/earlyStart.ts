// Imported first by main.tsx, for its side effect, before React's code runs. When the first open
// will be a worker's preview (preview.ts), the page's runner takes the worker index.html started
// (build/earlyWorker.ts), or starts it now, so its script loads and runs while the page starts
// React; otherwise (a link with its own code, a page that cannot start a
// worker) the catalog chunk (the lessons, the compiler and the kernel) starts downloading now.
import { browserLocation } from './browserPorts';
import { loadDefaultCatalog } from './loadCatalog';
import { requestFromAddress } from './openRequest';
import { pageRunner } from './pageRunner';
import { previewRequest } from './preview';
import { readAddressOptions } from './url/options';

const search = browserLocation.search();
const hash = browserLocation.hash();
const runner = pageRunner();
const first = requestFromAddress(readAddressOptions(search, hash));
if (runner !== null && previewRequest(first, hash) !== null) runner.warm();
else void loadDefaultCatalog().catch(() => undefined);
