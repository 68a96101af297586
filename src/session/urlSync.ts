// Keeps `?scenario=<id>&step=<k>` (and the options the user chose) in the address as the user
// steps: the query is replaced in place, so Back leaves the page; coalesced to one write per
// COALESCE_MS, so fast stepping or playing never floods the history API. The write is made in
// the first task after a painted frame, and only when nothing changed the page since that frame:
// Chromium lays a dirty page out when the history API is called, which would be a forced layout
// on the step path (a click's commit can come before an idle callback, so idle is not enough).
// A moment found dirty is tried again after the next frame, so while the user clicks every frame
// the address waits, and follows within a frame or two of the last step. Keys written to the
// query are taken out of the fragment, which would otherwise override them on the next load
// (url/options.ts reads the fragment on top).
import type { SimState, SimStoreApi } from '../store/createSimStore';
import { selectLinkView } from '../store/selectors';
import type { LocationPort, Scheduler } from './ports';
import { linkUpdates } from './url/links';
import type { EmbedSettings } from './url/embedSettings';
import { readQuery, updateQuery } from './url/query';

const COALESCE_MS = 250;

const WATCHED = [
  'cursor',
  'source',
  'granularity',
  'hidden',
  'theme',
  'fontScale',
  'speed',
  'controls',
] as const satisfies readonly (keyof SimState)[];

/** `hash` without `keys`, when it holds parameters; '' when nothing is left. */
function hashWithout(hash: string, keys: readonly string[]): string {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!fragment.includes('=')) return hash;
  const params = readQuery(fragment);
  for (const key of keys) params.delete(key);
  const text = params.toString();
  return text ? `#${text}` : '';
}

/** Starts syncing `store` into `location`; returns a function that stops it. */
export function syncUrl(
  store: SimStoreApi,
  location: LocationPort,
  scheduler: Scheduler,
  mode: Pick<EmbedSettings, 'defaultControls' | 'defaultHidden'> = {
    defaultControls: 'full',
    defaultHidden: [],
  },
): () => void {
  let cancel: (() => void) | null = null;
  let last = '';
  const write = (clean: boolean) => {
    // The page changed after the frame was painted: the history API would lay it out now.
    if (!clean) {
      cancel = scheduler.afterPaint(write);
      return;
    }
    cancel = null;
    const s = store.getState();
    if (!s.source) return;
    const updates = linkUpdates({ ...selectLinkView(s), ...mode });
    const key = JSON.stringify(updates);
    if (key === last) return;
    last = key;
    const next = updateQuery(location.search(), updates);
    if (next !== location.search()) location.replaceSearch(next);
    const hash = hashWithout(location.hash(), Object.keys(updates));
    if (hash !== location.hash()) location.replaceHash(hash);
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (WATCHED.every((k) => s[k] === prev[k])) return;
    if (cancel) return;
    cancel = scheduler.after(COALESCE_MS, () => {
      cancel = scheduler.afterPaint(write);
    });
  });
  return () => {
    unsubscribe();
    cancel?.();
    cancel = null;
  };
}
