// The editor: open it from the controls' Edit code button, change a lesson's code and see
// it run at the step on show, type a comment and see no stale mark, break it and read the error at
// its line with the last good run still steppable, reload or open a new tab and get the draft
// back, drop a .c file on the page and run it.
import { expect, test } from './fixtures';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

async function openEditor(page: Page): Promise<void> {
  await page.goto('/?scenario=call-reply&animate=0&test=1');
  await expect(page.getByTestId('controls.help')).toBeVisible();
  // The run is in (the worker records it in parts) before E asks for its code.
  await page.evaluate(() => window.__sim?.settled());
  await page.keyboard.press('e');
  // The editor is its own lazy chunk (CodeMirror): allow for a loaded machine.
  await expect(page.getByTestId('editor.code').locator('.cm-content')).toBeVisible({
    timeout: 15_000,
  });
}

/** The editor line that holds `text`, scrolled into the editor's box. */
async function editorLine(page: Page, text: string) {
  // CodeMirror renders only the lines near its viewport: scroll down until the line exists.
  const line = page.locator('.cm-line', { hasText: text });
  const scroller = page.locator('.cm-scroller').first();
  await expect(scroller).toBeVisible();
  for (let i = 0; i < 40 && (await line.count()) === 0; i++)
    await scroller.evaluate((el) => el.scrollBy(0, 200));
  return line;
}

/** Replaces the editor line that holds `old` with `text`. */
async function replaceLine(page: Page, old: string, text: string): Promise<void> {
  await (await editorLine(page, old)).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.type(text);
}

const state = (page: Page) => page.evaluate(() => window.__sim?.state());

test('edit call-reply so the server replies a * b, and see the new MR1', async ({ page }) => {
  await openEditor(page);
  await replaceLine(page, 'L4_LoadMR(1, a + b);', 'L4_LoadMR(1, a * b);');
  await expect(page.getByTestId('editor.status')).toContainText('Up to date.');
  await page.keyboard.press('Escape');
  await page.evaluate(() => window.__sim?.run('last'));
  await page.getByTestId('dock.tab.registers').click();
  await expect(page.getByTestId('mr.client.1')).toContainText('0x50');
});

test("the controls' Edit code button opens the lesson's code", async ({ page }) => {
  await page.goto('/?scenario=call-reply&animate=0');
  const edit = page.getByTestId('controls').getByRole('button', { name: 'Edit code' });
  await expect(edit).toBeEnabled();
  await edit.click();
  await expect(page.getByTestId('editor.code').locator('.cm-content')).toContainText(
    '@scenario call-reply',
    { timeout: 15_000 },
  );
  // The editor has its own Close; the button comes back with the threads' own code.
  await expect(edit).toHaveCount(0);
  await page.getByTestId('editor').getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('editor')).toHaveCount(0);
  await expect(edit).toBeVisible();
});

/** Counts, from now on, every time the stale mark appears on the page. */
const countStaleMarks = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { staleMarks: number };
    w.staleMarks = 0;
    let shown = false;
    new MutationObserver(() => {
      const now = document.querySelector('[data-testid="stale"]') !== null;
      if (now && !shown) w.staleMarks++;
      shown = now;
    }).observe(document, { subtree: true, childList: true });
  });
const staleMarks = (page: Page) =>
  page.evaluate(() => (window as unknown as { staleMarks: number }).staleMarks);

test('a real edit: the new run comes in, at the step that was on show', async ({ page }) => {
  await openEditor(page);
  await page.evaluate(() => window.__sim?.seek(6));
  await replaceLine(page, 'L4_LoadMR(1, a + b);', 'L4_LoadMR(1, a * b);');
  await expect(page.getByTestId('thread.adder.code')).toContainText('a * b');
  await expect(page.getByTestId('editor.status')).toContainText('Up to date.');
  await expect(page.getByTestId('stale')).toHaveCount(0);
  expect((await state(page))?.cursor).toBe(6);
});

test('a comment typed into the code changes nothing: no stale mark, the step stays', async ({
  page,
}) => {
  await openEditor(page);
  await page.evaluate(() => window.__sim?.seek(6));
  await countStaleMarks(page);
  await (await editorLine(page, 'L4_LoadMR(1, a + b);')).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' // the sum goes back');
  await expect(page.getByTestId('editor.status')).toContainText('Up to date.');
  // The code panel shows the comment once the quiet re-run is in; the run was never marked stale.
  await expect(page.getByTestId('thread.adder.code')).toContainText('// the sum goes back');
  expect(await staleMarks(page)).toBe(0);
  expect((await state(page))?.cursor).toBe(6);
});

test('code broken, then typed back to the program on show: the stale mark goes at once', async ({
  page,
}) => {
  await openEditor(page);
  await page.evaluate(() => window.__sim?.seek(6));
  await replaceLine(page, 'L4_LoadMR(1, a + b);', 'L4_LoadMR(1, a + );');
  await expect(page.getByTestId('editor.status')).toContainText('Does not compile');
  await expect(page.getByTestId('stale')).toBeVisible();
  await replaceLine(page, 'L4_LoadMR(1, a + );', 'L4_LoadMR(1, a + b); // as it was');
  // No run to wait for: the run on show is this program's.
  await expect(page.getByTestId('stale')).toHaveCount(0, { timeout: 200 });
  await expect(page.getByTestId('editor.status')).toContainText('Up to date.');
  await expect(page.getByTestId('editor.problems')).toHaveCount(0);
  expect((await state(page))?.cursor).toBe(6);
});

test('a syntax error squiggles at its line:column; the last good run still steps', async ({
  page,
}) => {
  await openEditor(page);
  await replaceLine(page, 'L4_LoadMR(1, a + b);', 'L4_LoadMR(1, a * );');
  await expect(page.getByTestId('editor.status')).toContainText('Does not compile');
  await expect(page.locator('.cm-lintRange-error').first()).toBeVisible();
  await expect(page.getByTestId('editor.problems')).toContainText('call-reply.c:31:22');
  await expect(page.getByTestId('stale')).toBeVisible();
  // The banner names the file as its tab and the problem list do.
  const tab = page.getByTestId('editor').getByRole('tab', { selected: true });
  await expect(tab).toHaveText('call-reply.c');
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('does not compile: call-reply.c, line 31, column 22');
  await expect(notice).not.toContainText('lessons/');
  await page.keyboard.press('Escape');
  const before = (await state(page))?.cursor ?? -1;
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await state(page))?.cursor).toBe(before + 1);
});

test('reload: the draft is offered back and opens with the edit', async ({ page }) => {
  await openEditor(page);
  await replaceLine(page, 'L4_LoadMR(1, a + b);', 'L4_LoadMR(1, a * b);');
  await expect(page.getByTestId('editor.status')).toContainText('Up to date.');
  await page.reload();
  await expect(page.getByTestId('draft-offer')).toBeVisible();
  await page.getByRole('button', { name: 'Open the draft' }).click();
  await expect(await editorLine(page, 'L4_LoadMR(1, a * b);')).toBeVisible();
  await expect(page.getByTestId('editor.status')).toContainText('Up to date.');
});

test('the share link carries the edited code: a new page opens the same code and step', async ({
  page,
  context,
}) => {
  await openEditor(page);
  await replaceLine(page, 'L4_LoadMR(1, a + b);', 'L4_LoadMR(1, a * b);');
  await expect(page.getByTestId('editor.status')).toContainText('Up to date.');
  await page.keyboard.press('Escape');
  await page.evaluate(() => window.__sim?.seek(5));
  await page.getByTestId('share.open').click();
  await expect(page.getByTestId('share.length')).toContainText('carries your code');
  const link = await page.getByTestId('share.link').inputValue();
  expect(link).toContain('#');
  const other = await context.newPage();
  // The test bridge, as in every journey here (the link itself carries only what the user set).
  const url = new URL(link);
  url.searchParams.set('test', '1');
  url.searchParams.set('animate', '0');
  await other.goto(url.href);
  await expect(other.getByTestId('editor.code').locator('.cm-content')).toBeVisible({
    timeout: 15_000,
  });
  await expect((await editorLine(other, 'L4_LoadMR(1, a * b);')).first()).toBeVisible();
  await expect.poll(() => other.evaluate(() => window.__sim?.state().cursor)).toBe(5);
});

test('a broken code fragment shows a message and the lesson, never a blank page', async ({
  page,
}) => {
  await page.goto('/?scenario=call-reply&animate=0&test=1#code=not-a-real-fragment!!');
  await expect(page.getByTestId('controls.help')).toBeVisible();
  await expect(page.getByTestId('notice')).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.__sim?.state().scenario)).toBe('call-reply');
});

test('a .c file dropped on the page opens in the editor and runs', async ({ page }) => {
  await page.goto('/?scenario=call-reply&animate=0&test=1');
  await expect(page.getByTestId('controls.help')).toBeVisible();
  await page.evaluate(() => window.__sim?.settled());
  const text = readFileSync('src/scenarios/lessons/call-reply.c', 'utf8').replace(
    'L4_LoadMR(1, a + b);',
    'L4_LoadMR(1, a * b);',
  );
  // A drag from the desktop, as the browser hands it to the page: a DataTransfer with one File.
  const transfer = await page.evaluateHandle((t) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], 'times.c', { type: 'text/x-c' }));
    return dt;
  }, text);
  const target = page.getByTestId('visualizer');
  for (const type of ['dragenter', 'dragover', 'drop'])
    await target.dispatchEvent(type, { dataTransfer: transfer });
  await expect(page.getByTestId('editor.code').locator('.cm-content')).toBeVisible({
    timeout: 15_000,
  });
  await expect((await editorLine(page, 'L4_LoadMR(1, a * b);')).first()).toBeVisible();
  await expect(page.getByTestId('editor.status')).toContainText('Up to date.');
  await page.keyboard.press('Escape');
  await page.evaluate(() => window.__sim?.run('last'));
  await page.getByTestId('dock.tab.registers').click();
  await expect(page.getByTestId('mr.client.1')).toContainText('0x50');
});

test('the same link opened in a new tab offers the draft back', async ({ page, context }) => {
  await openEditor(page);
  await replaceLine(page, 'L4_LoadMR(1, a + b);', 'L4_LoadMR(1, a * b);');
  await expect(page.getByTestId('editor.status')).toContainText('Up to date.');
  const other = await context.newPage();
  await other.goto('/?scenario=call-reply&animate=0&test=1');
  await expect(other.getByTestId('draft-offer')).toBeVisible();
  await other.getByRole('button', { name: 'Open the draft' }).click();
  await expect(await editorLine(other, 'L4_LoadMR(1, a * b);')).toBeVisible();
  await expect(other.getByTestId('editor.status')).toContainText('Up to date.');
});
