// A CDP trace (the Tracing domain) around some work on a page: the events of the given
// categories, collected as they are reported. The benches that read traces (forced layouts, busy
// time per click, far jumps) each read these events their own way.
import type { Page } from '@playwright/test';

/** Runs `run` under a trace of `categories` on `page`; its result and the trace's events. */
export async function traceDuring<E, T>(
  page: Page,
  categories: readonly string[],
  run: () => Promise<T>,
): Promise<{ result: T; events: E[] }> {
  const cdp = await page.context().newCDPSession(page);
  const events: E[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as E[])));
  const complete = new Promise<void>((resolve) =>
    cdp.once('Tracing.tracingComplete', () => resolve()),
  );
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: [...categories] },
  });
  const result = await run();
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  return { result, events };
}
