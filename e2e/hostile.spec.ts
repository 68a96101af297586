// Markup in a scenario's title, teaching sentence and notes is text: no script runs, no
// element is made from it (docs/reliability.md).
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
