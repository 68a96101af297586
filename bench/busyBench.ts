// Main-thread busy time per "next" in the browser bench (ui.ts): clicks next under a CDP trace, in
// alternating blocks on the app and on the trivial page, and reads the trace with busyTime.ts.
// The figures with targets are on the thread clock (CPU time, what the page itself costs); the
// same figures on the wall clock, which on a loaded machine include waits for a core, are printed
// beside them.
import type { Page } from '@playwright/test';
import { traceDuring } from './cdpTrace';
import { busyPerClick, CLICK_MARK, END_MARK } from './busyTime';
import type { Busy, BusyCategory, TraceEvent } from './busyTime';
import type { BenchResult } from './report';

/**
 * Clicks `testId` `clicks` times, one click per painted frame (after the frame, a task: click,
 * then wait for the next frame), under a CDP trace; the busy time of each click, on the thread
 * clock (CPU time) and on the wall clock.
 */
async function traceBusy(
  page: Page,
  testId: string,
  clicks: number,
): Promise<{ cpu: Busy[]; wall: Busy[] }> {
  const { events } = await traceDuring<TraceEvent, unknown>(
    page,
    ['devtools.timeline', 'disabled-by-default-devtools.timeline'],
    () =>
      page.evaluate(`(async () => {
    const button = document.querySelector('[data-testid="${testId}"]');
    if (!button) throw new Error('no ${testId}');
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    await frame();
    for (let i = 0; i < ${clicks}; i++) {
      console.timeStamp('${CLICK_MARK}');
      button.click();
      await frame();
    }
    console.timeStamp('${END_MARK}');
  })()`),
  );
  const cpu = busyPerClick(events, 'thread');
  const wall = busyPerClick(events, 'wall');
  if (cpu.length !== clicks || wall.length !== clicks)
    throw new Error(`the trace holds ${cpu.length} of ${clicks} clicks`);
  return { cpu, wall };
}

const SPLIT: readonly BusyCategory[] = ['scripting', 'style', 'layout', 'paint'];
const NONE: Busy = { scripting: NaN, style: NaN, layout: NaN, paint: NaN, total: NaN };

/** The click at percentile `p` of `list` by total busy time. */
function at(list: readonly Busy[], p: number): Busy {
  const sorted = [...list].sort((a, b) => a.total - b.total);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NONE;
}

/**
 * `clicks` clicks on next, traced in three alternating blocks on `page` and on `floor` (the
 * trivial page); the median busy time with the split of the median click, and the p95, each
 * beside the floor's.
 */
export async function busyBeside(page: Page, floor: Page, clicks: number): Promise<BenchResult[]> {
  const app: Busy[] = [];
  const floorBusy: Busy[] = [];
  const wall: Busy[] = [];
  const floorWall: Busy[] = [];
  const block = Math.ceil(clicks / 3);
  for (let b = 0; b < 3; b++) {
    const a = await traceBusy(page, 'controls.next', block);
    const f = await traceBusy(floor, 'controls.next', block);
    app.push(...a.cpu);
    wall.push(...a.wall);
    floorBusy.push(...f.cpu);
    floorWall.push(...f.wall);
  }
  const median = at(app, 50);
  const floorMedian = at(floorBusy, 50);
  return [
    {
      name: `next: main-thread busy time, CPU (CDP trace, ${app.length} clicks), p50`,
      value: median.total,
      unit: 'ms',
      target: '≤ 6',
      floor: floorMedian.total,
    },
    ...SPLIT.map((k) => ({
      name: `  of which ${k} (the median click)`,
      value: median[k],
      unit: 'ms',
      floor: floorMedian[k],
    })),
    {
      name: 'next: main-thread busy time, CPU, p95',
      value: at(app, 95).total,
      unit: 'ms',
      target: '≤ 10',
      floor: at(floorBusy, 95).total,
    },
    ...[50, 95].map((p) => ({
      name: `next: main-thread busy time, wall clock, p${p}`,
      value: at(wall, p).total,
      unit: 'ms',
      floor: at(floorWall, p).total,
    })),
  ];
}
