/**
 * The visualizer in a real browser: builds the app, serves the build, drives it with
 * Playwright on the system Chromium, and reports
 * - the time from a click on next (and on back) to the next painted frame, p50 and p95 over 200
 *   steps, animation off, on a generated 16-thread, 10,000-step lesson run on the kernel;
 * - a scrubber jump to a far step of a 100,000-step run, p50 / p95 over 100 jumps (each about a
 *   fifth of the run from the one before; with 20, the p95 was only the slowest jump, the first);
 * - the first meaningful frame after a cold navigation, with where its time went, and the gzipped
 *   JavaScript and CSS the page fetched by then (firstFrame.ts);
 * - main-thread busy time per "next" (scripting + style + layout + paint) from a CDP trace of 60
 *   clicks, one per painted frame, median / p95 and the split of the median click (busyBench.ts);
 * - holding → down at 30 keys/s for 3 s: keys dropped and the most frames a key's step was late
 *   (keyHold.ts);
 * - animations still running 1 s after pausing (no idle loop: must be 0);
 * - the gzipped size of the JavaScript and CSS: fetched by the first frame, named by index.html,
 *   and all chunks.
 * Each click figure is printed beside the floor: the same click on a trivial page, timed in
 * alternating blocks in the same run. Click-to-paint is measured inside the page: from the click event's timestamp to a message posted
 * from the first animation frame after it, i.e. once that frame is painted.
 */
import { chromium } from '@playwright/test';
import type { Page } from '@playwright/test';
import config from '../playwright.config';
import { busyBeside } from './busyBench';
import { byteResults, coldLoadResults } from './firstFrame';
import { forcedLayoutsPerClick } from './forcedLayout';
import { jumpScript, PAINTED } from './pageScripts';
import { holdNext } from './keyHold';
import { servePreview } from './previewServer';
import type { BenchResult } from './report';
import { sizes } from './sizes';
import { openStress } from './workloads/openStress';

const STEPS = 200;
const JUMPS = 100;

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/**
 * Clicks `testId` `count` times from inside the page; for each click, the ms from the click to the
 * end of React's commit (seen by a MutationObserver on the step counter) and to the painted frame.
 */
async function clickToPaint(
  page: Page,
  testId: string,
  count: number,
): Promise<{ work: number[]; paint: number[] }> {
  const pairs = await page.evaluate<[number, number][]>(`(async () => {
    const painted = ${PAINTED};
    const button = document.querySelector('[data-testid="${testId}"]');
    const counter = document.querySelector('[data-testid="step.counter"]');
    if (!button || !counter) throw new Error('no ${testId}');
    const times = [];
    for (let i = 0; i < ${count}; i++) {
      let start = 0;
      const committed = new Promise((resolve) => {
        const mo = new MutationObserver(() => { mo.disconnect(); resolve(performance.now()); });
        mo.observe(counter, { childList: true, subtree: true, characterData: true });
      });
      button.addEventListener('click', (e) => { start = e.timeStamp; }, { once: true, capture: true });
      button.click();
      const work = (await committed) - start;
      times.push([work, (await painted()) - start]);
      await new Promise((r) => setTimeout(r, 10));
    }
    return times;
  })()`);
  return { work: pairs.map((p) => p[0]), paint: pairs.map((p) => p[1]) };
}

/**
 * The floor: the same click on a trivial page (one button per direction, one text node), timed the
 * same way in the same run, so a noisy machine shows in both figures.
 */
const FLOOR_PAGE = `<!doctype html><title>floor</title>
<button data-testid="controls.next">next</button><button data-testid="controls.prev">back</button>
<input type="range" min="0" max="100000" value="0" data-testid="controls.scrubber">
<span data-testid="step.counter">0</span>
<script>
  let n = 0;
  const counter = document.querySelector('[data-testid="step.counter"]');
  for (const [id, d] of [['controls.next', 1], ['controls.prev', -1]]) {
    document.querySelector('[data-testid="' + id + '"]').addEventListener('click', () => {
      n += d;
      counter.textContent = String(n);
    });
  }
  const range = document.querySelector('[data-testid="controls.scrubber"]');
  range.addEventListener('input', () => (counter.textContent = range.value));
  addEventListener('keydown', (e) => {
    if (e.key === 'ArrowRight') counter.textContent = String(++n);
  });
</script>`;

const BLOCKS = 4;
const HOLD_SECONDS = 3;

/** `count` clicks on `testId` in alternating blocks: Rendezvous's page, then the floor page. */
async function alternating(
  page: Page,
  floor: Page,
  testId: string,
  count: number,
): Promise<{ app: { work: number[]; paint: number[] }; floor: number[] }> {
  const app = { work: [] as number[], paint: [] as number[] };
  const floorPaint: number[] = [];
  const block = Math.ceil(count / BLOCKS);
  for (let b = 0; b < BLOCKS; b++) {
    const a = await clickToPaint(page, testId, block);
    app.work.push(...a.work);
    app.paint.push(...a.paint);
    floorPaint.push(...(await clickToPaint(floor, testId, block)).paint);
  }
  return { app, floor: floorPaint };
}

/** Sets the scrubber to each of `steps`; returns each input-to-paint time in ms. */
function jumpToPaint(page: Page, steps: readonly number[]): Promise<number[]> {
  return page.evaluate<number[]>(jumpScript(steps));
}

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  let firstBytes: number | undefined;
  const server = await servePreview('rendezvous-bench-');
  const { base } = server;
  const size = sizes(server.outDir);
  const browser = await chromium.launch(config.use?.launchOptions ?? {});
  try {
    const cold = await coldLoadResults(browser, base, size);
    firstBytes = cold.firstBytes;
    results.push(...cold.results);

    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });

    const floorPage = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await floorPage.setContent(FLOOR_PAGE);

    await openStress(page, base, { threads: 16, steps: 10_000, step: 4000 });
    const nextRun = await alternating(page, floorPage, 'controls.next', STEPS);
    const backRun = await alternating(page, floorPage, 'controls.prev', STEPS);
    const next = nextRun.app;
    const back = backRun.app;
    const forcedNext = await forcedLayoutsPerClick(page, 'controls.next', 20);
    const forcedBack = await forcedLayoutsPerClick(page, 'controls.prev', 20);
    const forcedFloor = await forcedLayoutsPerClick(floorPage, 'controls.next', 20);
    const busy = await busyBeside(page, floorPage, 60);
    const hold = await holdNext(page, HOLD_SECONDS);
    const floorHold = await holdNext(floorPage, HOLD_SECONDS);
    const ms = (name: string, values: number[], floor: number[], p: number): BenchResult => ({
      name: `${name}, p${p}`,
      value: percentile(values, p),
      unit: 'ms',
      target: '≤ 16.7',
      floor: percentile(floor, p),
    });
    results.push(
      ms('next: click to painted frame (16 threads, 10,000 steps)', next.paint, nextRun.floor, 50),
      ms('next: click to painted frame', next.paint, nextRun.floor, 95),
      ms('back: click to painted frame', back.paint, backRun.floor, 50),
      ms('back: click to painted frame', back.paint, backRun.floor, 95),
      {
        name: 'forced layouts per click, next (CDP trace, 20 clicks)',
        value: forcedNext,
        unit: '',
        target: '0',
      },
      {
        name: 'forced layouts per click on the trivial page (floor)',
        value: forcedFloor,
        unit: '',
      },
      { name: 'forced layouts per click, back', value: forcedBack, unit: '', target: '0' },
      ...busy,
      {
        name: `hold → (30 keys/s, ${HOLD_SECONDS} s): keys dropped of ${hold.sent}`,
        value: hold.sent - hold.advanced,
        unit: '',
        target: '0',
        floor: floorHold.sent - floorHold.advanced,
      },
      {
        name: 'hold →: most frames a key’s step was late',
        value: hold.behind,
        unit: 'frames',
        target: '≤ 1',
        floor: floorHold.behind,
      },
      {
        name: 'next: click to end of render (JS), p50',
        value: percentile(next.work, 50),
        unit: 'ms',
      },
      {
        name: 'next: click to end of render (JS), p95',
        value: percentile(next.work, 95),
        unit: 'ms',
      },
    );

    await openStress(page, base, { threads: 16, steps: 100_000 });
    const last = Number((await page.getByTestId('step.counter').innerText()).split('/')[1]);
    const targets = Array.from(
      { length: JUMPS },
      (_, i) => Math.floor(((i * 7919) % JUMPS) * (last / JUMPS)) + 17,
    );
    const jumps = await jumpToPaint(page, targets);
    const floorJumps = await jumpToPaint(floorPage, targets);
    results.push(
      {
        name: 'jump to a far step, p50 (16 threads, 100,000 steps)',
        value: percentile(jumps, 50),
        unit: 'ms',
        target: '≤ 16.7',
        floor: percentile(floorJumps, 50),
      },
      {
        name: 'jump to a far step, p95',
        value: percentile(jumps, 95),
        unit: 'ms',
        target: '≤ 16.7',
        floor: percentile(floorJumps, 95),
      },
    );

    await page.getByTestId('controls.play').click();
    await page.waitForTimeout(300);
    await page.getByTestId('controls.play').click();
    await page.waitForTimeout(1000);
    const running = await page.evaluate<number>(
      `document.getAnimations().filter((a) => a.playState === 'running').length`,
    );
    results.push({
      name: 'animations running 1 s after pause',
      value: running,
      unit: '',
      target: '0',
    });
  } finally {
    await browser.close();
    await server.close();
  }
  results.push(
    ...byteResults(size, firstBytes ?? NaN),
    {
      name: 'JS + CSS gzipped, every chunk the page loads (every panel; not the editor, the worker)',
      value: size.panels / 1024,
      unit: 'KB',
      target: '≤ 250',
    },
    { name: 'JS + CSS gzipped, every chunk', value: size.all / 1024, unit: 'KB' },
  );
  return results;
}
