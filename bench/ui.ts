/**
 * The visualizer in a real browser (SPEC §8): builds the app, serves the build, drives it with
 * Playwright on the system Chromium, and reports
 * - the time from a click on next (and on back) to the next painted frame, p50 and p95 over 200
 *   steps, animation off, on a generated 16-thread, 10,000-step lesson run on the kernel;
 * - a scrubber jump to a far step of a 100,000-step run, p50 / p95 over 20 jumps;
 * - the first meaningful frame after navigation (a built-in lesson);
 * - animations still running 1 s after pausing (no idle loop: must be 0);
 * - the gzipped size of the JavaScript and CSS: first load, and all chunks.
 * Click-to-paint is measured inside the page: from the click event's timestamp to a message posted
 * from the first animation frame after it, i.e. once that frame is painted.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import type { Page } from '@playwright/test';
import { build, preview } from 'vite';
import config from '../playwright.config';
import type { BenchResult } from './report';

const STEPS = 200;
const JUMPS = 20;

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Gzipped bytes of the entry's JS and CSS (what index.html loads) and of every asset. */
function sizes(outDir: string): { first: number; all: number } {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const assets = readdirSync(join(outDir, 'assets')).filter((f) => /\.(js|css)$/.test(f));
  let first = 0;
  let all = 0;
  for (const f of assets) {
    const gz = gzipSync(readFileSync(join(outDir, 'assets', f)), { level: 9 }).length;
    all += gz;
    if (html.includes(`assets/${f}`)) first += gz;
  }
  return { first, all };
}

// In-page code is passed as text: tsx's name-keeping helpers do not exist in the page.
const PAINTED = `() => new Promise((resolve) => requestAnimationFrame(() => {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => resolve(performance.now());
  channel.port2.postMessage(null);
}))`;

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

/** Sets the scrubber to each of `steps`; returns each input-to-paint time in ms. */
async function jumpToPaint(page: Page, steps: readonly number[]): Promise<number[]> {
  return page.evaluate<number[]>(`(async () => {
    const painted = ${PAINTED};
    const range = document.querySelector('[data-testid="controls.scrubber"]');
    if (!range) throw new Error('no scrubber');
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    const times = [];
    for (const step of ${JSON.stringify(steps)}) {
      const start = performance.now();
      setValue.call(range, String(step));
      range.dispatchEvent(new Event('input', { bubbles: true }));
      times.push((await painted()) - start);
      await new Promise((r) => setTimeout(r, 10));
    }
    return times;
  })()`);
}

async function openRun(page: Page, base: string, query: string): Promise<void> {
  await page.goto(`${base}/?${query}`);
  await page
    .getByTestId('step.counter')
    .filter({ hasText: /\d+ \/ \d+/ })
    .waitFor({ timeout: 60_000 });
}

export async function run(): Promise<BenchResult[]> {
  const outDir = mkdtempSync(join(tmpdir(), 'rendezvous-bench-'));
  const results: BenchResult[] = [];
  await build({ logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  const size = sizes(outDir);
  const server = await preview({
    logLevel: 'silent',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1' },
  });
  const base = server.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? '';
  const browser = await chromium.launch(config.use?.launchOptions ?? {});
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });

    await openRun(page, base, 'scenario=memory-alloc-free&animate=0');
    const firstFrame = await page.evaluate<number>('performance.now()');
    results.push({
      name: 'first meaningful frame (memory-alloc-free)',
      value: firstFrame,
      unit: 'ms',
      target: '≤ 300',
    });

    await openRun(page, base, 'scenario=__stress&threads=16&steps=10000&step=4000&animate=0');
    const next = await clickToPaint(page, 'controls.next', STEPS);
    const back = await clickToPaint(page, 'controls.prev', STEPS);
    const ms = (name: string, values: number[], p: number): BenchResult => ({
      name: `${name}, p${p}`,
      value: percentile(values, p),
      unit: 'ms',
      target: '≤ 16.7',
    });
    results.push(
      ms('next: click to painted frame (16 threads, 10,000 steps)', next.paint, 50),
      ms('next: click to painted frame', next.paint, 95),
      ms('back: click to painted frame', back.paint, 50),
      ms('back: click to painted frame', back.paint, 95),
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

    await openRun(page, base, 'scenario=__stress&threads=16&steps=100000&animate=0');
    const last = Number((await page.getByTestId('step.counter').innerText()).split('/')[1]);
    const targets = Array.from(
      { length: JUMPS },
      (_, i) => Math.floor(((i * 7919) % JUMPS) * (last / JUMPS)) + 17,
    );
    const jumps = await jumpToPaint(page, targets);
    results.push(
      {
        name: 'jump to a far step, p50 (16 threads, 100,000 steps)',
        value: percentile(jumps, 50),
        unit: 'ms',
        target: '≤ 16.7',
      },
      {
        name: 'jump to a far step, p95',
        value: percentile(jumps, 95),
        unit: 'ms',
        target: '≤ 16.7',
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
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    rmSync(outDir, { recursive: true, force: true });
  }
  results.push(
    { name: 'JS + CSS gzipped, first load', value: size.first / 1024, unit: 'KB', target: '≤ 120' },
    { name: 'JS + CSS gzipped, every chunk', value: size.all / 1024, unit: 'KB', target: '≤ 250' },
  );
  return results;
}
