// The servers panel's address spaces and mapping tree on the map-unmap-recursive lesson, stepped
// with the keys as a student would: A's page reaches B, then C (the tree grows A → B → C); A
// unmaps and both copies are struck through for that one step; stepping on, or back to before the
// pages arrived, never claims a page was unmapped.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const STEPS = 18;

async function stepTo(page: Page, step: number) {
  await page.getByTestId('controls.scrubber').fill(String(step));
  await expect(page.getByTestId('step.counter')).toHaveText(`${step} / ${STEPS}`);
}

test('the mapping tree grows A → B → C; an unmap strikes both copies for one step only', async ({
  page,
}) => {
  await page.goto('/?scenario=map-unmap-recursive&animate=0');
  await expect(page.getByTestId('step.counter')).toHaveText(`0 / ${STEPS}`);
  const tab = page.getByTestId('dock.tab.servers');
  if (await tab.count()) await tab.click();
  const gone = page.locator('[data-testid$=".gone"]');

  await stepTo(page, 14);
  const tree = page.getByTestId('mdb');
  await expect(tree).toContainText('A 0x100000, 64 KB rwx');
  await expect(tree.locator('.mdb__children .mdb__children')).toContainText('C 0x900000, 4 KB r--');

  // One step at a time, as the → key does, up to the unmap.
  await stepTo(page, 15);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('step.counter')).toHaveText(`16 / ${STEPS}`);
  await expect(page.getByTestId('space.B.gone')).toContainText('unmapped');
  await expect(page.getByTestId('space.C.gone')).toContainText('unmapped');
  await expect(tree).toHaveCount(0);

  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('step.counter')).toHaveText(`17 / ${STEPS}`);
  await expect(gone).toHaveCount(0);

  // Back to before a's page reached b: nothing was unmapped there.
  await stepTo(page, 2);
  await expect(page.getByTestId('space.B')).toContainText('no mappings');
  await expect(gone).toHaveCount(0);
});
