// The Export dialog (src/ui/export/) in a real browser: each export is saved through the page's
// download, and each file is what its reader expects — the SVG parses and holds one drawn message
// per arrow on screen, the PNG is twice the drawn box, the trace is the bytes `cli run` prints, the
// Mermaid text has one arrow per IPC up to the step.
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { pngSize } from './pngSize';

/** Clicks the export `id` in the open dialog and gives back the saved file's name and bytes. */
async function save(page: Page, id: string): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(`export.${id}`).click(),
  ]);
  const path = await download.path();
  // Kept beside the test's results, to open and look at.
  copyFileSync(path, test.info().outputPath(download.suggestedFilename()));
  await expect(page.getByTestId('export.status')).toHaveText(/^Saved /);
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

/** Elements of an SVG text matching `selector`, or -1 when the text does not parse as SVG. */
function countInSvg(page: Page, svg: string, selector: string): Promise<number> {
  return page.evaluate(
    ([text, sel]) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      if (doc.querySelector('parsererror') || doc.documentElement.tagName !== 'svg') return -1;
      return doc.querySelectorAll(sel).length;
    },
    [svg, selector] as const,
  );
}

async function openAt(page: Page, step: number) {
  await page.goto(`/?scenario=call-reply&step=${step}&animate=0`);
  await expect(page.getByTestId('step.counter')).toHaveText(`${step} / 17`);
}

test('X opens the export dialog; the chart as SVG has one message per arrow on screen', async ({
  page,
}) => {
  await openAt(page, 16);
  await page.keyboard.press('x');
  await expect(page.getByTestId('export.dialog')).toBeVisible();
  await expect(page.getByTestId('export.chart.svg')).toBeFocused();
  const shown = await page.getByTestId('seq.chart').locator('g.msg').count();
  expect(shown).toBeGreaterThan(1);
  const { name, bytes } = await save(page, 'chart.svg');
  expect(name).toBe('call-reply-step16-chart.svg');
  const svg = bytes.toString('utf8');
  expect(await countInSvg(page, svg, 'g.msg')).toBe(shown);
  expect(await countInSvg(page, svg, 'text')).toBeGreaterThan(shown);
  // Self-contained: colours are values, fonts are named, no stylesheet or variable is needed.
  expect(svg).not.toContain('var(--');
  expect(svg).not.toMatch(/<link|@import|xlink:href="http/);
  expect(svg).toMatch(/font-family="[^"]+"/);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('export.dialog')).toBeHidden();
});

test('the chart and the registers as PNG are twice their box on screen', async ({ page }) => {
  await openAt(page, 5);
  const tab = page.getByTestId('dock.tab.registers');
  if (await tab.count()) await tab.click();
  for (const panel of ['chart', 'registers']) {
    const body = page.getByTestId(`panel.${panel}`).locator('.vpanel__body');
    const box = await body.boundingBox();
    await page.getByTestId('export.open').click();
    const { name, bytes } = await save(page, `${panel}.png`);
    expect(name).toBe(`call-reply-step5-${panel}.png`);
    expect(pngSize(bytes)).toEqual({
      width: 2 * Math.ceil(box?.width ?? 0),
      height: 2 * Math.ceil(box?.height ?? 0),
    });
    const svg = (await save(page, `${panel}.svg`)).bytes.toString('utf8');
    // The thread names and at least one more word (a label, a register).
    expect(await countInSvg(page, svg, 'text')).toBeGreaterThan(2);
    // The picture, not the controls: the registers' pin button is on screen, not in the file.
    if (panel === 'registers') {
      await expect(page.getByTestId('regs.client.pin')).toBeVisible();
      expect(svg).not.toMatch(/>pin</);
    }
    await page.getByTestId('export.close').click();
  }
});

test('the trace as JSON is the bytes cli run prints for the same scenario', async ({ page }) => {
  await openAt(page, 3);
  await page.getByTestId('export.open').click();
  const { name, bytes } = await save(page, 'trace.json');
  expect(name).toBe('call-reply.trace.json');
  const cli = execFileSync('node', ['--import', 'tsx', 'src/cli/main.ts', 'run', 'call-reply']);
  expect(bytes.toString('utf8')).toBe(cli.toString('utf8'));
});

test('the chart as Mermaid has one arrow per IPC up to the step', async ({ page }) => {
  await openAt(page, 16);
  const messages = await page.getByTestId('seq.chart').locator('g.msg').count();
  await page.getByTestId('export.open').click();
  const text = (await save(page, 'chart.mmd')).bytes.toString('utf8');
  const lines = text.split('\n');
  expect(lines[1]).toBe('sequenceDiagram');
  expect(lines.filter((l) => /^ {2}t\d+-/.test(l))).toHaveLength(messages);
});
