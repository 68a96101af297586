// Keeps `?scenario=<id>&step=<k>` (and the view's other keys) in the address as the user steps:
// the query is replaced in place, so Back leaves the page; coalesced to one write per
// COALESCE_MS, made when the host is idle, so fast stepping or playing never floods the history
// API nor delays a frame.
import type { SimStoreApi } from '../store/createSimStore';
import type { LocationPort, Scheduler } from './ports';
import { updateQuery } from './url/query';
import { viewOptionUpdates } from './url/viewOptions';
import { visualizerUpdates } from './url/visualizerQuery';

const COALESCE_MS = 250;

/** Starts syncing `store` into `location`; returns a function that stops it. */
export function syncUrl(
  store: SimStoreApi,
  location: LocationPort,
  scheduler: Scheduler,
): () => void {
  let cancel: (() => void) | null = null;
  let last = '';
  const write = () => {
    cancel = null;
    const s = store.getState();
    if (!s.source) return;
    const updates = {
      ...visualizerUpdates({
        scenario: s.scenarioId,
        step: s.cursor,
        granularity: s.granularity,
        hidden: s.hidden,
      }),
      ...viewOptionUpdates({ theme: s.theme, fontScale: s.fontScale }),
    };
    const key = JSON.stringify(updates);
    if (key === last) return;
    last = key;
    const next = updateQuery(location.search(), updates);
    if (next !== location.search()) location.replaceSearch(next);
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (
      s.cursor === prev.cursor &&
      s.source === prev.source &&
      s.granularity === prev.granularity &&
      s.hidden === prev.hidden &&
      s.theme === prev.theme &&
      s.fontScale === prev.fontScale
    )
      return;
    if (cancel) return;
    const cancelTimer = scheduler.after(COALESCE_MS, () => {
      cancel = scheduler.idle(write, COALESCE_MS);
    });
    cancel = cancelTimer;
  });
  return () => {
    unsubscribe();
    cancel?.();
    cancel = null;
  };
}
