// Holding → down: from inside the page, a keydown ArrowRight every 33 ms (30 steps/s, the first
// with repeat false, the rest with repeat true, as a held key repeats, then a keyup), on the
// document's body, where the page's key handler (ui/hooks/useCommandKeys.ts) takes it as "next".
// The page does not coalesce repeats: every keydown is one "next", so a key is dropped when the run
// advanced fewer steps than keys were sent. Each animation frame samples the keys sent so far and
// the step the counter shows (the DOM that frame paints); a key is "behind" for every frame that
// started after it was sent and still painted an older step. The figures: keys dropped, and the
// most frames any key was behind (0: every key's step is in the first frame after it).
import type { Page } from '@playwright/test';

export interface KeyHold {
  readonly sent: number;
  readonly advanced: number;
  /** The most frames painted after a key without its step. */
  readonly behind: number;
  readonly frames: number;
}

/** Per animation frame: [keys sent before it, step shown]. */
export type FrameSample = readonly [number, number];

/** The most frames any of the `sent` keys waited for its step, from `start`, in `samples`. */
export function framesBehind(samples: readonly FrameSample[], start: number, sent: number): number {
  let most = 0;
  for (let k = 1; k <= sent; k++) {
    const from = samples.findIndex(([s]) => s >= k);
    if (from < 0) continue;
    let waited = 0;
    for (let i = from; i < samples.length && (samples[i]?.[1] ?? 0) < start + k; i++) waited++;
    most = Math.max(most, waited);
  }
  return most;
}

/** Holds → for `seconds` at `perSecond` keys a second on `page` (its step counter reads `k / n`). */
export async function holdNext(page: Page, seconds: number, perSecond = 30): Promise<KeyHold> {
  const keys = Math.round(seconds * perSecond);
  const run = await page.evaluate<{
    start: number;
    end: number;
    samples: FrameSample[];
  }>(`(async () => {
    const counter = document.querySelector('[data-testid="step.counter"]');
    if (!counter) throw new Error('no step counter');
    const shown = () => parseInt(counter.textContent, 10);
    const key = (type, repeat) => document.body.dispatchEvent(new KeyboardEvent(type, {
      key: 'ArrowRight', code: 'ArrowRight', repeat, bubbles: true, cancelable: true,
    }));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const start = shown();
    const samples = [];
    let sent = 0;
    let sampling = true;
    const sample = () => {
      samples.push([sent, shown()]);
      if (sampling) requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
    const t0 = performance.now();
    for (let i = 0; i < ${keys}; i++) {
      const wait = t0 + i * ${1000 / perSecond} - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      key('keydown', i > 0);
      sent++;
    }
    key('keyup', false);
    for (let i = 0; i < 10; i++) await new Promise((r) => requestAnimationFrame(r));
    sampling = false;
    return { start, end: shown(), samples };
  })()`);
  return {
    sent: keys,
    advanced: run.end - run.start,
    behind: framesBehind(run.samples, run.start, keys),
    frames: run.samples.length,
  };
}
