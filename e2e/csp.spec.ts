// The production build carries its Content-Security-Policy, and a whole journey raises no
// violation of it (each would also log a console error, which the fixtures fail on).
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
  for (let i = 0; i < 12; i++) await viz.next.click();
  await viz.last.click();
  await viz.picker.selectOption('map-grant');
  await expect(viz.counter).toHaveText(/^0 \//);
  await page.keyboard.press('?');
  await expect(viz.help).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByTestId('theme.picker').selectOption('dark');
  expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
});
