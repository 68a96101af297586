// The page's runner: one Web Worker (worker.ts), started on the first run. Replies are matched to
// requests by id; a worker that fails to start or crashes answers every pending run with a message
// instead of leaving it waiting.
import type { RunReply, RunnerPort, RunRequest } from './protocol';

interface Pending {
  readonly resolve: (reply: RunReply) => void;
}

const failure = (message: string): RunReply => ({
  ok: false,
  diagnostics: [{ line: 1, column: 1, endColumn: 2, severity: 'error', message }],
});

export function browserRunner(): RunnerPort {
  let worker: Worker | null = null;
  let next = 1;
  const pending = new Map<number, Pending>();
  const failAll = (message: string) => {
    for (const p of pending.values()) p.resolve(failure(message));
    pending.clear();
    worker?.terminate();
    worker = null;
  };
  const start = (): Worker => {
    const w = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (event: MessageEvent<{ id: number; reply: RunReply }>) => {
      const p = pending.get(event.data.id);
      pending.delete(event.data.id);
      p?.resolve(event.data.reply);
    };
    w.onerror = (event) => {
      event.preventDefault();
      failAll(`The scenario worker stopped: ${event.message || 'it could not start'}.`);
    };
    return w;
  };
  return {
    run(request: RunRequest) {
      worker ??= start();
      const id = next++;
      const w = worker;
      return new Promise<RunReply>((resolve) => {
        pending.set(id, { resolve });
        w.postMessage({ id, request });
      });
    },
  };
}
