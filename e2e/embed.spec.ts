// Embed mode in a real iframe of another origin: minimal chrome, laid out for the frame's box,
// no focus taken on load, no cookies or storage.
import { expect, test } from './fixtures';
import { openHost } from './embedHost';

const BOXES = [
  [960, 540],
  [800, 600],
  [1280, 720],
] as const;

for (const [width, height] of BOXES) {
  test(`a ${width}×${height} frame: no header, the panels fill the box, nothing spills out`, async ({
    page,
    baseURL,
  }) => {
    const frame = await openHost(page, baseURL, {
      width,
      height,
      query: 'scenario=call-reply&step=5&animate=0',
    });
    await expect(frame.getByTestId('step.counter')).toHaveText('5 / 17');
    await expect(frame.getByRole('heading', { name: 'Rendezvous', level: 1 })).toHaveCount(0);
    await expect(frame.getByTestId('embed.open')).toBeVisible();
    await expect(frame.getByTestId('controls.scrubber')).toBeHidden();
    const fit = await frame.locator('body').evaluate(() => {
      const doc = document.documentElement;
      const panels = [...document.querySelectorAll('.viz__grid .vpanel')].map((p) => {
        const r = p.getBoundingClientRect();
        return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      });
      const grid = document.querySelector('.viz__grid')?.getBoundingClientRect();
      return {
        scrollW: doc.scrollWidth,
        scrollH: doc.scrollHeight,
        w: window.innerWidth,
        h: window.innerHeight,
        gridBottom: grid?.bottom ?? 0,
        panels,
      };
    });
    expect(fit.w).toBe(width);
    expect(fit.scrollW).toBeLessThanOrEqual(width);
    expect(fit.scrollH).toBeLessThanOrEqual(height);
    // The threads, the chart and the dock's panel (the dock's other panels are tabs).
    expect(fit.panels.length).toBeGreaterThanOrEqual(3);
    for (const p of fit.panels) {
      expect(p.left).toBeGreaterThanOrEqual(0);
      expect(p.right).toBeLessThanOrEqual(width);
      expect(p.bottom).toBeLessThanOrEqual(height);
    }
    // The grid fills the frame down to its bottom edge.
    expect(fit.gridBottom).toBeGreaterThan(height - 40);
  });
}

test('embedded, the page takes no focus on load and works with third-party storage blocked', async ({
  page,
  baseURL,
}) => {
  const frame = await openHost(page, baseURL, {
    width: 960,
    height: 540,
    query: 'scenario=call-reply&theme=dark&controls=none',
  });
  await expect(frame.getByTestId('visualizer')).toBeVisible();
  await expect(frame.getByTestId('controls')).toBeHidden();
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BODY');
  const inside = await frame.locator('body').evaluate(() => {
    const count = (area: () => Storage) => {
      try {
        return area().length;
      } catch {
        return 'blocked';
      }
    };
    return {
      focused: document.hasFocus(),
      active: document.activeElement?.tagName,
      cookie: document.cookie,
      local: count(() => localStorage),
    };
  });
  // Chromium blocks a cross-origin frame's storage: the page runs all the same, from its address.
  expect(inside).toMatchObject({ focused: false, active: 'BODY', cookie: '' });
  expect([0, 'blocked']).toContain(inside.local);
  const href = await frame.getByTestId('embed.open').getAttribute('href');
  const link = new URL(href ?? '');
  expect(link.searchParams.get('theme')).toBe('dark');
  expect(link.searchParams.get('controls')).toBeNull();
  expect(link.searchParams.get('embed')).toBeNull();
});

test('?embed=1 gives the embedded page outside a frame too; embed=0 keeps the header framed', async ({
  page,
  baseURL,
}) => {
  await page.goto('/?scenario=call-reply&embed=1');
  await expect(page.getByTestId('embed.open')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Rendezvous', level: 1 })).toHaveCount(0);
  const frame = await openHost(page, baseURL, { width: 1280, height: 720, query: 'embed=0' });
  await expect(frame.getByRole('heading', { name: 'Rendezvous', level: 1 })).toBeVisible();
});

test('the Share dialog gives the link and an iframe snippet with the chosen options, by keyboard', async ({
  page,
}) => {
  await page.goto('/?scenario=call-reply&step=5&theme=dark&animate=0');
  await expect(page.getByTestId('step.counter')).toHaveText('5 / 17');
  await page.getByTestId('share.open').focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('share.dialog');
  await expect(dialog).toBeVisible();
  const link = new URL(await page.getByTestId('share.link').inputValue());
  expect(Object.fromEntries(link.searchParams)).toEqual({
    scenario: 'call-reply',
    step: '5',
    theme: 'dark',
    animate: '0',
  });
  await page.getByTestId('share.controls').selectOption('none');
  const snippet = await page.getByTestId('share.snippet').inputValue();
  expect(snippet).toMatch(
    /^<iframe data-src="[^"]+" data-preload data-rendezvous data-rendezvous-fragments="steps" width="960" height="540"/,
  );
  const src = new URL((/data-src="([^"]+)"/.exec(snippet)?.[1] ?? '').replaceAll('&amp;', '&'));
  expect(src.searchParams.get('controls')).toBe('none');
  expect(src.searchParams.get('step')).toBe('5');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('share.open')).toBeFocused();
});
