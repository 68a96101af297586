// A newcomer's journey, in real Chromium: copy the iframe snippet from the Share dialog, paste it
// as it is into a slide of a reveal.js deck that loads the Rendezvous plugin, and step it with the
// deck's keys — with the focus on the deck and after a click inside the frame. The deck is the
// built example deck's page (reveal.js and the plugin) with its slides replaced by the pasted one.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';
import { expect, test } from './fixtures';

const require = createRequire(import.meta.url);

test('a snippet copied from the Share dialog steps in a reveal deck with the deck keys', async ({
  page,
}) => {
  await page.goto('/?scenario=call-reply');
  await page.getByTestId('share.open').click();
  await expect(page.getByTestId('share.snippetNote')).toContainText('one fragment per later step');
  const snippet = await page.getByTestId('share.snippet').inputValue();

  const example = await (await page.request.get('/examples/deck/index.html')).text();
  const slides = `<div class="slides"><section><h1>My lecture</h1></section><section><h2>IPC</h2>${snippet}</section><section><h2>End</h2></section></div>`;
  const deck = example.replace(
    /<div class="slides">[\s\S]*<\/div>\s*<\/div>\s*<\/body>/,
    `${slides}</div></body>`,
  );
  expect(deck).toContain(snippet);
  await page.route('**/examples/deck/pasted.html', (route) =>
    route.fulfill({ contentType: 'text/html', body: deck }),
  );
  await page.goto('/examples/deck/pasted.html');
  await page.locator('.reveal.ready').waitFor();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('section.present h2')).toHaveText('IPC');
  const viz = page.frameLocator('section.present iframe');
  await expect(viz.getByTestId('step.counter')).toHaveText('0 / 17');

  await page.keyboard.press('ArrowRight');
  await expect(viz.getByTestId('step.counter')).toHaveText('1 / 17');
  await page.keyboard.press('ArrowRight');
  await expect(viz.getByTestId('step.counter')).toHaveText('2 / 17');
  await page.keyboard.press('ArrowLeft');
  await expect(viz.getByTestId('step.counter')).toHaveText('1 / 17');

  // reveal's preventIframeAutoFocus blurs a frame focused within 1 s of its load: wait past it.
  await page.waitForTimeout(1100);
  await viz.getByTestId('narration').click();
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('IFRAME');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(viz.getByTestId('step.counter')).toHaveText('3 / 17');
  await expect(page.locator('section.present h2')).toHaveText('IPC');
  await page.keyboard.press('Space');
  await expect(viz.getByTestId('step.counter')).toHaveText('4 / 17');
});

// The same journey for a deck with no bundler at all, on its own host: reveal.js's dist files and
// the plugin script the Share dialog names, by plain script tags, shared at step 5. The frame
// starts at 5, → shows 6, and ← from 5 leaves the slide. The deck comes from a plain static server
// of its own (another origin than the app's), as a lecturer's deck would.

/** A static server for one deck page at `/lecture/` and reveal.js's dist files under it. */
async function serveDeck(html: string): Promise<{ origin: string; close: () => void }> {
  const dist = path.dirname(require.resolve('reveal.js'));
  const server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://deck').pathname;
    if (pathname === '/lecture/') {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(html);
      return;
    }
    const file = pathname.replace(/^\/lecture\/reveal\/dist\//, '');
    readFile(path.join(dist, path.normalize(file))).then(
      (body) => {
        res.setHeader('Content-Type', file.endsWith('.css') ? 'text/css' : 'text/javascript');
        res.end(body);
      },
      () => {
        res.statusCode = 404;
        res.end();
      },
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => server.close() };
}

test('a deck without a bundler loads the served plugin by a script tag and starts at the shared step', async ({
  page,
  baseURL,
}) => {
  await page.goto('/?scenario=call-reply&step=5');
  await expect(page.getByTestId('step.counter')).toHaveText('5 / 17');
  await page.getByTestId('share.open').click();
  const snippet = await page.getByTestId('share.snippet').inputValue();
  const plugin = await page.getByTestId('share.pluginScript').inputValue();
  expect(plugin).toBe(`<script src="${baseURL}/rendezvous-reveal.js"></script>`);
  await expect(page.getByTestId('share.pluginNote')).toContainText(
    'Reveal.initialize({ plugins: [RendezvousReveal] })',
  );

  const deck = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>My lecture</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="reveal/dist/reveal.css"><link rel="stylesheet" href="reveal/dist/theme/white.css">
</head><body><div class="reveal"><div class="slides">
<section><h1>My lecture</h1></section>
<section><h2>IPC</h2>${snippet}</section>
<section><h2>End</h2></section>
</div></div>
<script src="reveal/dist/reveal.js"></script>
${plugin}
<script>Reveal.initialize({ preventIframeAutoFocus: true, plugins: [RendezvousReveal] });</script>
</body></html>`;
  const deckServer = await serveDeck(deck);
  try {
    const DECK = `${deckServer.origin}/lecture/`;
    await page.goto(DECK);
    await page.locator('.reveal.ready').waitFor();
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('section.present h2')).toHaveText('IPC');
    const viz = page.frameLocator('section.present iframe');
    await expect(viz.getByTestId('step.counter')).toHaveText('5 / 17');
    await page.keyboard.press('ArrowRight');
    await expect(viz.getByTestId('step.counter')).toHaveText('6 / 17');
    await page.keyboard.press('ArrowRight');
    await expect(viz.getByTestId('step.counter')).toHaveText('7 / 17');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect(viz.getByTestId('step.counter')).toHaveText('5 / 17');
    await expect(page.locator('section.present h2')).toHaveText('IPC');
    await page.keyboard.press('ArrowLeft');
    await expect(page.locator('section.present h1')).toHaveText('My lecture');
    // Back on the slide, the frame is at its start again.
    await page.keyboard.press('ArrowRight');
    await expect(viz.getByTestId('step.counter')).toHaveText('5 / 17');
  } finally {
    deckServer.close();
  }
});
