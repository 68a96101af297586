// "Words travel from sender to receiver": after a step with a transfer, each copied word of the
// receiver's register card starts where the sender's same word is and slides into place. Web
// Animations API: nothing runs once it ends, nothing runs at all with animation off.
import { useLayoutEffect } from 'react';
import type { RefObject } from 'react';

/** Slide time; with the stagger (at most 90 ms) every word lands within 400 ms. */
export const TRAVEL_MS = 300;
const STAGGER_MS = 15;

interface Travel {
  readonly from: string;
  readonly to: string;
  /** Words copied: MR0..MR(count−1). */
  readonly count: number;
}

function cell(root: HTMLElement, thread: string, i: number): HTMLElement | null {
  return root.querySelector<HTMLElement>(`[data-testid="mr.${thread}.${i}"]`);
}

/** Runs the travel animation inside `root` whenever `key` changes and `travel` is set. */
export function useTravel(
  root: RefObject<HTMLElement | null>,
  travel: Travel | null,
  enabled: boolean,
  key: unknown,
): void {
  useLayoutEffect(() => {
    const el = root.current;
    if (!el || !travel || !enabled || travel.from === travel.to) return undefined;
    const animations: Animation[] = [];
    for (let i = 0; i < travel.count; i++) {
      const src = cell(el, travel.from, i);
      const dst = cell(el, travel.to, i);
      if (!src || !dst || typeof dst.animate !== 'function') continue;
      const a = src.getBoundingClientRect();
      const b = dst.getBoundingClientRect();
      const dx = a.left - b.left;
      const dy = a.top - b.top;
      const glow = getComputedStyle(dst).getPropertyValue('--changed-bg').trim() || '#fff1a8';
      animations.push(
        dst.animate(
          [
            { transform: `translate(${dx}px, ${dy}px)`, backgroundColor: glow, offset: 0 },
            { transform: 'translate(0, 0)', backgroundColor: glow, offset: 0.85 },
            { transform: 'translate(0, 0)', backgroundColor: 'transparent', offset: 1 },
          ],
          {
            duration: TRAVEL_MS,
            delay: Math.min(i, 6) * STAGGER_MS,
            easing: 'cubic-bezier(0.2, 0.7, 0.2, 1)',
            fill: 'backwards',
          },
        ),
      );
    }
    return () => animations.forEach((a) => a.cancel());
    // `key` (the frame index) restarts the animation on every step; travel is read fresh then.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, enabled]);
}
