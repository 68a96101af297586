// The sequence chart as a student reads it: each arrow says its step and time, the time axis shows
// where the clock jumped (a timeout's wait), and a click on a faded arrow goes forward.
import { expect, test } from './visualizerFixtures';

test('each arrow shows its step number and the simulated time, and its name starts with them', async ({
  viz,
}) => {
  await viz.open({ scenario: 'memory-alloc-free' });
  await viz.stepUntil(async () => (await viz.messages.count()) > 0);
  const arrow = viz.messages.first();
  const step = await arrow.getAttribute('data-step');
  await expect(arrow.getByTestId('seq.stamp')).toHaveText(new RegExp(`^#${step} · \\d+ µs$`));
  const stamp = await arrow.getByTestId('seq.stamp').textContent();
  await expect(arrow).toHaveAttribute('aria-label', new RegExp(`^${stamp} .*u=3 t=0`));
});

test('timeouts: the time axis breaks where the clock jumps to the timeout', async ({ viz }) => {
  await viz.open({ scenario: 'timeouts' });
  await viz.last.click();
  const jump = viz.chart.getByTestId('seq.jump').first();
  await expect(jump).toBeVisible();
  await expect(jump).toContainText(/\+\d+ ?µs/);
  // The row after the jump is stamped with the later time.
  await expect(viz.chart.locator('.msg--failed').first()).toBeVisible();
});

test('a faded arrow still to come is a click forward', async ({ viz }) => {
  await viz.open({ scenario: 'memory-alloc-free' });
  const ahead = viz.chart.getByTestId('seq.ahead').first();
  await expect(ahead).toBeVisible();
  const step = Number(await ahead.getAttribute('data-step'));
  await ahead.click();
  await expect(viz.counter).toHaveText(new RegExp(`^${step} / \\d+$`));
});
