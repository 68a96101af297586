/**
 * The editor in a real browser: builds the app, serves the build, drives it with Playwright on the
 * system Chromium, and reports the time from the last keystroke in the editor to the painted frame
 * after the new run replaced the stale one (debounce, compile and record in the worker, repaint),
 * p50 / p95 over SAMPLES edits, for memory-alloc-free and for the generated 16-thread,
 * 10,000-step load; and the gzipped size of the editor's lazy chunk (the one holding CodeMirror).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import type { Page } from '@playwright/test';
import config from '../playwright.config';
import { servePreview } from './previewServer';
import type { BenchResult } from './report';
import { stressScenarioText } from './workloads/stressScenario';

const SAMPLES = 15;
/** Calls per client: the 16-thread load then runs about 10,000 steps. */
const STRESS_ROUNDS = 74;

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Gzipped bytes of the JS chunk that holds CodeMirror (its view's class name is in it). */
function editorChunk(outDir: string): number {
  const dir = join(outDir, 'assets');
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.js'))) {
    const text = readFileSync(join(dir, f));
    if (text.includes('cm-content')) return gzipSync(text, { level: 9 }).length;
  }
  return NaN;
}

// The line each sample edits: one keystroke appends a digit to the macro's value, a change of the
// program (not only of a comment: that needs no re-run, see useDraftRun.ts), so every sample is a
// real compile and record in the worker.
const EDIT_LINE = '#define BENCH_EDIT 1';

// In-page code as text (tsx's helpers do not exist in the page). Resolves with the ms from the
// next keydown to the frame painted once, after that keydown, the editor said it was running the
// edit (or the stale mark came) and then both are gone: the status reads up to date and no stale
// mark is shown (NaN after 20 s: a run that never came). Mutations before the keydown (a run of an
// earlier edit still landing) do not count.
const ARM = `void (window.__edited = new Promise((resolve) => {
  let t0 = null;
  let busy = false;
  addEventListener('keydown', (e) => { t0 ??= e.timeStamp; window.__t0 = t0; }, { capture: true, once: true });
  setTimeout(() => resolve(NaN), 20000);
  const mo = new MutationObserver(() => {
    if (t0 === null) return;
    const stale = document.querySelector('[data-testid="stale"]') !== null;
    const status = document.querySelector('[data-testid="editor.status"]')?.textContent ?? '';
    if (stale || !status.includes('Up to date')) { busy = true; return; }
    if (!busy) return;
    mo.disconnect();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now() - t0);
      channel.port2.postMessage(null);
    });
  });
  mo.observe(document, { subtree: true, childList: true, characterData: true });
}))`;

/** Waits until the editor's last run is in and recorded to its end (the session is ready). */
async function settledEdit(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const status = document.querySelector('[data-testid="editor.status"]')?.textContent ?? '';
      const stale = document.querySelector('[data-testid="stale"]') !== null;
      return !stale && status.includes('Up to date') && window.__sim?.state().phase === 'ready';
    },
    undefined,
    { timeout: 60_000 },
  );
}

/**
 * Opens the editor, puts `text` in it (else keeps the lesson) with EDIT_LINE at its end, waits
 * for that run, and shows the run's middle step (a re-run keeps it), the caret after EDIT_LINE.
 */
async function openEditor(page: Page, text?: string): Promise<void> {
  await page.getByTestId('controls.help').waitFor({ timeout: 30_000 });
  await page.evaluate(() => window.__sim?.settled());
  await page.keyboard.press('e');
  const content = page.getByTestId('editor.code').locator('.cm-content');
  await content.waitFor({ timeout: 30_000 });
  await content.click();
  if (text === undefined) {
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText(`\n${EDIT_LINE}`);
  } else {
    await page.keyboard.press('Control+a');
    await page.keyboard.insertText(`${text}\n${EDIT_LINE}`);
  }
  // The edit's status shows at once; its run comes after the editor's pause.
  await page.getByTestId('editor.status').getByText('Running').waitFor({ timeout: 5_000 });
  await settledEdit(page);
  await page.keyboard.press('Control+End');
  await page.evaluate(() => {
    const sim = window.__sim;
    sim?.seek(Math.floor((sim.state().last ?? 0) / 2));
  });
}

// Resolves with the ms from the armed keydown to the first frame at which the session has the
// whole run (recorded to its end, not only the part that shows the step).
const WHOLE = `new Promise((resolve) => {
  const check = () => {
    if (window.__sim?.state().phase === 'ready') resolve(performance.now() - window.__t0);
    else requestAnimationFrame(check);
  };
  check();
})`;

async function editToPaint(
  page: Page,
): Promise<{ times: number[]; whole: number[]; step: number }> {
  const times: number[] = [];
  const whole: number[] = [];
  const step = (await page.evaluate(() => window.__sim?.state().cursor)) ?? 0;
  for (let i = 0; i < SAMPLES; i++) {
    await page.evaluate(ARM);
    await page.keyboard.press('1');
    const ms = await page.evaluate<number>('window.__edited');
    if (Number.isNaN(ms)) {
      const status = await page.getByTestId('editor.status').textContent();
      const st = await page.evaluate(() => window.__sim?.state());
      const tail = (await page.locator('.cm-content').innerText()).slice(-60);
      throw new Error(
        `sample ${i}: an edit was not re-run within 20 s: ${status} ${JSON.stringify(st)} ${tail}`,
      );
    }
    const cursor = await page.evaluate(() => window.__sim?.state().cursor);
    if (cursor !== step) throw new Error(`the re-run moved the step from ${step} to ${cursor}`);
    times.push(ms);
    whole.push(await page.evaluate<number>(WHOLE));
    await settledEdit(page);
  }
  return { times, whole, step };
}

const row = (name: string, values: number[], p: number): BenchResult => ({
  name: `${name}, p${p}`,
  value: percentile(values, p),
  unit: 'ms',
  target: p === 50 ? '≤ 500' : '≤ 1000',
});

export async function run(): Promise<BenchResult[]> {
  const server = await servePreview('rendezvous-bench-editor-');
  const { base } = server;
  const chunk = editorChunk(server.outDir);
  const browser = await chromium.launch(config.use?.launchOptions ?? {});
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${base}/?scenario=memory-alloc-free&test=1&animate=0`);
    await openEditor(page);
    const small = await editToPaint(page);

    // The load, typed into the default lesson's editor as one paste: it ends by itself after
    // about 10,000 steps (16 threads, 74 calls per client).
    const big = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await big.goto(`${base}/?test=1&animate=0`);
    await openEditor(big, stressScenarioText(16, STRESS_ROUNDS));
    const steps = await big.evaluate(() => window.__sim?.state().last ?? 0);
    if (steps < 9_000) throw new Error(`the load ran ${steps} steps, not about 10,000`);
    const large = await editToPaint(big);
    const what = 'last keystroke to repainted run';
    const load = `16 threads, ${steps.toLocaleString('en')} steps, step ${large.step.toLocaleString('en')}`;
    const recorded = (p: number): BenchResult => ({
      name: `last keystroke to whole run recorded (${load}), p${p}`,
      value: percentile(large.whole, p),
      unit: 'ms',
    });
    return [
      row(`${what} (memory-alloc-free, step ${small.step})`, small.times, 50),
      row(`${what} (memory-alloc-free, step ${small.step})`, small.times, 95),
      row(`${what} (${load})`, large.times, 50),
      row(`${what} (${load})`, large.times, 95),
      recorded(50),
      recorded(95),
      { name: 'editor chunk (CodeMirror), gzipped', value: chunk, unit: 'B', target: '≤ 200,000' },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}
