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

test('the life cycle and the chart draw their words larger at text size 150 %', async ({ viz }) => {
  const sizes = async (font: string) => {
    await viz.open({ scenario: 'call-reply', step: '8', font });
    await viz.page.getByRole('tab', { name: 'Life cycle' }).click();
    const state = viz.page.locator('.sc-state__label').first();
    await expect(state).toBeVisible();
    const box = await state.boundingBox();
    const label = await viz.page.locator('.chart__name').first().boundingBox();
    return { state: box?.height ?? 0, label: label?.height ?? 0 };
  };
  const normal = await sizes('100');
  const large = await sizes('150');
  expect(large.state).toBeGreaterThan(normal.state * 1.3);
  expect(large.label).toBeGreaterThan(normal.label * 1.3);
});
