// The Cap'n Proto panel: every word of the message the selected thread holds, named.
import { expect, test } from './visualizerFixtures';

test.describe("Cap'n Proto panel", () => {
  test('capnp-call at the put: MR1 is the segment table, the Entry ttl shows its XOR with the default, the tables list the question', async ({
    viz,
    page,
  }) => {
    await viz.open({ scenario: 'capnp-call', step: '65' });
    await page.getByTestId('dock.tab.capnp').click();
    const panel = page.getByTestId('capnp');
    await expect(panel).toBeVisible();
    await expect(page.getByTestId('capnp.where')).toContainText('In the registers: MR1..MR22');
    await expect(page.getByTestId('capnp.word.0')).toContainText('MR1');
    await expect(page.getByTestId('capnp.word.0')).toContainText('segment table');
    await expect(panel).toContainText('raw 3628 ⊕ default 3600 = 60');
    await expect(page.getByTestId('capnp.tables.client')).toContainText('put on import 0');
    await expect(page.getByTestId('capnp.cost')).toContainText('Hand-packed');
  });

  test('capnp-large: the put is decoded from the buffer in the server’s window', async ({
    viz,
    page,
  }) => {
    await viz.open({ scenario: 'capnp-large', step: '71' });
    await page.getByTestId('dock.tab.capnp').click();
    await expect(page.getByTestId('capnp.where')).toContainText('In a buffer: buffer at 0x800000');
    await expect(page.getByTestId('capnp.word.0')).toContainText('0x800000');
  });

  test('a lesson without Cap’n Proto has no such panel', async ({ viz, page }) => {
    await viz.open({ scenario: 'call-reply', step: '5' });
    await page.getByTestId('dock.tab.registers').click();
    await expect(page.getByTestId('panel.registers')).toBeVisible();
    await expect(page.getByTestId('dock.tab.capnp')).toHaveCount(0);
    await expect(page.getByTestId('capnp')).toHaveCount(0);
  });
});
