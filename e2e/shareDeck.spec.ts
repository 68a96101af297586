// A newcomer's journey, in real Chromium: copy the iframe snippet from the Share dialog, paste it
// as it is into a slide of a reveal.js deck that loads the Rendezvous plugin, and step it with the
// deck's keys — with the focus on the deck and after a click inside the frame. The deck is the
// built example deck's page (reveal.js and the plugin) with its slides replaced by the pasted one.
import { expect, test } from './fixtures';

test('a snippet copied from the Share dialog steps in a reveal deck with the deck keys', async ({
  page,
}) => {
  await page.goto('/?scenario=call-reply');
  await page.getByTestId('share.open').click();
  await expect(page.getByTestId('share.snippetNote')).toContainText('one fragment per step');
  const snippet = await page.getByTestId('share.snippet').inputValue();

  const example = await (await page.request.get('/examples/deck/index.html')).text();
  const slides = `<div class="slides"><section><h1>My lecture</h1></section><section><h2>IPC</h2>${snippet}</section><section><h2>End</h2></section></div>`;
  const deck = example.replace(
    /<div class="slides">[\s\S]*<\/div>\s*<\/div>\s*<\/body>/,
    `${slides}</div></body>`,
  );
  expect(deck).toContain(snippet);
  await page.route('**/examples/deck/pasted.html', (route) =>
    route.fulfill({ contentType: 'text/html', body: deck }),
  );
  await page.goto('/examples/deck/pasted.html');
  await page.locator('.reveal.ready').waitFor();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('section.present h2')).toHaveText('IPC');
  const viz = page.frameLocator('section.present iframe');
  await expect(viz.getByTestId('step.counter')).toHaveText('0 / 17');

  await page.keyboard.press('ArrowRight');
  await expect(viz.getByTestId('step.counter')).toHaveText('1 / 17');
  await page.keyboard.press('ArrowRight');
  await expect(viz.getByTestId('step.counter')).toHaveText('2 / 17');
  await page.keyboard.press('ArrowLeft');
  await expect(viz.getByTestId('step.counter')).toHaveText('1 / 17');

  // reveal's preventIframeAutoFocus blurs a frame focused within 1 s of its load: wait past it.
  await page.waitForTimeout(1100);
  await viz.getByTestId('narration').click();
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('IFRAME');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(viz.getByTestId('step.counter')).toHaveText('3 / 17');
  await expect(page.locator('section.present h2')).toHaveText('IPC');
  await page.keyboard.press('Space');
  await expect(viz.getByTestId('step.counter')).toHaveText('4 / 17');
});
