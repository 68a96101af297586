// Keeps `?scenario=<id>&step=<k>` (and the view's other keys) in the address bar as the user steps:
// replaceState, so Back leaves the page; coalesced to one write per 120 ms, so fast stepping or
// playing never floods the history API.
import { useEffect } from 'react';
import { replaceQuery } from '../url/query';
import { visualizerUpdates } from '../visualizer/visualizerQuery';
import { useSimApi } from './useSim';

const COALESCE_MS = 120;

export function useUrlSync(): void {
  const store = useSimApi();
  useEffect(() => {
    let timer: number | null = null;
    let last = '';
    const write = () => {
      timer = null;
      const s = store.getState();
      if (!s.source) return;
      const updates = visualizerUpdates({
        scenario: s.scenarioId,
        step: s.cursor,
        granularity: s.granularity,
        hidden: s.hidden,
      });
      const key = JSON.stringify(updates);
      if (key === last) return;
      last = key;
      replaceQuery(updates);
    };
    const unsubscribe = store.subscribe((s, prev) => {
      if (
        s.cursor === prev.cursor &&
        s.source === prev.source &&
        s.granularity === prev.granularity &&
        s.hidden === prev.hidden
      )
        return;
      if (timer === null) timer = window.setTimeout(write, COALESCE_MS);
    });
    return () => {
      unsubscribe();
      if (timer !== null) window.clearTimeout(timer);
    };
  }, [store]);
}
