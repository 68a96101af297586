// Opens the generated load (stressScenario.ts) in a page of the served app through the test
// bridge, as the browser benches do.
import type { Page } from '@playwright/test';
import { stressScenarioText } from './stressScenario';

/** Opens `query` and waits for the whole run (the counter reads `k / n…` while it is recorded). */
async function waitForCounter(page: Page): Promise<void> {
  await page
    .getByTestId('step.counter')
    .filter({ hasText: /^\d+ \/ \d+$/ })
    .waitFor({ timeout: 60_000 });
}

/**
 * Opens the generated load (stressScenario.ts: one server, threads−1 clients) through the
 * test bridge, at `step`, and waits until the whole run is recorded.
 */
export async function openStress(
  page: Page,
  base: string,
  run: { threads: number; steps: number; step?: number },
): Promise<void> {
  await page.goto(`${base}/?test=1&animate=0`);
  await waitForCounter(page);
  await page.evaluate(
    async ({ text, steps, step }) => {
      const sim = window.__sim;
      if (!sim) throw new Error('the test bridge is not installed');
      sim.openText(text, { id: 'generated-stress', maxSteps: steps, step });
      await sim.settled();
    },
    { text: stressScenarioText(run.threads), steps: run.steps, step: run.step ?? 0 },
  );
  await waitForCounter(page);
}
