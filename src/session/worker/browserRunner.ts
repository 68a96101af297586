// The page's runner: one Web Worker (worker.ts), started on the first run. Replies are matched to
// requests by id. Where no worker can start — a page opened from file:// (the offline file,
// dist-single/rendezvous.html: the browser does not let a file:// page load a worker script), a
// browser without workers, a constructor that throws, or a worker that fails before it ever
// answers — every run goes to `fallback`, the same job on the page's own thread (inProcess.ts), so
// the editor and `openText` work everywhere. A worker that crashes after it has answered fails its
// pending runs with a message instead of leaving them waiting.
import type { RunReply, RunnerPort, RunRequest } from './protocol';
import { startModuleWorker } from './startWorker';

/** What the runner needs of a Worker (a fake in tests). */
export interface WorkerLike {
  onmessage: ((event: MessageEvent<{ id: number; reply: RunReply }>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: { id: number; request: RunRequest }): void;
  terminate(): void;
}

interface Pending {
  readonly request: RunRequest;
  readonly resolve: (reply: RunReply) => void;
}

const failure = (message: string): RunReply => ({
  ok: false,
  diagnostics: [{ line: 1, column: 1, endColumn: 2, severity: 'error', message }],
});

export function browserRunner(
  fallback: RunnerPort,
  start: () => WorkerLike | null = startModuleWorker,
): RunnerPort {
  let worker: WorkerLike | null = null;
  /** No worker here: every run is the fallback's. */
  let inPage = false;
  let answered = false;
  let next = 1;
  const pending = new Map<number, Pending>();
  const drop = () => {
    worker?.terminate();
    worker = null;
  };
  const startWorker = (): WorkerLike | null => {
    const w = start();
    if (w === null) return null;
    w.onmessage = (event) => {
      answered = true;
      const p = pending.get(event.data.id);
      pending.delete(event.data.id);
      p?.resolve(event.data.reply);
    };
    w.onerror = (event) => {
      event.preventDefault();
      const waiting = [...pending.values()];
      pending.clear();
      drop();
      if (!answered) {
        // It never started: run on the page from now on, these runs first.
        inPage = true;
        for (const p of waiting) void fallback.run(p.request).then(p.resolve);
        return;
      }
      const reply = failure(`The scenario worker stopped: ${event.message || 'it crashed'}.`);
      for (const p of waiting) p.resolve(reply);
    };
    return w;
  };
  return {
    run(request: RunRequest) {
      if (!inPage && worker === null) {
        worker = startWorker();
        inPage = worker === null;
      }
      const w = worker;
      if (inPage || w === null) return fallback.run(request);
      const id = next++;
      return new Promise<RunReply>((resolve) => {
        pending.set(id, { request, resolve });
        w.postMessage({ id, request });
      });
    },
  };
}
