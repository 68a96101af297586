/**
 * `npx tsx bench/jumpAB.ts <other checkout> [rounds]`: far jumps as `npm run bench -- ui` times them
 * (20 a round, new targets each round), alternating between this checkout's build and another's
 * (e.g. the commit before a change), each on its own page with the 16-thread, 100,000-step run, so
 * both see the same machine. Prints each round's p50 / p95 / max per build.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import type { Page } from '@playwright/test';
import { build, preview } from 'vite';
import config from '../playwright.config';
import { jumpScript } from './pageScripts';
import { stressScenarioText } from './workloads/stressScenario';

const other = resolve(process.argv[2] ?? '.');
const rounds = Number(process.argv[3] ?? 6);
const JUMPS = 20;

function pct(values: readonly number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}

async function serve(root: string) {
  const outDir = mkdtempSync(join(tmpdir(), 'rendezvous-ab-'));
  await build({
    root,
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true },
  });
  const server = await preview({
    root,
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'silent',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1' },
  });
  return {
    base: server.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? '',
    close: async () => {
      await new Promise<void>((r) => server.httpServer.close(() => r()));
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

async function openStress(page: Page, base: string): Promise<number> {
  const counter = page.getByTestId('step.counter').filter({ hasText: /^\d+ \/ \d+$/ });
  await page.goto(`${base}/?test=1&animate=0`);
  await counter.waitFor({ timeout: 60_000 });
  const open = (steps: number, step: number) =>
    page.evaluate(
      async ({ text, steps, step }) => {
        const sim = window.__sim;
        if (!sim) throw new Error('the test bridge is not installed');
        sim.openText(text, { id: 'generated-stress', maxSteps: steps, step });
        await sim.settled();
      },
      { text: stressScenarioText(16), steps, step },
    );
  // PRELUDE=1: first what the bench does before its jumps (200 clicks on the 10,000-step run).
  if (process.env.PRELUDE) {
    await open(10_000, 4000);
    await counter.waitFor({ timeout: 60_000 });
    for (const id of ['controls.next', 'controls.prev'])
      await page.evaluate(`(async () => {
        const b = document.querySelector('[data-testid="${id}"]');
        for (let i = 0; i < 100; i++) {
          b.click();
          await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 10)));
        }
      })()`);
  }
  await open(100_000, 0);
  await counter.waitFor({ timeout: 120_000 });
  return Number((await page.getByTestId('step.counter').innerText()).split('/')[1]);
}

const servers = { this: await serve(process.cwd()), other: await serve(other) };
const browser = await chromium.launch(config.use?.launchOptions ?? {});
try {
  const pages = {
    this: await browser.newPage({ viewport: { width: 1280, height: 720 } }),
    other: await browser.newPage({ viewport: { width: 1280, height: 720 } }),
  };
  const last = await openStress(pages.this, servers.this.base);
  await openStress(pages.other, servers.other.base);
  const all = { this: [] as number[], other: [] as number[] };
  for (let r = 0; r < rounds; r++) {
    const targets = Array.from(
      { length: JUMPS },
      (_, i) => Math.floor(((i * 7919) % JUMPS) * (last / JUMPS)) + 17 + r * 1013,
    );
    const order = r % 2 ? (['other', 'this'] as const) : (['this', 'other'] as const);
    for (const which of order) {
      const times = await pages[which].evaluate<number[]>(jumpScript(targets));
      all[which].push(...times);
      console.log(
        `round ${r} ${which.padEnd(5)}: p50 ${pct(times, 50).toFixed(1)} p95 ${pct(times, 95).toFixed(1)}   ${times.map((t) => t.toFixed(0)).join(' ')}`,
      );
    }
  }
  for (const which of ['this', 'other'] as const)
    console.log(
      `all ${which.padEnd(5)}: p50 ${pct(all[which], 50).toFixed(1)} p95 ${pct(all[which], 95).toFixed(1)}`,
    );
} finally {
  await browser.close();
  await servers.this.close();
  await servers.other.close();
}
