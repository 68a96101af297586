// Forced synchronous layouts per click, from a CDP trace (the Tracing domain): a 'Layout' or
// 'UpdateLayoutTree' event that carries a JavaScript stack ran inside script (a read of layout
// such as clientHeight or getBoundingClientRect after a DOM change), not in the frame's own
// rendering. The bench prints the count per click (goal: 0).
import type { Page } from '@playwright/test';

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly args?: { readonly beginData?: { readonly stackTrace?: readonly unknown[] } };
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

/** Clicks `testId` `clicks` times (one per painted frame) under a CDP trace; forced layouts per click. */
export async function forcedLayoutsPerClick(
  page: Page,
  testId: string,
  clicks: number,
): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) =>
    events.push(...(value as unknown as TraceEvent[])),
  );
  const complete = new Promise<void>((resolve) =>
    cdp.once('Tracing.tracingComplete', () => resolve()),
  );
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline.stack'],
    },
  });
  await page.evaluate(`(async () => {
    const button = document.querySelector('[data-testid="${testId}"]');
    if (!button) throw new Error('no ${testId}');
    for (let i = 0; i < ${clicks}; i++) {
      button.click();
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    }
  })()`);
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  return events.filter(isForcedLayout).length / clicks;
}
