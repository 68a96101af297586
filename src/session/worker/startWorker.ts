// Starts the scenario worker (worker.ts), or says it cannot: null where this page cannot start one
// (no Worker, a page from file://, a constructor that throws); browserRunner.ts then hands its jobs
// to the page's own thread. The offline build (`vite build --mode single`) replaces this module
// with one that always answers null (vite.config.ts, `noWorker`), so no worker script is written
// beside the one file.
import type { WorkerLike } from './browserRunner';

export function startModuleWorker(): WorkerLike | null {
  if (typeof Worker === 'undefined') return null;
  if (typeof location !== 'undefined' && location.protocol === 'file:') return null;
  try {
    return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}
