// Playback's timer: while the store says `playing`, an interval calls `tick()` at the chosen speed.
// Paused, nothing runs (no idle loop).
import { useEffect } from 'react';
import { useSim, useSimApi } from './useSim';

export function usePlayback(): void {
  const store = useSimApi();
  const playing = useSim((s) => s.playing);
  const speed = useSim((s) => s.speed);
  useEffect(() => {
    if (!playing) return undefined;
    const timer = window.setInterval(() => store.getState().tick(), 1000 / speed);
    return () => window.clearInterval(timer);
  }, [playing, speed, store]);
}
