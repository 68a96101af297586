// The rest of a long run, recorded while the page is idle after its first steps are on screen: a
// few milliseconds of kernel steps per idle slice, and a longer source handed to the store at most
// every PUBLISH_MS (each hand-over re-renders the step counter and the scrubber) and at the end.
import type { SimStoreApi } from '../../store/createSimStore';
import type { Recorded } from '../../store/openScenario';

/** Steps the page records before it shows a run; the rest follows in idle time. */
export const FIRST_STEPS = 2000;
const SLICE_MS = 8;
const PUBLISH_MS = 250;

/** Records `rest` into `store` in idle slices; returns a function that stops it. */
export function recordRest(rest: Recorded, store: SimStoreApi): () => void {
  let at = rest;
  let handle: number | null = null;
  let msPerStep = 0.05;
  let published = performance.now();
  const idle = typeof window.requestIdleCallback === 'function';

  const slice = (deadline?: IdleDeadline) => {
    handle = null;
    const budget = Math.min(SLICE_MS, Math.max(2, deadline?.timeRemaining() ?? SLICE_MS));
    const more = at.more;
    if (!more) return;
    const start = performance.now();
    const steps = Math.max(16, Math.floor(budget / msPerStep));
    try {
      at = more(steps);
    } catch (error) {
      store
        .getState()
        .setNotice(
          `Recording the run stopped: ${error instanceof Error ? error.message : String(error)}`,
        );
      return;
    }
    const now = performance.now();
    msPerStep = Math.max(0.001, (now - start) / steps);
    if (!at.more || now - published >= PUBLISH_MS) {
      published = now;
      store.getState().extend(at.source);
    }
    if (at.more) schedule();
  };
  const schedule = () => {
    handle = idle
      ? window.requestIdleCallback(slice, { timeout: 100 })
      : window.setTimeout(() => slice(), 0);
  };

  schedule();
  return () => {
    if (handle === null) return;
    if (idle) window.cancelIdleCallback(handle);
    else window.clearTimeout(handle);
    handle = null;
  };
}
