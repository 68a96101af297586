// `npm run frames` for real: one PNG per step of call-reply at 640x360, from the offline file. The
// count is the lesson's own (the step counter's "0 / N" means N + 1 steps), every PNG has the size
// asked for, and the pictures change as the lesson steps.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from './fixtures';
import { pngSize } from './pngSize';
import { ensureSingleBuild, SINGLE_FILE } from './singleBuild';

test('npm run frames writes one PNG per step of call-reply, each 640x360', async ({ page }) => {
  test.setTimeout(180_000);
  await ensureSingleBuild();
  await page.goto(`${pathToFileURL(SINGLE_FILE).href}?scenario=call-reply&animate=0`);
  const counter = await page.getByTestId('step.counter').textContent();
  const last = Number(/^0 \/ (\d+)$/.exec(counter ?? '')?.[1]);
  expect(last).toBeGreaterThan(0);

  const out = mkdtempSync(join(tmpdir(), 'rendezvous-frames-'));
  const printed = execFileSync(
    'npx',
    ['tsx', 'scripts/frames.ts', 'call-reply', '--out', out, '--size', '640x360'],
    { encoding: 'utf8', timeout: 150_000 },
  );
  expect(printed).toContain(`${last + 1} PNGs of call-reply (640x360)`);
  const pngs = readdirSync(out)
    .filter((name) => name.endsWith('.png'))
    .sort();
  expect(pngs).toHaveLength(last + 1);
  expect(pngs[0]).toBe('call-reply-step-0000.png');
  expect(pngs.at(-1)).toBe(`call-reply-step-${String(last).padStart(4, '0')}.png`);
  const bytes = pngs.map((name) => readFileSync(join(out, name)));
  for (const png of bytes) expect(pngSize(png)).toEqual({ width: 640, height: 360 });
  expect(bytes[0]?.equals(bytes.at(-1) ?? Buffer.alloc(0))).toBe(false);
});
