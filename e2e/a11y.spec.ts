// Accessibility, checked by axe-core on the pages a student sees: five lessons at a telling step,
// in the light, dark and high-contrast themes, 0 violations (WCAG 2.1 A and AA rules). And the
// keyboard: with focus on the scenario picker, → does not switch lessons.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './visualizerFixtures';

const LESSONS = [
  ['call-reply', '5'],
  ['memory-alloc-free', '18'],
  ['scheduler-as-written', '30'],
  ['map-grant', '12'],
  ['timeouts', '11'],
] as const;
const THEMES = ['light', 'dark', 'high-contrast'] as const;

for (const theme of THEMES) {
  test(`axe finds no violation in the ${theme} theme on five lessons`, async ({ viz, page }) => {
    test.setTimeout(90_000);
    for (const [scenario, step] of LESSONS) {
      await viz.open({ scenario, step, theme });
      const result = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      const found = result.violations.map(
        (v) =>
          `${v.id} (${v.nodes.length}): ${v.help} — ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(' | ')}`,
      );
      expect(found, `${scenario} step ${step}, ${theme}`).toEqual([]);
    }
  });
}

test('the word decoder dialog has no axe violation', async ({ viz, page }) => {
  await viz.open({ scenario: 'call-reply', theme: 'dark' });
  await page.getByTestId('decoder.open').click();
  await expect(page.getByTestId('decoder.word')).toBeVisible();
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(result.violations.map((v) => v.id)).toEqual([]);
});

test('→ on the scenario picker does not switch lessons', async ({ viz, page }) => {
  await viz.open({ scenario: 'memory-alloc-free', step: '4' });
  await viz.picker.focus();
  for (const key of ['ArrowRight', 'ArrowLeft', 'ArrowRight']) await page.keyboard.press(key);
  await expect(viz.picker).toHaveValue('memory-alloc-free');
  await expect(viz.counter).toHaveText(/^4 \//);
});
