// Starts the scenario worker (worker.ts), or takes the one index.html started early
// (build/earlyWorker.ts), or says it cannot: null where this page cannot start one (no Worker, a
// page from file://, a constructor that throws, an early worker that failed to load);
// browserRunner.ts then hands its jobs to the page's own thread. The offline build (`vite build --mode single`) replaces this module
// with one that always answers null (vite.config.ts, `noWorker`), so no worker script is written
// beside the one file.
import type { WorkerLike } from './browserRunner';

/** What build/earlyWorker.ts's inline script leaves: the worker, and an error it reported. */
type EarlyWorker = Worker & { failed?: string };
const early = globalThis as { __rendezvousWorker?: EarlyWorker };

/**
 * The worker index.html started while the page loaded, if any (taken once); one that reported an
 * error before the page took it is not used (null: this page cannot start one).
 */
function takeEarlyWorker(): WorkerLike | null | undefined {
  const w = early.__rendezvousWorker;
  if (w === undefined) return undefined;
  delete early.__rendezvousWorker;
  if (w.failed === undefined) return w;
  w.terminate();
  return null;
}

export function startModuleWorker(): WorkerLike | null {
  const taken = takeEarlyWorker();
  if (taken !== undefined) return taken;
  if (typeof Worker === 'undefined') return null;
  if (typeof location !== 'undefined' && location.protocol === 'file:') return null;
  try {
    return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}
