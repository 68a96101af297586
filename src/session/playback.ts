// Playback's clock: while the store says `playing`, `tick()` runs at the chosen speed. Paused,
// nothing is scheduled (no idle loop).
import type { SimStoreApi } from '../store/createSimStore';
import type { Scheduler } from './ports';

/** Drives `store`'s playback with `scheduler`'s timers; returns a function that stops it. */
export function drivePlayback(store: SimStoreApi, scheduler: Scheduler): () => void {
  let cancel: (() => void) | null = null;
  const stop = () => {
    cancel?.();
    cancel = null;
  };
  const schedule = () => {
    const { playing, speed } = store.getState();
    if (!playing) return;
    cancel = scheduler.after(1000 / speed, () => {
      cancel = null;
      store.getState().tick();
      schedule();
    });
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.playing === prev.playing && s.speed === prev.speed) return;
    stop();
    schedule();
  });
  schedule();
  return () => {
    unsubscribe();
    stop();
  };
}
