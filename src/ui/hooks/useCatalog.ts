// The scenario catalog and the scenario shown: the catalog is given, or the built-in one is loaded
// (a chunk of its own, see loadCatalog.ts); once it is there, the scenario in the address (else the
// default) is opened at the address's step. A long run is shown after its first FIRST_STEPS steps
// (or up to the address's step) and the rest is recorded while the page is idle. `settled` turns
// true when that first open is over, whether it worked or left a notice; `open(id)` opens another.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { OpenResult, ScenarioCatalog } from '../visualizer/catalog';
import { loadDefaultCatalog } from '../visualizer/loadCatalog';
import { FIRST_STEPS, recordRest } from '../visualizer/recordRest';
import type { VisualizerQuery } from '../visualizer/visualizerQuery';
import { useSimApi } from './useSim';

export interface CatalogState {
  readonly catalog: ScenarioCatalog | null;
  readonly settled: boolean;
  readonly open: (id: string) => void;
}

export function useCatalog(
  given: ScenarioCatalog | undefined,
  query: VisualizerQuery,
): CatalogState {
  const store = useSimApi();
  const [loaded, setLoaded] = useState<ScenarioCatalog | null>(null);
  const [settled, setSettled] = useState(false);
  const stopRecording = useRef<(() => void) | null>(null);
  const catalog = given ?? loaded;

  /** Shows an opened scenario at `step` and records the rest of it, if any, in idle time. */
  const show = useCallback(
    (result: OpenResult & { ok: true }, id: string, step: number) => {
      stopRecording.current?.();
      stopRecording.current = null;
      store.getState().load(result.source, { id, step });
      if (result.more) stopRecording.current = recordRest(result, store);
    },
    [store],
  );

  useEffect(() => () => stopRecording.current?.(), []);

  useEffect(() => {
    if (given) return undefined;
    let live = true;
    loadDefaultCatalog().then(
      (c) => {
        if (live) setLoaded(c);
      },
      (error: unknown) => {
        if (!live) return;
        const why = error instanceof Error ? error.message : String(error);
        store.getState().setNotice(`The scenarios could not be loaded: ${why}`);
        setSettled(true);
      },
    );
    return () => {
      live = false;
    };
  }, [given, store]);

  useEffect(() => {
    if (!catalog) return undefined;
    let live = true;
    const params = new URLSearchParams(window.location.search);
    const wanted = query.scenario ?? catalog.defaultId;
    const badStep = query.step !== null && Number.isNaN(query.step);
    const step = badStep ? 0 : (query.step ?? 0);
    void (async () => {
      let result = await catalog.open(wanted, params, {
        firstSteps: Math.max(FIRST_STEPS, step + 1),
      });
      let message: string | null = null;
      if (!result.ok) {
        message = `${result.message} Showing "${catalog.defaultId}" instead.`;
        result = await catalog.open(catalog.defaultId, params, { firstSteps: FIRST_STEPS });
      }
      if (!live) return;
      setSettled(true);
      if (!result.ok) {
        store.getState().setNotice(result.message);
        return;
      }
      show(result, message ? catalog.defaultId : wanted, message ? 0 : step);
      if (message) store.getState().setNotice(message);
      else if (badStep)
        store.getState().setNotice('The step in the address is not a number; showing step 0.');
    })();
    return () => {
      live = false;
    };
  }, [catalog, query, store, show]);

  const open = useCallback(
    (id: string) => {
      void catalog?.open(id, new URLSearchParams(), { firstSteps: FIRST_STEPS }).then((result) => {
        if (result.ok) show(result, id, 0);
        else store.getState().setNotice(result.message);
      });
    },
    [catalog, show, store],
  );

  return { catalog, settled, open };
}
