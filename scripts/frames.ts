/**
 * `npm run frames -- <id> [--out dir] [--theme light] [--size 1920x1080] [--granularity event]`:
 * one PNG per step of a built-in lesson, for decks that cannot embed a live page (PowerPoint,
 * Keynote, a PDF). It opens the one offline file (dist-single/rendezvous.html, built with
 * `npm run build:single` when it is missing or with `--build`) from file:// in the Chromium the
 * browser tests use (scripts/chromium.ts), in embed mode with no controls, and saves
 * `<out>/<id>-step-<n>.png` at each step (every statement, or every kernel event with
 * `--granularity event`). docs/embedding.md has the options.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { BUILTIN_IDS } from '../src/scenarios/catalog';
import { CHROMIUM_ARGS, chromiumPath } from './chromium';

const USAGE =
  'usage: npm run frames -- <id> [--out dir] [--theme light|dark|high-contrast] [--size WxH] [--granularity statement|event] [--build]';
const THEMES = ['light', 'dark', 'high-contrast'];
const GRANULARITIES = ['statement', 'event'];
const FILE = resolve('dist-single', 'rendezvous.html');

export interface FramesArgs {
  readonly id: string;
  readonly out: string;
  readonly theme: string;
  readonly width: number;
  readonly height: number;
  readonly granularity: string;
  readonly build: boolean;
}

class UsageError extends Error {}

export function parseFramesArgs(args: readonly string[]): FramesArgs {
  const values = new Map<string, string>();
  const positional: string[] = [];
  let build = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--build') build = true;
    else if (!arg.startsWith('--')) positional.push(arg);
    else {
      const [name = '', inline] = arg.split('=', 2);
      if (!['--out', '--theme', '--size', '--granularity'].includes(name))
        throw new UsageError(`unknown option '${arg}'`);
      const value = inline ?? args[++i];
      if (value === undefined) throw new UsageError(`${name} needs a value`);
      values.set(name, value);
    }
  }
  const [id, extra] = positional;
  if (id === undefined) throw new UsageError('missing the lesson id');
  if (extra !== undefined) throw new UsageError(`one lesson at a time, got '${extra}' too`);
  if (!BUILTIN_IDS.includes(id))
    throw new UsageError(`no built-in lesson '${id}' (lessons: ${BUILTIN_IDS.join(', ')})`);
  const theme = values.get('--theme') ?? 'light';
  if (!THEMES.includes(theme)) throw new UsageError(`--theme is one of ${THEMES.join(', ')}`);
  const granularity = values.get('--granularity') ?? 'statement';
  if (!GRANULARITIES.includes(granularity))
    throw new UsageError(`--granularity is one of ${GRANULARITIES.join(', ')}`);
  const size = /^(\d{3,4})x(\d{3,4})$/.exec(values.get('--size') ?? '1920x1080');
  const width = Number(size?.[1]);
  const height = Number(size?.[2]);
  if (!size || width < 320 || height < 240 || width > 7680 || height > 4320)
    throw new UsageError('--size is WIDTHxHEIGHT, from 320x240 to 7680x4320');
  return {
    id,
    out: values.get('--out') ?? join('frames', id),
    theme,
    width,
    height,
    granularity,
    build,
  };
}

async function frames(args: FramesArgs): Promise<number> {
  if (args.build || !existsSync(FILE)) {
    console.log('[frames] building dist-single/rendezvous.html (npm run build:single)');
    execFileSync('npm', ['run', 'build:single'], { stdio: 'ignore' });
  }
  mkdirSync(args.out, { recursive: true });
  const query = new URLSearchParams({
    scenario: args.id,
    embed: '1',
    controls: 'none',
    keys: 'none',
    theme: args.theme,
    granularity: args.granularity,
    animate: '0',
    test: '1',
  });
  const executablePath = chromiumPath();
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage({ viewport: { width: args.width, height: args.height } });
    await page.goto(`${pathToFileURL(FILE).href}?${query.toString()}`);
    await page.waitForFunction(() => window.__sim !== undefined);
    const phase = await page.evaluate(() => window.__sim?.settled());
    if (phase !== 'ready') throw new Error(`the lesson did not open (${String(phase)})`);
    const painted = () =>
      page.evaluate(
        () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
      );
    let count = 0;
    for (let cursor = -1; ;) {
      const now = await page.evaluate(() => window.__sim?.state().cursor ?? -1);
      if (now === cursor) break;
      cursor = now;
      await painted();
      const name = `${args.id}-step-${String(cursor).padStart(4, '0')}.png`;
      await page.screenshot({ path: join(args.out, name) });
      count++;
      await page.evaluate(() => window.__sim?.run('next'));
    }
    return count;
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve('scripts/frames.ts')) {
  try {
    const args = parseFramesArgs(process.argv.slice(2));
    const count = await frames(args);
    console.log(
      `[frames] ${count} PNGs of ${args.id} (${args.width}x${args.height}) in ${args.out}`,
    );
  } catch (error) {
    console.error(`frames: ${error instanceof Error ? error.message : String(error)}`);
    if (error instanceof UsageError) console.error(USAGE);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  }
}
