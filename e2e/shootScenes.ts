// The loop both screenshot scripts share: launch Chromium with the options of playwright.config.ts,
// then for each size, scene and theme open `<base>/?<query>&theme=…`, let the script prepare the
// page, and save <outDir>/<scene>-<theme>-<width>x<height><tag>.png. Console errors are printed.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import type { Page } from '@playwright/test';
import config from '../playwright.config';

export interface ShotScene {
  readonly name: string;
  readonly query: Readonly<Record<string, string>>;
}

export interface ShootOptions<S extends ShotScene> {
  /** The script's path, for the usage line. */
  readonly script: string;
  readonly scenes: readonly S[];
  /** Query parameters added to every scene's (after the theme). */
  readonly extraQuery?: Readonly<Record<string, string>>;
  /** Run after the page has loaded, before the screenshot. */
  readonly prepare: (page: Page, scene: S) => Promise<void>;
  /** Themes to shoot (light and dark unless given). */
  readonly themes?: readonly string[];
  /** Window sizes to shoot, each with its own query (e.g. a font scale) and file-name tag. */
  readonly sizes?: readonly ShotSize[];
}

export interface ShotSize {
  readonly width: number;
  readonly height: number;
  readonly query?: Readonly<Record<string, string>>;
  /** Added to the file name after the size (`@font150`). */
  readonly tag?: string;
}

const THEMES = ['light', 'dark'] as const;
const SIZES: readonly ShotSize[] = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

/** Reads `<server URL> <output folder>` from the command line and saves every screenshot. */
export async function shootScenes<S extends ShotScene>(options: ShootOptions<S>): Promise<void> {
  const [base, outDir] = process.argv.slice(2);
  if (!base || !outDir) {
    console.error(`usage: tsx ${options.script} <server URL> <output folder>`);
    process.exit(2);
  }
  mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch(config.use?.launchOptions ?? {});
  try {
    for (const size of options.sizes ?? SIZES) {
      const page = await browser.newPage({
        viewport: { width: size.width, height: size.height },
      });
      page.on('console', (m) => {
        if (m.type() === 'error') console.error(`console error: ${m.text()}`);
      });
      for (const scene of options.scenes) {
        for (const theme of options.themes ?? THEMES) {
          const params = { ...scene.query, theme, ...options.extraQuery, ...size.query };
          const query = new URLSearchParams(params).toString();
          await page.goto(`${base.replace(/\/$/, '')}/?${query}`);
          await options.prepare(page, scene);
          const file = join(
            outDir,
            `${scene.name}-${theme}-${size.width}x${size.height}${size.tag ?? ''}.png`,
          );
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
