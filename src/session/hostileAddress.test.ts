// Hostile addresses: every out-of-range step lands on the same step with the same notice; unknown
// view values and a 100 KB query change nothing else (docs/reliability.md).
import { describe, expect, it } from 'vitest';
import { defaultCatalog } from './defaultCatalog';
import { manualScheduler, memoryLocation } from './ports';
import { createSession } from './session';
import { readAddressOptions } from './url/options';

async function opened(search: string) {
  const session = createSession({
    loadCatalog: () => Promise.resolve(defaultCatalog),
    scheduler: manualScheduler(),
    location: memoryLocation(search),
  });
  await session.settled();
  const { scenarioId, cursor, notice } = session.store.getState();
  session.dispose();
  return { scenarioId, cursor, notice };
}

describe('the step in the address: one rule', () => {
  const bad = ['-1', '1e20', '9'.repeat(100_000), 'Infinity', 'NaN', '0x10', '1.5', ' -0 '];
  it.each(bad.map((s) => [s.length > 20 ? `${s.slice(0, 10)}… (${s.length} chars)` : s, s]))(
    'step=%s reads as not a step',
    (_label, text) => {
      expect(readAddressOptions(`?step=${encodeURIComponent(text)}`).options.step).toBeNaN();
    },
  );
  it('each lands on step 0 of the lesson asked for, with the same notice', async () => {
    const results = [];
    for (const text of bad.slice(0, 4))
      results.push(await opened(`?scenario=call-reply&step=${encodeURIComponent(text)}`));
    expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1);
    expect(results[0]).toEqual({
      scenarioId: 'call-reply',
      cursor: 0,
      notice:
        'The step in the address is not a step number (a whole number 0, 1, 2, …); showing step 0.',
    });
  });
  it('a step past the end of the run shows its last step', async () => {
    const r = await opened('?scenario=call-reply&step=999999999999999');
    expect(r.scenarioId).toBe('call-reply');
    expect(r.cursor).toBeGreaterThan(5);
  });
});

describe('other hostile address values', () => {
  it('an unknown theme, font or speed falls back to the defaults, each with a notice', () => {
    const read = readAddressOptions('?theme=<script>alert(1)</script>&fontScale=-9&speed=NaN');
    expect(read.options).toEqual(readAddressOptions('').options);
    expect(read.notices).toHaveLength(3);
  });
  it('a 100 KB query opens the default lesson, and nothing of it lands in the page', async () => {
    const huge = `?scenario=${'x'.repeat(100_000)}&junk=${'<img src=x onerror=alert(1)>'.repeat(3000)}`;
    const r = await opened(huge);
    expect(r.scenarioId).toBe(defaultCatalog.defaultId);
    expect(r.notice).toMatch(/^There is no scenario "x{100}…"\. Showing/);
    expect((r.notice ?? '').length).toBeLessThan(400);
  });
});
