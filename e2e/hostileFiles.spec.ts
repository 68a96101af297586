// Files opened in the editor that are not scenario text: a 50 MB file dropped on the page and a
// binary file from the File menu's picker. Each gets one notice; the editor keeps the learner's
// draft, word for word (docs/reliability.md).
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function openEditorWithDraft(page: Page): Promise<string> {
  await page.goto('/?scenario=call-reply&animate=0&test=1');
  await expect(page.getByTestId('controls.help')).toBeVisible();
  await page.evaluate(() => window.__sim?.settled());
  await page.keyboard.press('e');
  const content = page.getByTestId('editor.code').locator('.cm-content');
  await expect(content).toBeVisible({ timeout: 15_000 });
  // A draft of the learner's own: a comment typed at the end of the file.
  await page.locator('.cm-line').first().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('// mine');
  await expect(content).toContainText('// mine');
  await expect(page.getByTestId('editor.status')).toContainText('Up to date.');
  return content.innerText();
}

const editorText = (page: Page) =>
  page.getByTestId('editor.code').locator('.cm-content').innerText();

test('a 50 MB file dropped on the page is refused from its size; the draft stays', async ({
  page,
}) => {
  const before = await openEditorWithDraft(page);
  const scenario = await page.evaluate(() => window.__sim?.state().scenario);
  await page.getByTestId('controls.help').evaluate((target) => {
    const file = new File([new Uint8Array(50 * 1024 * 1024).fill(0x20)], 'huge.c');
    const data = new DataTransfer();
    data.items.add(file);
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true }));
  });
  await expect(page.getByTestId('notice')).toContainText(
    'huge.c is 52,428,800 bytes; a scenario file may be at most 1,000,000. Nothing was opened.',
  );
  expect(await editorText(page)).toBe(before);
  expect(await page.evaluate(() => window.__sim?.state().scenario)).toBe(scenario);
});

test('a binary file and a file that is not UTF-8 from the picker are refused; the draft stays', async ({
  page,
}) => {
  const before = await openEditorWithDraft(page);
  const input = page.getByTestId('editor.open');
  const elf = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00]);
  await input.setInputFiles({ name: 'a.out', mimeType: 'text/plain', buffer: elf });
  await expect(page.getByTestId('notice')).toContainText(
    'a.out is not a text file (a NUL byte at byte 7). Nothing was opened.',
  );
  expect(await editorText(page)).toBe(before);
  const latin1 = Buffer.from([0x2f, 0x2f, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0a]);
  await input.setInputFiles({ name: 'latin1.c', mimeType: 'text/plain', buffer: latin1 });
  await expect(page.getByTestId('notice')).toContainText(
    'latin1.c is not UTF-8 text. Nothing was opened.',
  );
  expect(await editorText(page)).toBe(before);
});
