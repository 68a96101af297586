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

// In-page code as text (tsx's helpers do not exist in the page). Resolves with the ms from the
// next keydown to the frame painted once the stale mark is gone and the status reads up to date
// (NaN after 20 s: a run that never came).
const ARM = `window.__edited = new Promise((resolve) => {
  let t0 = 0;
  let busy = false;
  addEventListener('keydown', (e) => { t0 = e.timeStamp; }, { capture: true });
  setTimeout(() => resolve(NaN), 20000);
  const mo = new MutationObserver(() => {
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
})`;

async function openEditor(page: Page): Promise<void> {
  await page.getByTestId('controls.help').waitFor({ timeout: 30_000 });
  await page.evaluate(() => window.__sim?.settled());
  await page.keyboard.press('e');
  const content = page.getByTestId('editor.code').locator('.cm-content');
  await content.waitFor({ timeout: 30_000 });
  await content.click();
  await page.keyboard.press('Control+End');
  // Each sample then types one letter into a comment on a last line of its own.
  await page.keyboard.type('\n// ');
  await page.getByTestId('stale').waitFor({ state: 'detached', timeout: 30_000 });
}

async function editToPaint(page: Page): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    await page.evaluate(ARM);
    await page.keyboard.press('x');
    const ms = await page.evaluate<number>('window.__edited');
    if (Number.isNaN(ms)) throw new Error('an edit was not re-run within 20 s');
    times.push(ms);
  }
  return times;
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

    const big = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await big.goto(`${base}/?test=1&animate=0`);
    await big.evaluate(
      async ({ text }) => {
        const sim = window.__sim;
        if (!sim) throw new Error('the test bridge is not installed');
        sim.openText(text, { id: 'generated-stress', maxSteps: 10_000 });
        await sim.settled();
      },
      { text: stressScenarioText(16) },
    );
    await openEditor(big);
    const large = await editToPaint(big);
    const what = 'last keystroke to repainted run';
    return [
      row(`${what} (memory-alloc-free)`, small, 50),
      row(`${what} (memory-alloc-free)`, small, 95),
      row(`${what} (16 threads, 10,000 steps)`, large, 50),
      row(`${what} (16 threads, 10,000 steps)`, large, 95),
      { name: 'editor chunk (CodeMirror), gzipped', value: chunk, unit: 'B', target: '≤ 200,000' },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}
