/**
 * The first meaningful frame after navigation, in a fresh browser context (nothing cached) each
 * time: from navigation to the painted frame after the step counter first reads `k / n`, n > 0
 * (it reads `– / –` until a run is shown, and `k / n…` while a long run is still being recorded),
 * the JS and CSS files fetched by then, and where the time went, from the marks the page sets
 * (src/session/marks.ts) and its resource timing:
 * - fetch: the last byte of the entry chunk and CSS (`main-*`), from navigation (HTML included);
 * - parse + eval: from there until the app's first module runs (`rendezvous:main`);
 * - catalog chunk: until the lessons, compiler and kernel chunk has run (`rendezvous:catalog`;
 *   index.html preloads its files, so part of its fetch is in the phases before);
 * - to the request: until the recording is asked for (the session's start, `rendezvous:record-asked`);
 * - record: until the first part is there (`rendezvous:first-part`): the page's compile and its
 *   record of the first steps (worker/follow.ts), or the worker's start, compile and record;
 * - show: until the store has the run (restoring a worker's part; `rendezvous:shown`);
 * - first render: until the frame is painted (React's render, style, layout, paint);
 * - compile on the page: the page's own compile of the text (within the record, or beside it).
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
  /** The JS and CSS files (names) fetched by then. */
  readonly files: readonly string[];
  /** Each phase's ms, in the order of PHASES (NaN where a mark is missing). */
  readonly phases: readonly number[];
}

export const PHASES = [
  'fetch (the page and its entry chunk)',
  'parse + eval',
  'catalog chunk (lessons, compiler, kernel)',
  'session start to the record request',
  'record the first part (the page or the worker)',
  'show (restore the part, load the store)',
  'first render (React, style, layout, paint)',
  'compile on the page (within or beside the record)',
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
  const report = (at) => {
    const marks = new Map(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]));
    const m = (name) => marks.get('rendezvous:' + name) ?? NaN;
    const resources = performance.getEntriesByType('resource');
    const entry = new Set(${JSON.stringify(entry)});
    const fetched = Math.max(0, ...resources
      .filter((r) => entry.has(r.name.split('/').pop())).map((r) => r.responseEnd));
    const steps = [fetched, m('main'), m('catalog'), m('record-asked'), m('first-part'), m('shown'), at];
    const phases = steps.map((t, i) => t - (i === 0 ? 0 : steps[i - 1]));
    phases.push(m('compile-end') - m('compile-start'));
    resolve({ at, files: resources.map((r) => r.name.split('/').pop()), phases });
  };
  const mo = new MutationObserver(() => {
    if (!shown()) return;
    mo.disconnect();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => report(performance.now());
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
  const fetched = new Set(lesson.flatMap((l) => l.files));
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

/**
 * The bytes of a first load: what the lesson's loads fetched by their first frame (the goal), and
 * what index.html names (its entry chunk, the modulepreloads of what the first frame needs, CSS).
 */
export function byteResults(size: ReturnType<typeof sizes>, firstBytes: number): BenchResult[] {
  return [
    {
      name: 'JS + CSS gzipped, fetched by the first meaningful frame',
      value: firstBytes / 1024,
      unit: 'KB',
      target: '≤ 120',
    },
    {
      name: 'JS + CSS gzipped, named by index.html (entry, preloads)',
      value: size.first / 1024,
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
