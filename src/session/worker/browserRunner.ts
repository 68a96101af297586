// The page's runner: one Web Worker (worker.ts), started on the first run. Replies are matched to
// requests by id. A worker that cannot start (its constructor throws, or it reports an error before
// its first message: a page opened from file://) hands every job to `fallback` (the page's own
// thread): pending and later runs are run by it, recordings in parts answer `unavailable` (the page
// then records on its own thread). A worker that crashes after it has answered fails what is
// pending with a message instead of leaving it waiting, and the next job starts a new one.
import type { PreviewFrames } from '../../store/previewSource';
import type {
  PreviewRequest,
  RecordingRunner,
  RecordMessage,
  RecordRequest,
  RunnerPort,
  RunReply,
  RunRequest,
} from './protocol';
import { startModuleWorker } from './startWorker';

interface Pending {
  readonly request: RunRequest;
  readonly resolve: (reply: RunReply) => void;
}

interface Stream {
  readonly tell: (message: RecordMessage) => void;
  started: boolean;
}

type Answer =
  | { readonly id: number; readonly reply: RunReply }
  | { readonly id: number; readonly part: RecordMessage }
  | { readonly id: number; readonly preview: PreviewFrames | null }
  | { readonly id: number; readonly previewMore: PreviewFrames | null };

/** The part of a Worker the runner uses (tests give a fake). */
export type WorkerLike = Pick<Worker, 'postMessage' | 'terminate'> & {
  onmessage: ((event: MessageEvent<Answer>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
};

const failure = (message: string) =>
  ({
    ok: false,
    diagnostics: [{ line: 1, column: 1, endColumn: 2, severity: 'error', message }],
  }) as const;

/** A runner whose worker can be started before its first job (the script loads meanwhile). */
export interface BrowserRunner extends RecordingRunner {
  /** Starts the worker now, if it can start and has not: the first job then finds it loaded. */
  warm(): void;
  /**
   * A lesson's first frames, made by the worker (null when it has none or cannot start); `more` is
   * then told all of them with the few after (or null), once.
   */
  preview(
    request: PreviewRequest,
    more?: (frames: PreviewFrames | null) => void,
  ): Promise<PreviewFrames | null>;
}

export function browserRunner(
  options: { readonly fallback?: RunnerPort; readonly startWorker?: () => WorkerLike | null } = {},
): BrowserRunner {
  const { fallback, startWorker = startModuleWorker } = options;
  let worker: WorkerLike | null = null;
  /** The worker has answered once: it can start, so a later error is a crash. */
  let answered = false;
  /** No worker can start here: every job goes to `fallback`. */
  let broken: string | null = null;
  let next = 1;
  const pending = new Map<number, Pending>();
  const streams = new Map<number, Stream>();
  const previews = new Map<
    number,
    {
      readonly first: (preview: PreviewFrames | null) => void;
      readonly more?: ((frames: PreviewFrames | null) => void) | undefined;
    }
  >();
  const runElsewhere = (request: RunRequest, message: string): Promise<RunReply> =>
    fallback === undefined ? Promise.resolve(failure(message)) : fallback.run(request);
  const failAll = (message: string) => {
    const cannotStart = !answered && fallback !== undefined;
    if (cannotStart) broken = message;
    for (const p of pending.values())
      if (cannotStart) void runElsewhere(p.request, message).then(p.resolve);
      else p.resolve(failure(message));
    pending.clear();
    for (const s of streams.values())
      s.tell(
        s.started
          ? { kind: 'failed', diagnostics: failure(message).diagnostics }
          : { kind: 'unavailable', message },
      );
    streams.clear();
    for (const p of previews.values()) {
      p.first(null); // no-op once it has answered
      p.more?.(null);
    }
    previews.clear();
    worker?.terminate();
    worker = null;
  };
  const start = (): WorkerLike => {
    const w = startWorker();
    if (w === null) throw new Error('This page cannot start a scenario worker.');
    w.onmessage = (event: MessageEvent<Answer>) => {
      answered = true;
      const answer = event.data;
      if ('preview' in answer) {
        previews.get(answer.id)?.first(answer.preview);
        if (answer.preview === null) previews.delete(answer.id);
        return;
      }
      if ('previewMore' in answer) {
        previews.get(answer.id)?.more?.(answer.previewMore);
        previews.delete(answer.id);
        return;
      }
      if ('part' in answer) {
        const s = streams.get(answer.id);
        if (s === undefined) return;
        s.started = true;
        const more = answer.part.kind === 'part' && !answer.part.done;
        if (!more) streams.delete(answer.id);
        s.tell(answer.part);
        // Taken in: the worker may post another (at most two wait, worker.ts).
        if (more && streams.has(answer.id)) w.postMessage({ id: answer.id, ack: true });
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
  /** The worker, started if need be; null (and `broken` set) when it cannot start. */
  const ready = (): WorkerLike | null => {
    if (broken !== null) return null;
    try {
      worker ??= start();
      return worker;
    } catch (error) {
      broken = error instanceof Error ? error.message : String(error);
      return null;
    }
  };
  return {
    warm() {
      ready();
    },
    preview(request: PreviewRequest, more) {
      const w = ready();
      if (w === null) return Promise.resolve(null);
      const id = next++;
      return new Promise((resolve) => {
        previews.set(id, { first: resolve, more });
        w.postMessage({ id, preview: request });
      });
    },
    run(request: RunRequest) {
      const w = ready();
      if (w === null) return runElsewhere(request, broken ?? 'There is no scenario worker.');
      const id = next++;
      return new Promise<RunReply>((resolve) => {
        pending.set(id, { request, resolve });
        w.postMessage({ id, request });
      });
    },
    record(request: RecordRequest, tell: (message: RecordMessage) => void) {
      const w = ready();
      if (w === null) {
        const message = broken ?? 'There is no scenario worker.';
        queueMicrotask(() => tell({ kind: 'unavailable', message }));
        return () => undefined;
      }
      const id = next++;
      streams.set(id, { tell, started: false });
      w.postMessage({ id, record: request });
      return () => {
        if (!streams.delete(id)) return;
        w.postMessage({ id, cancel: true });
      };
    },
  };
}
