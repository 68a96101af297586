// The register panel as a kernel developer reads it: typed items decoded in place, a click on a
// word into the decoder, decimal on hover, several threads pinned.
import { expect, test } from './visualizerFixtures';

test('map-grant: the map item is decoded in place and a click opens it in the decoder', async ({
  viz,
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await viz.open({ scenario: 'map-grant', step: '7' });
  await expect(page.getByTestId('mrfield.receiver.1')).toHaveText('map item: send base 0x100000');
  await expect(page.getByTestId('mrfield.receiver.2')).toHaveText('fpage 0x100000, 4 KB, rw-');
  // The chart's arrow says what the typed transfer does.
  await expect(page.getByTestId('seq.message').last()).toContainText('map');
  const word = page.getByRole('button', { name: /^receiver MR2: 0x1000c6 = 1048774/ });
  await expect(word).toHaveAttribute('title', /0x1000c6 = 1048774/);
  await word.click();
  await expect(page.getByTestId('decoder.kind')).toHaveValue('mapitem');
  await expect(page.getByTestId('decoder.abi')).toHaveValue('amd64');
  await expect(page.getByTestId('decoder.word')).toHaveValue('0x100008');
  await expect(page.getByTestId('decoder.word2')).toHaveValue('0x1000c6');
});

test('MR0 opens as a message tag, and two threads can be pinned side by side', async ({
  viz,
  page,
}) => {
  await viz.open({ scenario: 'memory-alloc-free', step: '3' });
  // Below three threads' code the registers have their own place; beside the code, a tab.
  const tab = page.getByTestId('dock.tab.registers');
  if ((await tab.count()) > 0) await tab.click();
  await page.getByTestId('regs.app.pin').click();
  await page.getByRole('button', { name: /^app MR0:/ }).click();
  await expect(page.getByTestId('decoder.kind')).toHaveValue('msgtag');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('decoder.kind')).toHaveCount(0);
  // memserver's registers join app's when it is pinned too, and both stay.
  await viz.stepUntil(async () => (await page.getByTestId('regs.memserver').count()) > 0);
  await page.getByTestId('regs.memserver.pin').click();
  await viz.next.click();
  await viz.next.click();
  await expect(page.getByTestId('regs.app')).toBeVisible();
  await expect(page.getByTestId('regs.memserver')).toBeVisible();
});
