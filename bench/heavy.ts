/**
 * `npm run bench -- heavy`: a heavy run anyone can put in a link, measured on the page's main
 * thread (docs/reliability.md, "A heavy run opened by a link"). 64 threads yielding forever
 * (workloads/endlessYields.ts) are opened
 * - from a `#code=` link, which the page records to its step cap (100,000 steps), and
 * - through the test bridge with `maxSteps` 1,000,000 (MAX_RECORDED_STEPS, the most any recorded
 *   run keeps; no link or button of the page asks for more than 100,000).
 * For each: the seconds until the whole run is recorded, the JS heap at the end, the main thread's
 * tasks from a Chrome trace (`toplevel` ThreadControllerImpl::RunTask events): the longest by CPU time (`tdur`, the
 * page's own work), how many took over 50 ms of CPU, and the longest and the count over 50 ms by
 * the wall clock (what PerformanceObserver('longtask') reports; on a loaded machine this includes
 * time the thread waited for a core); and the worst wait for an animation frame, sampled while the
 * run records.
 */
import { chromium } from '@playwright/test';
import type { Browser } from '@playwright/test';
import config from '../playwright.config';
import { servePreview } from './previewServer';
import type { BenchResult } from './report';
import { codeFragment, endlessYieldsText } from './workloads/endlessYields';

const THREADS = 64;

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly dur?: number;
  readonly tdur?: number;
  readonly args?: { readonly name?: string };
}

/** The renderer main thread's tasks in a Chrome trace: [wall µs, CPU µs]. */
function mainTasks(trace: Buffer): [number, number][] {
  const events = (JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  const main = new Set(
    events
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  return events
    .filter(
      (e) =>
        e.name === 'ThreadControllerImpl::RunTask' && e.ph === 'X' && main.has(`${e.pid}:${e.tid}`),
    )
    .map((e) => [e.dur ?? 0, e.tdur ?? e.dur ?? 0]);
}

// In-page code is passed as text: tsx's name-keeping helpers do not exist in the page.
const STATE = `(() => { const s = window.__sim?.state(); return s ? { last: s.last, phase: s.phase } : null; })()`;
const FRAME_WAIT = `new Promise((resolve) => { const t = performance.now(); requestAnimationFrame(() => resolve(performance.now() - t)); })`;
const HEAP = `performance.memory ? performance.memory.usedJSHeapSize : NaN`;

async function measure(
  browser: Browser,
  base: string,
  how: 'link' | 'bridge',
  steps: number,
): Promise<BenchResult[]> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  try {
    const text = endlessYieldsText(THREADS);
    await page.goto(`${base}/?test=1&animate=0`);
    while ((await page.evaluate<{ last: number } | null>(STATE)) === null)
      await page.waitForTimeout(100);
    await page.evaluate(`window.__sim.settled()`);
    await browser.startTracing(page, { categories: ['toplevel'] });
    const start = Date.now();
    if (how === 'link')
      // The query in another order: a new document, not a change of fragment.
      await page.goto(`${base}/?animate=0&test=1#code=${codeFragment('e.c', text)}`);
    else
      await page.evaluate(
        `window.__sim.openText(${JSON.stringify(text)}, { id: 'heavy', maxSteps: ${steps} })`,
      );
    let frameWait = 0;
    for (;;) {
      frameWait = Math.max(frameWait, await page.evaluate<number>(FRAME_WAIT));
      const s = await page.evaluate<{ last: number; phase: string } | null>(STATE);
      if (s !== null && s.last >= steps && s.phase === 'ready') break;
      if (Date.now() - start > 600_000) throw new Error(`not recorded after 10 minutes (${how})`);
      await page.waitForTimeout(200);
    }
    const seconds = (Date.now() - start) / 1000;
    const tasks = mainTasks(await browser.stopTracing());
    if (tasks.length === 0) throw new Error('the trace holds no task of the page’s main thread');
    const heap = await page.evaluate<number>(HEAP);
    const label = `${THREADS} threads × ${steps.toLocaleString('en-US')} steps (${how === 'link' ? '#code= link' : 'test bridge'})`;
    const over = (i: 0 | 1) => tasks.filter((t) => t[i] > 50_000).length;
    const longest = (i: 0 | 1) => Math.max(0, ...tasks.map((t) => t[i])) / 1000;
    return [
      { name: `${label}: recorded in`, value: seconds, unit: 's' },
      { name: `${label}: JS heap at the end`, value: heap / 1e6, unit: 'MB' },
      {
        name: `${label}: longest main-thread task, CPU`,
        value: longest(1),
        unit: 'ms',
        target: '≤ 50',
      },
      {
        name: `${label}: main-thread tasks over 50 ms of CPU`,
        value: over(1),
        unit: '',
        target: '0',
      },
      { name: `${label}: longest main-thread task, wall clock`, value: longest(0), unit: 'ms' },
      { name: `${label}: main-thread tasks over 50 ms, wall clock`, value: over(0), unit: '' },
      { name: `${label}: worst wait for a frame while recording`, value: frameWait, unit: 'ms' },
    ];
  } finally {
    await page.close();
  }
}

export async function run(): Promise<BenchResult[]> {
  const server = await servePreview('rendezvous-heavy-');
  const browser = await chromium.launch(config.use?.launchOptions ?? {});
  try {
    return [
      ...(await measure(browser, server.base, 'link', 100_000)),
      ...(await measure(browser, server.base, 'bridge', 1_000_000)),
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}
