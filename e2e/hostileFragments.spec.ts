// Code fragments (`#code=1.<base64url>`) built to hurt: a small one that inflates far past the
// 1 MB cap, and an endless 64-thread run that hits the step limit. A message, the page keeps
// answering, never a blank page (docs/reliability.md).
import { deflateRawSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { codeFragment, endlessYieldsText } from '../bench/workloads/endlessYields';
import { expect, test } from './fixtures';

const fragment = (packed: Buffer) => `1.${packed.toString('base64url')}`;

/** The page still runs script and paints: a frame comes within the poll. */
const painted = (page: Page) =>
  page.evaluate(() => new Promise<boolean>((done) => requestAnimationFrame(() => done(true))));

test('a small fragment that inflates past the cap: a message and the lesson, the page answers', async ({
  page,
}) => {
  // 64 MB of JSON-looking spaces packs into about 64 KB: the page must stop unpacking at 1 MB.
  const bomb = fragment(deflateRawSync(Buffer.alloc(64 * 1024 * 1024, 0x20), { level: 9 }));
  expect(bomb.length).toBeLessThan(200_000);
  await page.goto(`/?scenario=call-reply&animate=0&test=1#code=${bomb}`);
  await expect(page.getByTestId('controls.help')).toBeVisible();
  await expect(page.getByTestId('notice')).toContainText('The code in this link cannot be read');
  await expect(page.getByTestId('notice')).toContainText('The lesson is shown instead.');
  await expect.poll(() => page.evaluate(() => window.__sim?.state().scenario)).toBe('call-reply');
  expect(await painted(page)).toBe(true);
  // Still steppable by key.
  await page.evaluate(() => window.__sim?.settled());
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => page.evaluate(() => window.__sim?.state().cursor)).toBe(1);
});

test('an endless 64-thread run from a link stops at the step limit and says so', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const code = codeFragment('endless.c', endlessYieldsText(64));
  await page.goto(`/?animate=0&test=1#code=${code}`);
  await expect(page.getByTestId('controls.help')).toBeVisible();
  await expect
    .poll(() => page.evaluate(() => window.__sim?.state().scenario), { timeout: 30_000 })
    .toBe('shared');
  await page.evaluate(() => window.__sim?.settled());
  await page.evaluate(() => window.__sim?.run('last'));
  await expect(page.getByTestId('outcome')).toContainText('Stopped at the step limit.', {
    timeout: 30_000,
  });
  expect(await painted(page)).toBe(true);
});
