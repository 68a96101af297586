// Forced synchronous layouts per click, from a CDP trace (the Tracing domain): a 'Layout' or
// 'UpdateLayoutTree' event that carries a JavaScript stack ran inside script (a read of layout
// such as clientHeight or getBoundingClientRect after a DOM change), not in the frame's own
// rendering. The bench prints the count per click (goal: 0); `forcedLayoutStacks` gives each
// one's JS stack (bench/forcedStacks.ts prints them).
import type { Page } from '@playwright/test';
import { traceDuring } from './cdpTrace';

interface StackFrame {
  readonly functionName?: string;
  readonly url?: string;
  readonly lineNumber?: number;
  readonly columnNumber?: number;
}

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly args?: { readonly beginData?: { readonly stackTrace?: readonly StackFrame[] } };
}

const FORCED = new Set(['Layout', 'UpdateLayoutTree']);

/** True when `event` is a layout or style recalculation forced by script (it has a JS stack). */
export function isForcedLayout(event: TraceEvent): boolean {
  return (
    FORCED.has(event.name) &&
    (event.ph === 'X' || event.ph === 'B') &&
    (event.args?.beginData?.stackTrace?.length ?? 0) > 0
  );
}

/** One forced layout: its event name and its JS stack, innermost first, one frame a line. */
function describeForced(event: TraceEvent): string {
  const frames = (event.args?.beginData?.stackTrace ?? []).map((f) => {
    const file = (f.url ?? '').replace(/^.*\//, '');
    return `    at ${f.functionName || '(anonymous)'} (${file}:${(f.lineNumber ?? 0) + 1}:${(f.columnNumber ?? 0) + 1})`;
  });
  return [event.name, ...frames].join('\n');
}

/** Runs `script` (page-side code, as text) under a CDP trace; the forced layouts it caused. */
async function traceForced(page: Page, script: string): Promise<TraceEvent[]> {
  const { events } = await traceDuring<TraceEvent, unknown>(
    page,
    ['devtools.timeline', 'disabled-by-default-devtools.timeline.stack'],
    () => page.evaluate(script),
  );
  return events.filter(isForcedLayout);
}

/** Page-side code: clicks `testId` `clicks` times, one per painted frame. */
function clicking(testId: string, clicks: number): string {
  return `(async () => {
    const button = document.querySelector('[data-testid="${testId}"]');
    if (!button) throw new Error('no ${testId}');
    for (let i = 0; i < ${clicks}; i++) {
      button.click();
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    }
  })()`;
}

/** Page-side code: sets the scrubber to each of `steps`, one per painted frame. */
function scrubbing(steps: readonly number[]): string {
  return `(async () => {
    const range = document.querySelector('[data-testid="controls.scrubber"]');
    if (!range) throw new Error('no scrubber');
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    for (const step of ${JSON.stringify(steps)}) {
      setValue.call(range, String(step));
      range.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    }
  })()`;
}

/**
 * Clicks `testId` `clicks` times (one per painted frame) under a CDP trace, then waits `settleMs`
 * (so writes deferred past the clicks, e.g. the address, are counted); forced layouts per click.
 */
export async function forcedLayoutsPerClick(
  page: Page,
  testId: string,
  clicks: number,
  settleMs = 0,
): Promise<number> {
  const events = await traceForced(page, withSettle(clicking(testId, clicks), settleMs));
  return events.length / clicks;
}

function withSettle(script: string, settleMs: number): string {
  return `(async () => { await ${script}; await new Promise((r) => setTimeout(r, ${settleMs})); })()`;
}

/**
 * Each forced layout's description (describeForced) while clicking `testId` `clicks` times, or,
 * with `scrub`, while setting the scrubber to each of its steps; then waits `settleMs`.
 */
export async function forcedLayoutStacks(
  page: Page,
  action:
    { readonly testId: string; readonly clicks: number } | { readonly scrub: readonly number[] },
  settleMs = 0,
): Promise<string[]> {
  const script =
    'scrub' in action ? scrubbing(action.scrub) : clicking(action.testId, action.clicks);
  return (await traceForced(page, withSettle(script, settleMs))).map(describeForced);
}
