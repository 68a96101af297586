// The built-in catalog, with the compiler and the kernel behind it, is a chunk of its own: the page
// paints its frame while the chunk loads. `loadDefaultCatalog()` starts the load once (main.tsx asks
// before the first render, so the download overlaps React's start-up) and gives the same promise.
import type { ScenarioCatalog } from './catalog';
import { mark, MARK } from './marks';

let pending: Promise<ScenarioCatalog> | null = null;

export function loadDefaultCatalog(): Promise<ScenarioCatalog> {
  pending ??= import('./defaultCatalog').then(
    (m) => {
      mark(MARK.catalog);
      return m.defaultCatalog;
    },
    (error: unknown) => {
      pending = null; // a failed download may be retried
      throw error;
    },
  );
  return pending;
}
