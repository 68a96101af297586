/**
 * The first meaningful frame after navigation, in a fresh browser context (nothing cached) each
 * time: from navigation to the painted frame after the step counter first reads `k / n`, n > 0
 * (it reads `– / –` until a run is shown, and `k / n…` while the rest is still coming), the JS and
 * CSS files the page asked for by then, and where the time went, from the marks the page sets
 * (src/session/marks.ts) and its resource timing:
 * - fetch: the last byte of the entry chunk and CSS (`main-*`), from navigation (HTML included);
 * - parse + eval: from there until the app's first module runs (`rendezvous:main`);
 * - to the request: until the first frames are asked for (`rendezvous:record-asked`): at once for
 *   a lesson's preview (src/session/preview.ts), after the catalog chunk for a link with code;
 * - record: until they are there (`rendezvous:first-part`): the worker's start, compile, record and
 *   views of a preview, or the page's own compile and record of the first steps (worker/follow.ts);
 * - show: until the store has the run (`rendezvous:shown`);
 * - first render: until the frame is painted (React's render, style, layout, paint);
 * - the catalog chunk (lessons, compiler, kernel), ms from navigation until it ran
 *   (`rendezvous:catalog`): after the frame on a lesson's preview, before it on a link with code;
 * - compile on the page: the page's own compile of the text (after the frame on a preview);
 * - in the worker, on a preview (times it sends with it): when its script had run, its compile and
 *   record of the steps, their views, and the post to the page (its clone and message).
 * The bytes counted are the page's: files it requested before the frame began (the timestamp of
 * its animation frame callbacks). The scenario worker's own
 * script (fetched by the worker, beside the page) is printed on its own line.
 */
import { chromium } from '@playwright/test';
import type { Browser } from '@playwright/test';
import config from '../playwright.config';
import { encodeCodeFragment } from '../src/session/url/codeFragment';
import { servePreview } from './previewServer';
import type { BenchResult } from './report';
import { sizes } from './sizes';
import { stressScenarioText } from './workloads/stressScenario';

const FIRST_LOADS = 5;

export interface FirstLoad {
  /** ms from navigation to the painted first meaningful frame. */
  readonly at: number;
  /** The JS and CSS files (names) the page asked for before the frame. */
  readonly files: readonly string[];
  /** Each phase's ms, in the order of PHASES (NaN where a mark is missing). */
  readonly phases: readonly number[];
}

export const PHASES = [
  'fetch (the page and its entry chunk)',
  'parse + eval',
  'to the request for the first frames',
  'record the first frames (the worker, or the page)',
  'show (load the store)',
  'first render (React, style, layout, paint)',
  'catalog chunk ran, ms from navigation (lessons, compiler, kernel)',
  'compile on the page',
  'in the worker: its script had run, ms from navigation',
  'in the worker: compile and record the preview’s steps',
  'in the worker: their views',
  'the views posted to the page (clone, message, restore)',
] as const;

/**
 * Installed before the page's scripts: resolves `window.__firstFrame` once the frame after the
 * step counter first reads `k / n` is painted, with the load's figures (a FirstLoad).
 */
const firstFrameScript = (
  entry: readonly string[],
) => `window.__firstFrame = new Promise((resolve) => {
  const shown = () => /^\\d+ \\/ [1-9]\\d*…?$/.test(
    document.querySelector('[data-testid="step.counter"]')?.textContent?.trim() ?? '');
  const report = (at, frame) => {
    const marks = new Map(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]));
    const m = (name) => marks.get('rendezvous:' + name) ?? NaN;
    const resources = performance.getEntriesByType('resource');
    const entry = new Set(${JSON.stringify(entry)});
    const fetched = Math.max(0, ...resources
      .filter((r) => entry.has(r.name.split('/').pop())).map((r) => r.responseEnd));
    const steps = [fetched, m('main'), m('record-asked'), m('first-part'), m('shown'), at];
    const phases = steps.map((t, i) => t - (i === 0 ? 0 : steps[i - 1]));
    phases.push(m('catalog'), m('compile-end') - m('compile-start'));
    const asked = Math.max(m('worker-ready'), m('record-asked'));
    phases.push(m('worker-ready'), m('worker-recorded') - asked,
      m('worker-viewed') - m('worker-recorded'), m('first-part') - m('worker-viewed'));
    // Asked for before the frame began (its animation frame callbacks): what the frame waited for,
    // not what the page asks for once it is painted.
    const before = resources.filter((r) => r.startTime < frame);
    resolve({ at, files: before.map((r) => r.name.split('/').pop()), phases });
  };
  const mo = new MutationObserver(() => {
    if (!shown()) return;
    mo.disconnect();
    requestAnimationFrame((frame) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => report(performance.now(), frame);
      channel.port2.postMessage(null);
    });
  });
  mo.observe(document, { subtree: true, childList: true, characterData: true });
});`;

/**
 * A cold load of `address` (after the server's base) in a fresh context; the fetch phase ends with
 * the last of the `entry` files.
 */
export async function firstLoad(
  browser: Browser,
  base: string,
  address: string,
  entry: readonly string[],
): Promise<FirstLoad> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(firstFrameScript(entry));
    await page.goto(`${base}/${address}`);
    return await page.evaluate<FirstLoad>('window.__firstFrame');
  } finally {
    await context.close();
  }
}

/** The median of each phase over `loads`. */
export function medianPhases(loads: readonly FirstLoad[]): number[] {
  return PHASES.map((_, i) => {
    const sorted = loads.map((l) => l.phases[i] ?? NaN).sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] ?? NaN;
  });
}

const median = (values: readonly number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

const phaseResults = (loads: readonly FirstLoad[]): BenchResult[] =>
  medianPhases(loads).map((value, i) => ({
    name: `  of which ${PHASES[i] ?? ''}, median`,
    value,
    unit: 'ms',
  }));

/**
 * FIRST_LOADS cold loads of a lesson (memory-alloc-free) and of the 16-thread load as a share link
 * opens it (its code in the fragment, recorded in parts): each median with its phases, and the
 * gzipped bytes of the JS and CSS the lesson's loads fetched by their first frame.
 */
export async function coldLoadResults(
  browser: Browser,
  base: string,
  size: ReturnType<typeof sizes>,
): Promise<{ results: BenchResult[]; firstBytes: number }> {
  const entry = size.entry.filter((f) => f.startsWith('main-'));
  const coldLoads = async (address: string): Promise<FirstLoad[]> => {
    const loads: FirstLoad[] = [];
    for (let i = 0; i < FIRST_LOADS; i++)
      loads.push(await firstLoad(browser, base, address, entry));
    return loads;
  };
  const lesson = await coldLoads('?scenario=memory-alloc-free&animate=0');
  const code = await encodeCodeFragment({
    path: 'scenario.c',
    files: { 'scenario.c': stressScenarioText(16) },
  });
  const stress = await coldLoads(`?animate=0#code=${code}`);
  const fetched = new Set(lesson.flatMap((l) => l.files).filter((f) => !isWorkerScript(f)));
  const at = lesson.map((l) => l.at);
  return {
    firstBytes: [...fetched].reduce((sum, f) => sum + (size.of.get(f) ?? 0), 0),
    results: [
      {
        name: `first meaningful frame (memory-alloc-free, cold), median of ${FIRST_LOADS}`,
        value: median(at),
        unit: 'ms',
        target: '≤ 300',
      },
      { name: 'first meaningful frame, worst', value: Math.max(...at), unit: 'ms' },
      ...phaseResults(lesson),
      {
        name: `first meaningful frame (16 threads, share link, cold), median of ${FIRST_LOADS}`,
        value: median(stress.map((l) => l.at)),
        unit: 'ms',
        target: '≤ 400',
      },
      ...phaseResults(stress),
    ],
  };
}

/** The scenario worker's script (src/session/worker/worker.ts), which the worker fetches itself. */
const isWorkerScript = (file: string): boolean => /^worker-[\w-]+\.js$/.test(file);

/**
 * The bytes of a first load: what the lesson's loads fetched by their first frame (the goal), what
 * index.html names (its entry chunk, the modulepreloads of what the first frame needs, CSS), and
 * the worker's script, fetched beside the page by the worker that makes the first frames.
 */
export function byteResults(size: ReturnType<typeof sizes>, firstBytes: number): BenchResult[] {
  const worker = [...size.of].filter(([f]) => isWorkerScript(f)).reduce((sum, [, n]) => sum + n, 0);
  return [
    {
      name: 'JS + CSS gzipped, fetched by the first meaningful frame',
      value: firstBytes / 1024,
      unit: 'KB',
      target: '≤ 120',
    },
    {
      name: 'JS + CSS gzipped, named by index.html’s tags (entry, preloads)',
      value: size.first / 1024,
      unit: 'KB',
    },
    {
      name: 'the scenario worker’s script, gzipped (the worker fetches it, beside the page)',
      value: worker / 1024,
      unit: 'KB',
    },
  ];
}

/** `npm run bench -- first`: only the cold loads, and the bytes they fetch. */
export async function run(): Promise<BenchResult[]> {
  const server = await servePreview('rendezvous-first-');
  const size = sizes(server.outDir);
  const browser = await chromium.launch(config.use?.launchOptions ?? {});
  try {
    const { results, firstBytes } = await coldLoadResults(browser, server.base, size);
    return [...results, ...byteResults(size, firstBytes)];
  } finally {
    await browser.close();
    await server.close();
  }
}
