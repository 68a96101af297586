// The page's runner: one Web Worker (worker.ts), started on the first run. Replies are matched to
// requests by id; a worker that fails to start or crashes answers every pending run with a message
// instead of leaving it waiting, and every recording in parts with `unavailable` (the page then
// records on its own thread) or, once it has parts, with a failure.
import type {
  RecordingRunner,
  RecordMessage,
  RecordRequest,
  RunReply,
  RunRequest,
} from './protocol';

interface Pending {
  readonly resolve: (reply: RunReply) => void;
}

interface Stream {
  readonly tell: (message: RecordMessage) => void;
  started: boolean;
}

type Answer =
  | { readonly id: number; readonly reply: RunReply }
  | { readonly id: number; readonly part: RecordMessage };

const failure = (message: string) =>
  ({
    ok: false,
    diagnostics: [{ line: 1, column: 1, endColumn: 2, severity: 'error', message }],
  }) as const;

export function browserRunner(): RecordingRunner {
  let worker: Worker | null = null;
  let next = 1;
  const pending = new Map<number, Pending>();
  const streams = new Map<number, Stream>();
  const failAll = (message: string) => {
    for (const p of pending.values()) p.resolve(failure(message));
    pending.clear();
    for (const s of streams.values())
      s.tell(
        s.started
          ? { kind: 'failed', diagnostics: failure(message).diagnostics }
          : { kind: 'unavailable', message },
      );
    streams.clear();
    worker?.terminate();
    worker = null;
  };
  const start = (): Worker => {
    const w = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (event: MessageEvent<Answer>) => {
      const answer = event.data;
      if ('part' in answer) {
        const s = streams.get(answer.id);
        if (s === undefined) return;
        s.started = true;
        if (answer.part.kind !== 'part' || answer.part.done) streams.delete(answer.id);
        s.tell(answer.part);
        return;
      }
      const p = pending.get(answer.id);
      pending.delete(answer.id);
      p?.resolve(answer.reply);
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
    record(request: RecordRequest, tell: (message: RecordMessage) => void) {
      const id = next++;
      try {
        worker ??= start();
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        queueMicrotask(() => tell({ kind: 'unavailable', message }));
        return () => undefined;
      }
      const w = worker;
      streams.set(id, { tell, started: false });
      w.postMessage({ id, record: request });
      return () => {
        if (!streams.delete(id)) return;
        w.postMessage({ id, cancel: true });
      };
    },
  };
}
