// Code fragments (`#code=1.<base64url>`) built to hurt: a small one that inflates far past the
// 1 MB cap, and an endless 64-thread run that hits the step limit. A message, the page keeps
// answering, never a blank page (docs/reliability.md).
import { createHash } from 'node:crypto';
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

test('a link far longer than servers take (a 90 KB fragment) opens its scenario; no server sees it', async ({
  page,
}) => {
  // Hashes do not compress: 2,000 lines of them make the fragment about 90 KB.
  const noise = Array.from({ length: 2000 }, (_, i) => {
    return `// ${createHash('sha256').update(String(i)).digest('hex')}`;
  });
  const text = [
    '// @scenario long-link',
    '// @title A long link',
    '// @space a',
    '// @thread t0 space=a',
    ...noise,
    'void t0(void)',
    '{',
    '  L4_Yield();',
    '}',
    '',
  ].join('\n');
  const code = codeFragment('long.c', text);
  expect(code.length).toBeGreaterThan(64 * 1024);
  const asked: string[] = [];
  page.on('request', (r) => asked.push(r.url()));
  await page.goto(`/?animate=0&test=1#code=${code}`);
  await expect.poll(() => page.evaluate(() => window.__sim?.state().scenario)).toBe('shared');
  await page.evaluate(() => window.__sim?.run('last'));
  await expect(page.getByTestId('outcome')).toContainText('Finished');
  await expect(page.getByTestId('notice')).toHaveCount(0);
  // What went to the server: the page's address without its fragment, and its files.
  expect(Math.max(...asked.map((u) => u.length))).toBeLessThan(2048);
});

/** Opens the editor on what the page shows and types `line` at the end of the main file. */
async function typeAtEnd(page: Page, line: string) {
  const code = page.getByTestId('editor.code').locator('.cm-content');
  if (!(await code.isVisible())) await page.keyboard.press('e');
  await expect(code).toBeVisible({ timeout: 15_000 });
  await code.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(`\n${line}\n`);
}

const storedDraft = (page: Page, key: string) =>
  page.evaluate((k) => localStorage.getItem(`rendezvous.draft.${k}`) ?? '', key);

test('a link with other code for a lesson the learner has a draft of never costs that draft', async ({
  page,
}) => {
  await page.goto('/?scenario=call-reply&animate=0&test=1');
  await page.evaluate(() => window.__sim?.settled());
  await typeAtEnd(page, '// my own work');
  await expect(page.getByTestId('editor.status')).toContainText('Saved as a draft');
  expect(await storedDraft(page, 'call-reply')).toContain('my own work');
  // A crafted link for the same lesson: its code is shown, the draft is not touched…
  const other = codeFragment('lessons/call-reply.c', endlessYieldsText(2));
  await page.goto(`/?animate=0&scenario=call-reply&test=1#code=${other}`);
  await expect(page.getByTestId('editor.status')).toContainText('came with the link');
  expect(await storedDraft(page, 'call-reply')).toContain('my own work');
  // …and editing the link's code keeps the learner's draft under another name.
  await typeAtEnd(page, '// an edit of the link');
  await expect(page.getByTestId('editor.status')).toContainText('Saved as a draft');
  expect(await storedDraft(page, 'call-reply')).toContain('an edit of the link');
  expect(await storedDraft(page, 'call-reply (before a link)')).toContain('my own work');
});

/** The run on show: its step, its last step and the session's phase. */
const state = (page: Page) => page.evaluate(() => window.__sim?.state());

/**
 * While the worker still records: a click on next moves one step (the page answers), then the whole
 * run arrives, ends at `last` with the max-steps outcome and says why in the notice.
 */
async function stopsAtTheCap(
  page: Page,
  run: { id: string; last: number; notice: string; timeout: number },
) {
  const { last, notice, timeout } = run;
  await expect.poll(async () => (await state(page))?.scenario, { timeout: 30_000 }).toBe(run.id);
  expect((await state(page))?.phase).toBe('recording');
  await page.getByTestId('controls.next').click();
  await expect.poll(async () => (await state(page))?.cursor).toBe(1);
  expect(await painted(page)).toBe(true);
  await expect
    .poll(async () => state(page).then((s) => `${s?.last} ${s?.phase}`), { timeout })
    .toBe(`${last} ready`);
  await expect(page.getByTestId('notice')).toContainText(notice);
  await page.evaluate(() => window.__sim?.run('last'));
  await expect(page.getByTestId('outcome')).toContainText('Stopped at the step limit.');
  await page.getByTestId('controls.prev').click();
  await expect.poll(async () => (await state(page))?.cursor).toBe(last - 1);
  expect(await painted(page)).toBe(true);
}

test("an endless 64-thread run from a link records to the page's cap, 100,000 steps, and says so", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const code = codeFragment('endless.c', endlessYieldsText(64));
  await page.goto(`/?animate=0&test=1#code=${code}`);
  await expect(page.getByTestId('controls.help')).toBeVisible();
  await stopsAtTheCap(page, {
    id: 'shared',
    last: 100_000,
    notice: 'The run stopped at the step cap (100,000 steps)',
    timeout: 90_000,
  });
});

test('a run asked for 1e20 steps stops at the recording cap, 1,000,000 steps, and says why', async ({
  page,
}) => {
  // Only the test bridge can ask for more than the page's 100,000 steps (a bench, a deck's tool).
  test.setTimeout(240_000);
  await page.goto('/?animate=0&test=1');
  await expect(page.getByTestId('controls.help')).toBeVisible();
  await page.evaluate(() => window.__sim?.settled());
  const text = endlessYieldsText(1);
  await page.evaluate((t) => window.__sim?.openText(t, { id: 'endless', maxSteps: 1e20 }), text);
  await stopsAtTheCap(page, {
    id: 'endless',
    last: 1_000_000,
    notice: 'The run was stopped after 1,000,000 steps: a recorded run keeps at most that many',
    timeout: 200_000,
  });
});
