// Keeps `?scenario=<id>&step=<k>` (and the view's other keys) in the address bar as the user steps:
// replaceState, so Back leaves the page; coalesced to one write per 250 ms, made when the page is
// idle, so fast stepping or playing never floods the history API nor delays a frame.
import { useEffect } from 'react';
import { replaceQuery } from '../url/query';
import { visualizerUpdates } from '../visualizer/visualizerQuery';
import { useSimApi } from './useSim';

const COALESCE_MS = 250;

export function useUrlSync(): void {
  const store = useSimApi();
  useEffect(() => {
    let timer: number | null = null;
    let idle: number | null = null;
    let last = '';
    const write = () => {
      idle = null;
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
      if (timer !== null || idle !== null) return;
      timer = window.setTimeout(() => {
        timer = null;
        if (typeof window.requestIdleCallback === 'function')
          idle = window.requestIdleCallback(write, { timeout: COALESCE_MS });
        else write();
      }, COALESCE_MS);
    });
    return () => {
      unsubscribe();
      if (timer !== null) window.clearTimeout(timer);
      if (idle !== null) window.cancelIdleCallback(idle);
    };
  }, [store]);
}
