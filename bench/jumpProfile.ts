/**
 * `npx tsx bench/jumpProfile.ts [rounds]`: where a far jump's time goes. Builds the app unminified,
 * opens the bench's 16-thread, 100,000-step run, and jumps the scrubber as `npm run bench -- ui`
 * does (20 far steps, new ones each round) under a sampling CPU profile; prints each round's
 * input-to-paint p50 / p95 beside a trivial page's, and the functions with the most self and
 * inclusive time per jump. Environment:
 * - TRACE=1: a CDP trace instead of the profile: main-thread time per jump by event (EventDispatch
 *   is the input's script, Layout, Paint…); TIMELINE=n also prints each jump's split and the
 *   first n jumps' events longer than MIN_US µs (default 300), with each layout's size;
 * - PLAIN=1: no profile nor trace; FIRST=1: only each round's first jump, after 1 s of quiet;
 * - STYLE=<css>: added to the page first; AB=<css>: added in odd rounds only (A/B in one run);
 * - SELF_TOP=n: how many self-time lines to print (30); SHOT=<file.png>: a screenshot of the run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import type { Page } from '@playwright/test';
import { build, preview } from 'vite';
import config from '../playwright.config';
import { traceDuring } from './cdpTrace';
import { jumpScript } from './pageScripts';
import { openStress } from './workloads/openStress';

const JUMPS = 20;
const rounds = Number(process.argv[2] ?? 3);

const FLOOR = `<!doctype html><input type="range" min="0" max="100000" value="0" data-testid="controls.scrubber">
<span id="c">0</span><script>const r = document.querySelector('input');
r.addEventListener('input', () => (document.getElementById('c').textContent = r.value));</script>`;

function pct(values: readonly number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

async function profiled<T>(page: Page, run: () => Promise<T>): Promise<[T, Map<string, number>]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const result = await run();
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach();
  const nodes = new Map<number, ProfileNode>(
    (profile.nodes as ProfileNode[]).map((n) => [n.id, n]),
  );
  const self = new Map<string, number>();
  const parent = new Map<number, number>();
  for (const n of nodes.values()) for (const c of n.children ?? []) parent.set(c, n.id);
  const keyOf = (f: ProfileNode['callFrame']) =>
    `${f.functionName || '(anon)'} ${f.url.replace(/^.*\//, '')}:${f.lineNumber + 1}`;
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  samples.forEach((id, i) => {
    const f = nodes.get(id)?.callFrame;
    if (!f) return;
    const ms = (deltas[i + 1] ?? 0) / 1000;
    self.set(keyOf(f), (self.get(keyOf(f)) ?? 0) + ms);
    // Inclusive: every function on the stack once, under 'incl '.
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const cf = nodes.get(n)?.callFrame;
      if (!cf || !cf.url) continue;
      const k = `incl ${keyOf(cf)}`;
      if (seen.has(k)) continue;
      seen.add(k);
      self.set(k, (self.get(k) ?? 0) + ms);
    }
  });
  return [result, self];
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  args?: {
    name?: string;
    data?: { type?: string };
    beginData?: unknown;
    endData?: unknown;
    elementCount?: number;
  };
}

/** The main thread's events longer than 0.3 ms around the first `n` jumps (TIMELINE=n). */
function timeline(events: readonly TraceEvent[], tid: number | undefined, n: number): void {
  const main = events.filter((e) => e.ph === 'X' && (tid === undefined || e.tid === tid));
  const inputs = main.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'input');
  const sums = inputs.map((input, j) => {
    const to = inputs[j + 1]?.ts ?? Infinity;
    const sum = (name: string) =>
      main
        .filter((e) => e.name === name && e.ts >= input.ts && e.ts < to)
        .reduce((a, e) => a + (e.dur ?? 0) / 1000, 0);
    return `js ${((input.dur ?? 0) / 1000).toFixed(1)} style ${sum('UpdateLayoutTree').toFixed(1)} layout ${sum('Layout').toFixed(1)} paint ${(sum('Paint') / 2 + sum('PrePaint') + sum('Layerize')).toFixed(1)} gc ${sum('MinorGC').toFixed(1)}`;
  });
  console.log(sums.join('\n'));
  for (let j = 0; j < Math.min(n, inputs.length); j++) {
    const from = inputs[j]?.ts ?? 0;
    const to = inputs[j + 1]?.ts ?? Infinity;
    console.log(`jump ${j}:`);
    for (const e of main)
      if (e.ts >= from - 2000 && e.ts < to && (e.dur ?? 0) > Number(process.env.MIN_US ?? 300))
        console.log(
          `  +${((e.ts - from) / 1000).toFixed(1).padStart(6)}  ${((e.dur ?? 0) / 1000).toFixed(1).padStart(5)}  ${e.name}` +
            (e.name === 'Layout' || e.name === 'UpdateLayoutTree'
              ? ` ${JSON.stringify({ ...(e.args?.beginData as object), ...(e.args?.endData as object), n: e.args?.elementCount }).slice(0, 300)}`
              : ''),
        );
  }
}

async function traced<T>(page: Page, run: () => Promise<T>): Promise<[T, Map<string, number>]> {
  const { result, events } = await traceDuring<TraceEvent, T>(
    page,
    ['devtools.timeline', '__metadata'],
    run,
  );
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (process.env.TIMELINE) timeline(events, main?.tid, Number(process.env.TIMELINE));
  const byName = new Map<string, number>();
  for (const e of events) {
    if (e.ph !== 'X' || (main && e.tid !== main.tid)) continue;
    byName.set(e.name, (byName.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
    byName.set(`count ${e.name}`, (byName.get(`count ${e.name}`) ?? 0) + 1);
  }
  return [result, byName];
}

const outDir = mkdtempSync(join(tmpdir(), 'rendezvous-jump-'));
await build({ logLevel: 'silent', build: { outDir, emptyOutDir: true, minify: false } });
const server = await preview({
  logLevel: 'silent',
  build: { outDir },
  preview: { port: 0, host: '127.0.0.1' },
});
const base = server.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? '';
const browser = await chromium.launch(config.use?.launchOptions ?? {});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const floor = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await floor.setContent(FLOOR);
  await openStress(page, base, { threads: 16, steps: 100_000 });
  if (process.env.STYLE) await page.addStyleTag({ content: process.env.STYLE });
  if (process.env.SHOT) await page.screenshot({ path: process.env.SHOT });
  console.log(
    await page.evaluate(
      `JSON.stringify({ elements: document.querySelectorAll('*').length, svg: document.querySelectorAll('svg *').length, lines: document.querySelectorAll('li').length })`,
    ),
  );
  const last = Number((await page.getByTestId('step.counter').innerText()).split('/')[1]);
  const total = new Map<string, number>();
  for (let r = 0; r < rounds; r++) {
    const all = Array.from(
      { length: JUMPS },
      (_, i) => Math.floor(((i * 7919) % JUMPS) * (last / JUMPS)) + 17 + r * 1013,
    );
    // FIRST=1: only each round's first jump, after a second of quiet (as the bench's first jump).
    const targets = process.env.FIRST ? all.slice(0, 1) : all;
    if (process.env.FIRST) await page.waitForTimeout(1000);
    const plain = async <T>(_: Page, run: () => Promise<T>): Promise<[T, Map<string, number>]> => [
      await run(),
      new Map(),
    ];
    const mode = process.env.TRACE ? traced : process.env.PLAIN ? plain : profiled;
    // AB=<css>: odd rounds with the style, even ones without, to compare in one run.
    const ab = process.env.AB;
    if (ab)
      await page.evaluate(
        `(() => { document.getElementById('ab')?.remove(); if (${r % 2}) { const s = document.createElement('style'); s.id = 'ab'; s.textContent = ${JSON.stringify(ab)}; document.head.append(s); } })()`,
      );
    if (ab) await page.waitForTimeout(300);
    const [times, self] = await mode(page, () => page.evaluate<number[]>(jumpScript(targets)));
    if (ab && process.env.TRACE)
      console.log(
        `${r % 2 ? 'with   ' : 'without'} layout ${((self.get('Layout') ?? 0) / JUMPS).toFixed(2)} style ${((self.get('UpdateLayoutTree') ?? 0) / JUMPS).toFixed(2)} paint ${((self.get('Paint') ?? 0) / JUMPS / 2).toFixed(2)} js ${((self.get('EventDispatch') ?? 0) / JUMPS).toFixed(2)} layouts ${self.get('count Layout') ?? 0} p50 ${pct(times, 50).toFixed(1)} p95 ${pct(times, 95).toFixed(1)}`,
      );
    const floorTimes = await floor.evaluate<number[]>(jumpScript(targets));
    for (const [k, v] of self) total.set(k, (total.get(k) ?? 0) + v);
    console.log(
      `round ${r}: p50 ${pct(times, 50).toFixed(1)} p95 ${pct(times, 95).toFixed(1)} max ${Math.max(...times).toFixed(1)} ms` +
        `   [floor p50 ${pct(floorTimes, 50).toFixed(1)} p95 ${pct(floorTimes, 95).toFixed(1)}]   ${times.map((t) => t.toFixed(0)).join(' ')}`,
    );
  }
  const jumps = rounds * JUMPS;
  const top = (incl: boolean) =>
    [...total]
      .filter(([k]) => k.startsWith('incl ') === incl)
      .sort((a, b) => b[1] - a[1])
      .slice(0, incl ? Number(process.env.INCL_TOP ?? 70) : Number(process.env.SELF_TOP ?? 30));
  console.log(`\nself time per jump (ms):`);
  for (const [k, v] of top(false)) console.log(`${(v / jumps).toFixed(2).padStart(7)}  ${k}`);
  console.log(`\ninclusive time per jump (ms):`);
  for (const [k, v] of top(true)) console.log(`${(v / jumps).toFixed(2).padStart(7)}  ${k}`);
} finally {
  await browser.close();
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  rmSync(outDir, { recursive: true, force: true });
}
