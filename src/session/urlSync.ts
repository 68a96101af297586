// Keeps `?scenario=<id>&step=<k>` (and the options the user chose) in the address as the user
// steps: the query is replaced in place, so Back leaves the page; coalesced to one write per
// COALESCE_MS, made when the host is idle, so fast stepping or playing never floods the history
// API nor delays a frame (a write whose idle callback timed out waits for a real idle moment, up
// to MAX_WAIT_MS: there the layout is clean, so the history API forces none). Keys written to the
// query are taken out of the fragment, which would otherwise override them on the next load
// (url/options.ts reads the fragment on top).
import type { SimState, SimStoreApi } from '../store/createSimStore';
import { selectLinkView } from '../store/selectors';
import type { LocationPort, Scheduler } from './ports';
import { linkUpdates } from './url/links';
import type { EmbedSettings } from './url/embedSettings';
import { readQuery, updateQuery } from './url/query';

const COALESCE_MS = 250;
/** The longest a write waits for the host to be idle. */
const MAX_WAIT_MS = 2000;

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
  /** When the write first found the host busy (null: it has not waited). */
  let busySince: number | null = null;
  const write = (budgetMs: number) => {
    cancel = null;
    // Called at its timeout, with no idle time left (the user steps fast, or it plays): the
    // history API may then lay the page out at once, mid-step, so the write waits for an idle
    // moment (a clean layout), for at most MAX_WAIT_MS.
    const now = scheduler.now();
    if (budgetMs <= 0 && now - (busySince ??= now) < MAX_WAIT_MS) {
      cancel = scheduler.idle(write, COALESCE_MS);
      return;
    }
    busySince = null;
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
