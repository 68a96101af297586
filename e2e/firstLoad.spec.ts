// The first load of a lesson: its first frames come from the scenario worker (src/session/preview.ts)
// before the page has loaded the lessons, the compiler and the kernel; the learner can step in them,
// and the whole run takes their place without moving the cursor.
import type { Page } from '@playwright/test';
import { expect, test } from './visualizerFixtures';

/**
 * Holds back the catalog chunk (the lessons, the compiler, the kernel) until `release()`; `asked`
 * counts its requests.
 */
async function holdCatalog(page: Page): Promise<{ release: () => void; asked: () => number }> {
  let release: () => void = () => undefined;
  const held = new Promise<void>((r) => (release = r));
  let asked = 0;
  await page.route(/\/assets\/defaultCatalog-[\w-]+\.js$/, async (route) => {
    asked++;
    await held;
    await route.continue();
  });
  return { release: () => release(), asked: () => asked };
}

test('a lesson’s first frames show and step before the catalog chunk is loaded; the whole run then keeps the step', async ({
  viz,
}) => {
  const { page } = viz;
  const catalog = await holdCatalog(page);
  await page.goto('/?scenario=memory-alloc-free&step=2&animate=0');
  // The preview: step 2 of the frames the worker sent ("…": the rest of the run is coming).
  await expect(viz.counter).toHaveText(/^2 \/ \d+…$/);
  // Then the frames after it (the worker sends them next).
  await expect
    .poll(async () => Number((await viz.counter.innerText()).split('/')[1]?.replace('…', '')))
    .toBeGreaterThan(2);
  await expect(viz.state('app')).toContainText('running');
  await expect(page.getByTestId('thread.memserver')).toBeVisible();
  await expect(viz.narration).toContainText('memory_alloc');
  await viz.next.click();
  await expect(viz.counter).toHaveText(/^3 \/ \d+…$/);
  await expect(page).toHaveURL(/step=3/);
  // The catalog is asked for once the preview is painted, and the page waits for it.
  await expect.poll(catalog.asked).toBe(1);
  catalog.release();
  await expect(viz.counter).toHaveText(/^3 \/ \d+$/);
  const [, last] = (await viz.counter.innerText()).split('/').map((s) => Number(s.trim()));
  expect(last).toBeGreaterThan(100);
  // The whole run steps on past the preview's frames and back.
  await viz.next.click();
  await expect(viz.counter).toHaveText(/^4 \/ \d+$/);
  await viz.last.click();
  await expect(viz.counter).toHaveText(new RegExp(`^${last} / ${last}$`));
});

test('a scenario worker that cannot load: the page opens the lesson on its own thread, and it steps', async ({
  viz,
}) => {
  const { page } = viz;
  await page.route(/\/assets\/worker-[\w-]+\.js$/, (route) => route.fulfill({ status: 404 }));
  await page.goto('/?scenario=call-reply&step=1&animate=0');
  await expect(viz.counter).toHaveText(/^1 \/ \d+$/);
  await viz.next.click();
  await expect(viz.counter).toHaveText(/^2 \/ \d+$/);
  await expect(viz.notice).toHaveCount(0);
});

test('the editor opened on the preview’s frames starts from the lesson, once the lessons are in', async ({
  viz,
}) => {
  const { page } = viz;
  const catalog = await holdCatalog(page);
  await page.goto('/?scenario=call-reply&animate=0');
  await expect(viz.counter).toHaveText(/^0 \/ \d+…$/);
  await page.getByTestId('edit.open').click();
  await expect(page.getByRole('status').filter({ hasText: 'Loading the editor…' })).toBeVisible();
  catalog.release();
  const code = page.getByTestId('editor.code').locator('.cm-content');
  await expect(code).toContainText('@scenario call-reply');
  await expect(page.getByTestId('editor.status')).toContainText('Up to date.');
});
