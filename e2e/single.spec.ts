// The one offline file (npm run build:single → dist-single/rendezvous.html) opened from file://:
// it steps a lesson, decodes a word, logs no error and breaks no rule of its Content-Security-
// Policy (whose script hash is computed after inlining); runs an edited text on its own thread (no
// worker from file://); and a file:// page can frame it and step
// it by postMessage (the parent's origin is then "null"), or a deck of plain script tags with the
// plugin beside the file, as the offline page's Share dialog says.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DecoderPage, expect, test } from './fixtures';
import { createRequire } from 'node:module';
import { ensureSingleBuild, SINGLE_DECK, SINGLE_FILE, SINGLE_PLUGIN } from './singleBuild';

const URL_OF_FILE = pathToFileURL(SINGLE_FILE).href;

// One worker runs these in order; singleBuild.ts builds the files once per run (fresh under CI).
test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(200_000);
  await ensureSingleBuild();
});

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
});

test('from file:// it steps a lesson and decodes a word, within its CSP', async ({ page }) => {
  await page.goto(`${URL_OF_FILE}?scenario=call-reply&animate=0`);
  const counter = page.getByTestId('step.counter');
  await expect(counter).toHaveText('0 / 17');
  await page.getByTestId('controls.next').click();
  await page.keyboard.press('ArrowRight');
  await expect(counter).toHaveText('2 / 17');
  const policy = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(policy).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
  const scripts = policy?.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
  expect(scripts).not.toContain('unsafe');
  const decoder = new DecoderPage(page);
  await page.getByTestId('decoder.open').click();
  await expect(decoder.word).toBeVisible();
  await decoder.decode('0x56780003');
  await expect(decoder.value('label')).toHaveText('0x5678');
  await expect(decoder.value('u')).toHaveText('3');
  // Another lesson: every built-in one is in the file.
  await page.getByTestId('scenario.picker').selectOption('memory-alloc-free');
  await expect(counter).toHaveText(/^0 \/ \d+$/);
  expect(
    await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
  ).toEqual([]);
});

test('a file:// deck frames it and steps it by postMessage', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'rendezvous-deck-'));
  const host = join(dir, 'deck.html');
  writeFileSync(
    host,
    `<!doctype html><body><iframe id="viz" style="width:960px;height:540px;border:0" src="${URL_OF_FILE}?scenario=call-reply&animate=0"></iframe></body>`,
  );
  await page.goto(pathToFileURL(host).href);
  const viz = page.frameLocator('#viz');
  await expect(viz.getByTestId('step.counter')).toHaveText('0 / 17');
  await expect(viz.getByTestId('embed.open')).toBeVisible();
  await page.evaluate(() =>
    document
      .querySelector<HTMLIFrameElement>('#viz')
      ?.contentWindow?.postMessage(
        { namespace: 'rendezvous', version: 1, type: 'goto', step: 5 },
        '*',
      ),
  );
  await expect(viz.getByTestId('step.counter')).toHaveText('5 / 17');
});

test('from file:// an edited text runs on the page (no worker): the server replies a * b', async ({
  page,
}) => {
  await page.goto(`${URL_OF_FILE}?scenario=call-reply&animate=0&test=1`);
  await expect(page.getByTestId('step.counter')).toHaveText('0 / 17');
  await page.evaluate(() => window.__sim?.settled());
  await page.keyboard.press('e');
  // The editor is its own lazy chunk (inlined here, still loaded on demand).
  await expect(page.getByTestId('editor.code').locator('.cm-content')).toBeVisible({
    timeout: 15_000,
  });
  const line = page.locator('.cm-line', { hasText: 'L4_LoadMR(1, a + b);' });
  const scroller = page.locator('.cm-scroller').first();
  for (let i = 0; i < 40 && (await line.count()) === 0; i++)
    await scroller.evaluate((el) => el.scrollBy(0, 200));
  await line.click();
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.type('L4_LoadMR(1, a * b);');
  await expect(page.getByTestId('editor.status')).toContainText('Up to date.');
  await page.keyboard.press('Escape');
  await page.evaluate(() => window.__sim?.run('last'));
  await page.getByTestId('dock.tab.registers').click();
  await expect(page.getByTestId('mr.client.1')).toContainText('0x50');
});

test('the example deck offline: dist-single/deck.html from file:// steps its frames with its keys', async ({
  page,
}) => {
  await page.goto(pathToFileURL(SINGLE_DECK).href);
  await page.locator('.reveal.ready').waitFor();
  await page.keyboard.press('ArrowRight');
  const viz = page.frameLocator('#call-reply');
  await expect(viz.getByTestId('step.counter')).toHaveText('0 / 17');
  await page.keyboard.press('ArrowRight');
  await expect(viz.getByTestId('step.counter')).toHaveText('1 / 17');
  await page.keyboard.press('ArrowRight');
  await expect(viz.getByTestId('step.counter')).toHaveText('5 / 17');
  // With the focus inside the frame (past reveal's 1 s auto-focus guard), → is still the deck's.
  await page.waitForTimeout(1100);
  await viz.getByTestId('narration').click();
  await page.keyboard.press('ArrowRight');
  await expect(viz.getByTestId('step.counter')).toHaveText('10 / 17');
  await expect(page.locator('section.present .fragment.visible')).toHaveCount(3);
  await page.keyboard.press('ArrowLeft');
  await expect(viz.getByTestId('step.counter')).toHaveText('5 / 17');
  expect(
    await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
  ).toEqual([]);
});

test('offline, a deck of plain script tags loads the plugin the Share dialog names and steps the frame from the shared step', async ({
  page,
}) => {
  await page.goto(`${URL_OF_FILE}?scenario=call-reply&step=3&animate=0`);
  await page.getByTestId('share.open').click();
  const snippet = await page.getByTestId('share.snippet').inputValue();
  const plugin = await page.getByTestId('share.pluginScript').inputValue();
  expect(plugin).toBe(`<script src="${pathToFileURL(SINGLE_PLUGIN).href}"></script>`);
  const reveal = pathToFileURL(createRequire(import.meta.url).resolve('reveal.js')).href;
  const dir = mkdtempSync(join(tmpdir(), 'rendezvous-deck-'));
  const deck = join(dir, 'lecture.html');
  writeFileSync(
    deck,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Offline</title></head><body>
<div class="reveal"><div class="slides"><section><h1>Start</h1></section><section><h2>IPC</h2>${snippet}</section></div></div>
<script src="${reveal}"></script>
${plugin}
<script>Reveal.initialize({ preventIframeAutoFocus: true, plugins: [RendezvousReveal] });</script>
</body></html>`,
  );
  await page.goto(pathToFileURL(deck).href);
  await page.locator('.reveal.ready').waitFor();
  await page.keyboard.press('ArrowRight');
  const viz = page.frameLocator('section.present iframe');
  await expect(viz.getByTestId('step.counter')).toHaveText('3 / 17');
  await page.keyboard.press('ArrowRight');
  await expect(viz.getByTestId('step.counter')).toHaveText('4 / 17');
});
