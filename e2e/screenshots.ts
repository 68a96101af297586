// Screenshots of the word decoder, to look at before a change lands and for the README.
// Usage (a server must already be running):
//   npx vite build && npx vite preview --port 4174 &
//   npx tsx e2e/screenshots.ts http://127.0.0.1:4174 /tmp/shots
// Saves <scene>-<theme>-<width>x<height>.png for a message tag and a map item, light and dark, at
// 1280×720 and 1920×1080, with the browser options of playwright.config.ts.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import config from '../playwright.config';

interface Scene {
  readonly name: string;
  readonly query: Readonly<Record<string, string>>;
  /** The band to focus, so the details area shows it. */
  readonly focus: string;
}

const SCENES: readonly Scene[] = [
  { name: 'msgtag', query: { kind: 'msgtag', abi: 'amd64', word: '0x12340005' }, focus: 'label' },
  {
    name: 'mapitem',
    query: { kind: 'mapitem', abi: 'amd64', word: '0x300008', word2: '0x300147' },
    focus: 'snd_base',
  },
];
const THEMES = ['light', 'dark'] as const;
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;

async function main(): Promise<void> {
  const [base, outDir] = process.argv.slice(2);
  if (!base || !outDir) {
    console.error('usage: tsx e2e/screenshots.ts <server URL> <output folder>');
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
          const query = new URLSearchParams({ ...scene.query, theme }).toString();
          await page.goto(`${base.replace(/\/$/, '')}/?${query}`);
          const band = page.getByTestId(`decoder.field.${scene.focus}`).first();
          if (await band.count()) await band.focus();
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
