// Screenshots of the visualizer, to look at before a change lands and for the README.
// Usage (a server must already be running):
//   npx vite build && npx vite preview --port 4174 &
//   npx tsx e2e/visualizerScreenshots.ts http://127.0.0.1:4174 /tmp/shots
// Saves <scene>-<theme>-<width>x<height>.png for four lessons at a telling step, light and dark, at
// 1280×720 and 1920×1080, animations off, with the browser options of playwright.config.ts.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import config from '../playwright.config';

interface Scene {
  readonly name: string;
  readonly query: Readonly<Record<string, string>>;
  /** Keys pressed after loading (e.g. End for the last step). */
  readonly keys?: readonly string[];
}

const SCENES: readonly Scene[] = [
  { name: 'call-reply', query: { scenario: 'call-reply', step: '5' } },
  { name: 'memory-alloc-free', query: { scenario: 'memory-alloc-free', step: '18' } },
  { name: 'timeouts', query: { scenario: 'timeouts', step: '11' } },
  { name: 'deadlock', query: { scenario: 'deadlock' }, keys: ['End'] },
];
const THEMES = ['light', 'dark'] as const;
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;

async function main(): Promise<void> {
  const [base, outDir] = process.argv.slice(2);
  if (!base || !outDir) {
    console.error('usage: tsx e2e/visualizerScreenshots.ts <server URL> <output folder>');
    process.exit(2);
  }
  mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch(config.use?.launchOptions ?? {});
  try {
    for (const size of SIZES) {
      const page = await browser.newPage({ viewport: size });
      page.on('console', (m) => {
        if (m.type() === 'error') console.error(`console error: ${m.text()}`);
      });
      for (const scene of SCENES) {
        for (const theme of THEMES) {
          const query = new URLSearchParams({ ...scene.query, theme, animate: '0' }).toString();
          await page.goto(`${base.replace(/\/$/, '')}/?${query}`);
          await page.getByTestId('step.counter').waitFor();
          await page.locator('body').click({ position: { x: 2, y: 2 } });
          for (const key of scene.keys ?? []) await page.keyboard.press(key);
          await page.waitForTimeout(150);
          const file = join(outDir, `${scene.name}-${theme}-${size.width}x${size.height}.png`);
          await page.screenshot({ path: file });
          console.log(file);
        }
      }
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

await main();
