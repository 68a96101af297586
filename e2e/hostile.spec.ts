// Markup in a scenario's title, teaching sentence and notes is text: no script runs, no
// element is made from it (docs/reliability.md).
import type { Page } from '@playwright/test';
import { expect, test } from './visualizerFixtures';

const TEXT = [
  '// @scenario hostile-markup',
  '// @title <img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>',
  '// @teaches <b onmouseover="window.__pwned=3">bold?</b>',
  '// @space a',
  '// @thread t space=a',
  'void t(void)',
  '{',
  '  //! <img src=x onerror="window.__pwned=4"> a note',
  '  L4_Yield();',
  '}',
  '',
].join('\n');

test('markup in a title and a note is rendered as text, and no script runs', async ({
  viz,
  page,
}) => {
  await viz.open({ scenario: 'call-reply', test: '1' });
  await page.evaluate((text) => window.__sim?.openText(text, { id: 'hostile-markup' }), TEXT);
  await expect
    .poll(() => page.evaluate(() => window.__sim?.state().scenario))
    .toBe('hostile-markup');
  await page.evaluate(() => window.__sim?.settled());
  // Step 0 shows the teaching sentence, step 1 the note: both as the characters typed.
  await page.evaluate(() => window.__sim?.run('goto', { step: 0 }));
  await expect(viz.narration).toContainText('<b onmouseover="window.__pwned=3">bold?</b>');
  await page.evaluate(() => window.__sim?.run('goto', { step: 1 }));
  await expect(page.locator('body')).toContainText('<img src=x onerror="window.__pwned=4"> a note');
  expect(await page.locator('img[src="x"], b[onmouseover]').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBe(
    undefined,
  );
});

/** What the page looks like apart from its notice: theme, text size, controls and panels. */
async function look(page: Page) {
  return page.evaluate(() => ({
    theme: document.documentElement.dataset.theme,
    fontScale: document.documentElement.style.getPropertyValue('--font-scale'),
    controls: document.querySelector('[data-testid="app"]')?.getAttribute('data-controls'),
    panels: [...document.querySelectorAll('[data-testid]')]
      .map((e) => e.getAttribute('data-testid') ?? '')
      .filter((id) => id.startsWith('panel.') || id.startsWith('dock.')),
  }));
}

test.describe('bad view parameters', () => {
  const BAD: readonly [string, string][] = [
    ['theme', 'neon'],
    ['fontScale', '9000'],
    ['speed', 'fast'],
    ['granularity', 'line'],
    ['panels', 'chart,<img src=x>'],
    ['controls', 'some'],
    ['keys', 'all'],
    ['deck', 'slidev'],
  ];

  test('each is named in the notice, and the page falls back to its defaults', async ({
    viz,
    page,
  }) => {
    await viz.open({ scenario: 'call-reply' });
    await expect(viz.notice).toHaveCount(0);
    const plain = await look(page);
    await viz.open({ scenario: 'call-reply', ...Object.fromEntries(BAD) });
    for (const [param, value] of BAD)
      await expect(viz.notice).toContainText(`${param}="${value}" is not understood (`);
    expect(await look(page)).toEqual(plain);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    // The older spellings, each wrong.
    await viz.open({ scenario: 'call-reply', font: '9000', by: 'line', hide: 'nope' });
    for (const [param, value] of [
      ['font', '9000'],
      ['by', 'line'],
      ['hide', 'nope'],
    ])
      await expect(viz.notice).toContainText(`${param}="${value}" is not understood (`);
    expect(await look(page)).toEqual(plain);
    await viz.open({ scenario: 'call-reply', speed: '2' });
    await expect(viz.notice).toHaveCount(0);
  });

  test('-1, 1e20, Infinity, NaN and 100,000 nines as the step: one notice, step 0', async ({
    viz,
    page,
  }) => {
    const said = new Set<string>();
    // The nines go in the fragment, which no server sees (a 100 KB query is refused by some).
    for (const step of ['-1', '1e20', 'Infinity', 'NaN', '9'.repeat(100_000)]) {
      await page.goto('about:blank');
      await page.goto(`/?scenario=call-reply&animate=0#step=${step}`);
      await expect(viz.counter).toHaveText('0 / 17');
      said.add(await viz.notice.innerText());
    }
    expect([...said]).toHaveLength(1);
    expect([...said][0]).toContain(
      'The step in the address is not a step number (a whole number 0, 1, 2, …); showing step 0.',
    );
  });
});

test('an error while drawing shows a message, never a blank page or a stack; the run is kept', async ({
  viz,
  page,
  consoleErrors,
}) => {
  await viz.open({ scenario: 'call-reply', step: '3', test: '1' });
  await expect(viz.counter).toHaveText('3 / 17');
  // A bug in rendering, simulated: every Array.prototype.map throws while the flag is set, which
  // is while React draws the next step.
  await page.evaluate(() => {
    const w = window as unknown as { __break?: boolean };
    const map = Array.prototype.map;
    Array.prototype.map = function (this: unknown[], ...args: Parameters<typeof map>) {
      if (w.__break) throw new Error('boom\n    at secret (/src/ui/x.ts:1:1)');
      return map.apply(this, args);
    } as typeof map;
    // After the store's own listeners, before React draws the step (a microtask later).
    window.__sim?.next();
    w.__break = true;
    setTimeout(() => {
      w.__break = false;
    }, 0);
  });
  const failure = page.getByTestId('render-failure');
  await expect(failure).toBeVisible();
  await expect(failure).toContainText('an error inside Rendezvous: boom');
  await expect(failure).not.toContainText('secret');
  await expect(page.getByRole('heading', { name: 'Rendezvous', level: 1 })).toBeVisible();
  expect(await page.evaluate(() => window.__sim?.state())).toMatchObject({
    scenario: 'call-reply',
    cursor: 4,
  });
  await failure.getByRole('button', { name: 'Draw it again' }).click();
  await expect(viz.counter).toHaveText('4 / 17');
  // React reported the error to the console (for a developer); nothing else went there.
  expect(consoleErrors.every((e) => e.includes('boom'))).toBe(true);
  consoleErrors.length = 0;
});
