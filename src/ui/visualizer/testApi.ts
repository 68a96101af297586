// window.__sim: a small bridge for end-to-end tests and the bench (tldraw's EndToEndApi), installed
// only in development builds or with `?test=1`.
import type { SimStoreApi } from '../../store/createSimStore';

export interface SimTestApi {
  /** Cursor, last step, scenario id and playing flag. */
  state(): {
    cursor: number;
    last: number;
    scenario: string | null;
    playing: boolean;
    animate: boolean;
  };
  seek(step: number): void;
  next(): void;
  prev(): void;
}

declare global {
  interface Window {
    __sim?: SimTestApi;
  }
}

export function installTestApi(store: SimStoreApi): () => void {
  const api: SimTestApi = {
    state() {
      const s = store.getState();
      return {
        cursor: s.cursor,
        last: Math.max(0, (s.source?.length ?? 1) - 1),
        scenario: s.scenarioId,
        playing: s.playing,
        animate: s.animate,
      };
    },
    seek: (step) => store.getState().seek(step),
    next: () => store.getState().next(),
    prev: () => store.getState().prev(),
  };
  window.__sim = api;
  return () => {
    if (window.__sim === api) delete window.__sim;
  };
}
