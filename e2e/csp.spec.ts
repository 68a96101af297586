// The production build carries its Content-Security-Policy, and a whole journey raises no
// violation of it (each would also log a console error, which the fixtures fail on): stepping,
// another lesson, help, the dark theme, the decoder, the editor (CodeMirror, a run in the worker),
// the exports (an SVG and a PNG drawn on a canvas), and a shared #code= link.
import { codeFragment, endlessYieldsText } from '../bench/workloads/endlessYields';
import { DecoderPage } from './fixtures';
import { expect, test } from './visualizerFixtures';

test('the built page holds a strict CSP and a full journey violates none of it', async ({
  viz,
  page,
}) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await viz.open({ scenario: 'memory-alloc-free' });
  const policy = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(policy).toContain("script-src 'self'");
  expect(policy).not.toContain('unsafe-eval');
  const scripts = policy?.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
  expect(scripts).not.toContain('unsafe');
  // Left out, so any deck may frame the page (a meta tag could not set it anyway).
  expect(policy).not.toContain('frame-ancestors');
  for (let i = 0; i < 12; i++) await viz.next.click();
  await viz.last.click();
  await viz.picker.selectOption('map-grant');
  await expect(viz.counter).toHaveText(/^0 \//);
  await page.keyboard.press('?');
  await expect(viz.help).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByTestId('theme.picker').selectOption('dark');
  // The decoder.
  const decoder = new DecoderPage(page);
  await page.getByTestId('decoder.open').click();
  await decoder.decode('0x56780003');
  await expect(decoder.value('u')).toHaveText('3');
  await page.keyboard.press('Escape');
  // The editor: an edit is run again by the worker.
  await page.keyboard.press('e');
  const code = page.getByTestId('editor.code').locator('.cm-content');
  await expect(code).toBeVisible({ timeout: 15_000 });
  await code.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n// an edit\n');
  await expect(page.getByTestId('editor.status')).toContainText('Up to date.');
  await page.keyboard.press('Escape');
  // The exports: an SVG and a PNG (a canvas, a blob: URL), each saved as a download.
  await page.getByTestId('export.open').click();
  for (const id of ['chart.svg', 'chart.png']) {
    await Promise.all([page.waitForEvent('download'), page.getByTestId(`export.${id}`).click()]);
    await expect(page.getByTestId('export.status')).toHaveText(/^Saved /);
  }
  await page.getByTestId('export.close').click();
  const violations = () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
  expect(await violations()).toEqual([]);
  // A shared link (a new page): its code unpacked, compiled and recorded in the worker.
  const shared = codeFragment('two.c', endlessYieldsText(2));
  await page.goto(`/?animate=0#code=${shared}`);
  await expect(viz.counter).toHaveText(/^0 \/ \d+/);
  await viz.next.click();
  await expect(viz.counter).toHaveText(/^1 \/ \d+/);
  expect(await violations()).toEqual([]);
});
