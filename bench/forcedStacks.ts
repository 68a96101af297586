/**
 * `npx tsx bench/forcedStacks.ts`: prints the JS stack of every forced synchronous layout while
 * clicking next and back 20 times each and while scrubbing 20 times, on the bench's 16-thread,
 * 10,000-step run opened at step 4000 (the same page as `npm run bench -- ui`), each followed by
 * 1.5 s of quiet so the address write after stepping is traced too. Builds and serves the app.
 */
import { chromium } from '@playwright/test';
import config from '../playwright.config';
import { forcedLayoutStacks } from './forcedLayout';
import { servePreview } from './previewServer';
import { openStress } from './workloads/openStress';

const CLICKS = 20;
const SETTLE_MS = 1500;

function print(label: string, stacks: readonly string[], per: number): void {
  console.log(
    `\n## ${label}: ${stacks.length} forced (${(stacks.length / per).toFixed(3)} per action)`,
  );
  for (const s of stacks) console.log(s);
}

const server = await servePreview('rendezvous-stacks-');
const browser = await chromium.launch(config.use?.launchOptions ?? {});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await openStress(page, server.base, { threads: 16, steps: 10_000, step: 4000 });
  await page.waitForTimeout(SETTLE_MS);
  print(
    'next',
    await forcedLayoutStacks(page, { testId: 'controls.next', clicks: CLICKS }, SETTLE_MS),
    CLICKS,
  );
  print(
    'back',
    await forcedLayoutStacks(page, { testId: 'controls.prev', clicks: CLICKS }, SETTLE_MS),
    CLICKS,
  );
  const scrub = Array.from({ length: CLICKS }, (_, i) => 100 + ((i * 7919) % CLICKS) * 450);
  print('scrubber', await forcedLayoutStacks(page, { scrub }, SETTLE_MS), CLICKS);
  console.log(`\naddress after: ${new URL(page.url()).search}`);
} finally {
  await browser.close();
  await server.close();
}
