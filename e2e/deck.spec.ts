// The example reveal.js deck (examples/deck) in real Chromium: the deck's keys step its fragments
// and the visualizer follows — with the focus on the deck, and with the focus inside the frame after
// a click; leaving and re-entering the slide re-syncs the reloaded frame; a command from any frame
// but the visualizer's parent is ignored.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const DECK = '/examples/deck/index.html';

/** Opens the deck at its call-reply slide and waits for the visualizer's first frame. */
async function callReplySlide(page: Page) {
  await page.goto(DECK);
  await page.locator('.reveal.ready').waitFor();
  await page.keyboard.press('ArrowRight');
  const viz = page.frameLocator('#call-reply');
  await expect(viz.getByTestId('step.counter')).toHaveText('0 / 17');
  return viz;
}

/** The visible fragments of the current slide. */
function shownFragments(page: Page) {
  return page.locator('section.present .fragment.visible');
}

test('the arrow keys step the fragments and the visualizer follows', async ({ page }) => {
  const viz = await callReplySlide(page);
  await page.keyboard.press('ArrowRight');
  await expect(viz.getByTestId('step.counter')).toHaveText('1 / 17');
  await page.keyboard.press('ArrowRight');
  await expect(viz.getByTestId('step.counter')).toHaveText('5 / 17');
  await expect(viz.getByTestId('seq.message')).toHaveCount(1);
  await page.keyboard.press('ArrowLeft');
  await expect(viz.getByTestId('step.counter')).toHaveText('1 / 17');
  await expect(shownFragments(page)).toHaveCount(1);
});

test('after a click inside the frame, the deck keeps its keys', async ({ page }) => {
  const viz = await callReplySlide(page);
  // reveal's preventIframeAutoFocus blurs a frame focused within 1 s of its load: wait past it.
  await page.waitForTimeout(1100);
  await viz.getByTestId('narration').click();
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('IFRAME');
  await page.keyboard.press('ArrowRight');
  await expect(shownFragments(page)).toHaveCount(1);
  await expect(viz.getByTestId('step.counter')).toHaveText('1 / 17');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(shownFragments(page)).toHaveCount(3);
  await expect(viz.getByTestId('step.counter')).toHaveText('10 / 17');
  // A click on a button inside, then Space: still the deck's.
  await viz.getByTestId('controls.prev').click();
  await expect(viz.getByTestId('step.counter')).toHaveText('9 / 17');
  await page.keyboard.press('ArrowLeft');
  await expect(shownFragments(page)).toHaveCount(2);
  await expect(viz.getByTestId('step.counter')).toHaveText('5 / 17');
});

test('leaving and re-entering the slide re-syncs the frame reveal reloads', async ({ page }) => {
  const viz = await callReplySlide(page);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(viz.getByTestId('step.counter')).toHaveText('5 / 17');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('section.present h1')).toHaveText('L4 IPC, live');
  // reveal unloads a frame without data-preload when its slide is left.
  await expect(page.locator('#call-reply')).not.toHaveAttribute('src', /scenario/);
  // Back from a later slide: reveal shows every fragment, the reloaded frame goes to the last one.
  await page.evaluate(() => {
    window.location.hash = '#/2';
  });
  await expect(page.locator('section.present h2')).toHaveText('Memory: allocate and free');
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('section.present h2')).toHaveText('Call and reply');
  await expect(viz.getByTestId('step.counter')).toHaveText('15 / 17');
});

test('the cue slide gets one fragment per cue; the side-by-side frames step together', async ({
  page,
}) => {
  await page.goto(`${DECK}#/2`);
  const memory = page.frameLocator('#memory');
  await expect(memory.getByTestId('step.counter')).toHaveText(/^0 \/ \d+$/);
  await expect(page.locator('section.present .rendezvous-step')).toHaveCount(4);
  await page.keyboard.press('ArrowRight');
  await expect(memory.getByTestId('step.counter')).toHaveText(/^2 \/ \d+$/);
  await page.evaluate(() => {
    window.location.hash = '#/3';
  });
  const left = page.frameLocator('#receiver-first');
  const right = page.frameLocator('#sender-first');
  await expect(page.locator('section.present .rendezvous-step')).not.toHaveCount(0);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const step = (f: typeof left) =>
    f.locator('body').evaluate(() => new URL(window.location.href).searchParams.get('step'));
  await expect.poll(() => step(left)).toBe('2');
  await expect.poll(() => step(right)).toBe('2');
});

test('a command from another frame is ignored; the same from the deck is run', async ({ page }) => {
  const viz = await callReplySlide(page);
  await page.evaluate(() => {
    const other = document.createElement('iframe');
    other.name = 'stranger';
    document.body.append(other);
  });
  await expect.poll(() => page.frame({ name: 'stranger' }) !== null).toBe(true);
  const stranger = page.frame({ name: 'stranger' });
  await stranger?.evaluate(() => {
    const target = window.parent.document.querySelector<HTMLIFrameElement>('#call-reply');
    target?.contentWindow?.postMessage(
      { namespace: 'rendezvous', version: 1, type: 'goto', step: 7 },
      '*',
    );
  });
  await page.waitForTimeout(300);
  await expect(viz.getByTestId('step.counter')).toHaveText('0 / 17');
  await page.evaluate(() => {
    document
      .querySelector<HTMLIFrameElement>('#call-reply')
      ?.contentWindow?.postMessage(
        { namespace: 'rendezvous', version: 1, type: 'goto', step: 7 },
        '*',
      );
  });
  await expect(viz.getByTestId('step.counter')).toHaveText('7 / 17');
});
