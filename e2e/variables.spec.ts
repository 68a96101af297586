// The variables panel and the narration of user statements, as a student sees them.
import { expect, test } from './visualizerFixtures';

test('a variable shows its value after the step that sets it, marked as changed', async ({
  viz,
  page,
}) => {
  await viz.open({ scenario: 'memory-alloc-free', step: '20' });
  const panel = page.getByTestId('panel.variables');
  await expect(panel).toBeVisible();
  // Step 20: app, back from its Call, stores MR1 into rep.addr inside memory_call.
  await expect(page.getByTestId('narration')).toHaveText(
    'app (in memory_call) stores MR1 (0x10000000) into rep.addr.',
  );
  const addr = panel.getByTestId('var.rep.addr');
  await expect(addr).toHaveText('0x10000000 = 268435456');
  await expect(panel.locator('tr[data-changed]')).toContainText(['addr']);
  // The frames: app, then memory_alloc, then memory_call innermost, with op named.
  await expect(panel.getByTestId('vars.frame.memory_call')).toContainText('MEM_ALLOC');
  // One step on, memory_call has returned and app's `a` holds the block.
  await viz.next.click();
  await expect(panel.getByTestId('var.a')).toHaveText('0x10000000 = 268435456');
  await expect(panel.getByTestId('vars.frame.memory_call')).toHaveCount(0);
});

test('scheduler-as-written: the ThreadSwitch is on the chart and its narration says why it only yields', async ({
  viz,
  page,
}) => {
  await viz.open({ scenario: 'scheduler-as-written', step: '50' });
  await expect(page.getByTestId('narration')).toContainText(
    'editor is blocked waiting for a reply from scheduler: ThreadSwitch only hands the CPU to a runnable thread and never ends an IPC',
  );
  const mark = page.getByTestId('seq.switch');
  await expect(mark).toHaveCount(1);
  await expect(mark).toContainText('ThreadSwitch · only a yield');
  await viz.last.click();
  await expect(page.getByTestId('narration')).toHaveText(
    'Deadlock: editor, compiler and player wait for a reply from scheduler, which waits in an open receive for a sender that will never come; no thread can ever run again.',
  );
});
