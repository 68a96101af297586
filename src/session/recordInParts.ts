// The rest of a long run, recorded in idle time after its first steps are on screen: a few
// milliseconds of kernel steps per idle slice, and a longer source handed to the store at most
// every PUBLISH_MS (each hand-over re-renders the step counter and the scrubber) and at the end.
// A run recorded by the worker (`follow`) comes in parts instead; the same rule hands them over.
import type { SimStoreApi } from '../store/createSimStore';
import type { FollowListener, Recorded } from '../store/openScenario';
import type { FrameSource } from '../store/viewModel';
import type { Scheduler } from './ports';

/** Steps the page records before it shows a run; the rest follows in idle time. */
export const FIRST_STEPS = 2000;
const SLICE_MS = 8;
const PUBLISH_MS = 250;
const IDLE_TIMEOUT_MS = 100;

export interface RecordCallbacks {
  /** The run is recorded to its end (or its step cap) and the store has all of it. */
  readonly done: () => void;
  /** Recording threw; the store keeps what it had. */
  readonly failed: (message: string) => void;
}

/** Records the rest of `rest` into `store` in idle slices; returns a function that stops it. */
export function recordInParts(
  rest: Recorded,
  store: SimStoreApi,
  scheduler: Scheduler,
  callbacks: RecordCallbacks,
): () => void {
  let at = rest;
  let cancel: (() => void) | null = null;
  let msPerStep = 0.05;
  let published = scheduler.now();

  const slice = (budgetMs: number) => {
    cancel = null;
    const more = at.more;
    if (!more) return;
    const budget = Math.min(SLICE_MS, Math.max(2, budgetMs));
    const start = scheduler.now();
    const steps = Math.max(16, Math.floor(budget / msPerStep));
    try {
      at = more(steps);
    } catch (error) {
      callbacks.failed(
        `Recording the run stopped: ${error instanceof Error ? error.message : String(error)}`,
      );
      return;
    }
    const now = scheduler.now();
    msPerStep = Math.max(0.001, (now - start) / steps);
    if (!at.more || now - published >= PUBLISH_MS) {
      published = now;
      store.getState().extend(at.source);
    }
    if (at.more) cancel = scheduler.idle(slice, IDLE_TIMEOUT_MS);
    else callbacks.done();
  };

  if (rest.follow) return followParts(rest.follow, store, scheduler, callbacks);
  if (!rest.more) {
    callbacks.done();
    return () => undefined;
  }
  cancel = scheduler.idle(slice, IDLE_TIMEOUT_MS);
  return () => {
    cancel?.();
    cancel = null;
  };
}

/** Hands the parts a worker records to the store: at most every PUBLISH_MS, and the last one. */
function followParts(
  follow: (listener: FollowListener) => () => void,
  store: SimStoreApi,
  scheduler: Scheduler,
  callbacks: RecordCallbacks,
): () => void {
  let published = scheduler.now();
  let latest: (() => FrameSource) | null = null;
  let timer: (() => void) | null = null;
  const publish = () => {
    timer = null;
    if (latest === null) return;
    published = scheduler.now();
    store.getState().extend(latest());
    latest = null;
  };
  const stop = follow({
    part(source, end) {
      latest = source;
      if (end !== null) {
        timer?.();
        publish();
        if (end.notice !== null) store.getState().setNotice(end.notice);
        callbacks.done();
        return;
      }
      const wait = PUBLISH_MS - (scheduler.now() - published);
      if (wait <= 0) publish();
      else timer ??= scheduler.after(wait, publish);
    },
    failed(message) {
      timer?.();
      publish();
      callbacks.failed(message);
    },
  });
  return () => {
    timer?.();
    timer = null;
    stop();
  };
}
