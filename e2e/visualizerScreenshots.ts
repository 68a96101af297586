// Screenshots of the visualizer, to look at before a change lands and for the README.
// Usage (a server must already be running):
//   npx vite build && npx vite preview --port 4174 &
//   npx tsx e2e/visualizerScreenshots.ts http://127.0.0.1:4174 /tmp/shots
// Saves <scene>-<theme>-<width>x<height>[@font150].png for four lessons at a telling step, in the
// light, dark and high-contrast themes, at 1280×720, 1920×1080 and 1280×720 with text at 150 %,
// animations off, with the browser options of playwright.config.ts.
import { shootScenes } from './shootScenes';
import type { ShotScene } from './shootScenes';

interface Scene extends ShotScene {
  /** Keys pressed after loading (e.g. End for the last step). */
  readonly keys?: readonly string[];
}

const SCENES: readonly Scene[] = [
  { name: 'call-reply', query: { scenario: 'call-reply', step: '5' } },
  { name: 'memory-alloc-free', query: { scenario: 'memory-alloc-free', step: '40' } },
  { name: 'scheduler-as-written', query: { scenario: 'scheduler-as-written' }, keys: ['End'] },
  { name: 'map-grant', query: { scenario: 'map-grant', step: '12' } },
];

await shootScenes({
  script: 'e2e/visualizerScreenshots.ts',
  scenes: SCENES,
  extraQuery: { animate: '0' },
  themes: ['light', 'dark', 'high-contrast'],
  sizes: [
    { width: 1280, height: 720 },
    { width: 1920, height: 1080 },
    { width: 1280, height: 720, query: { font: '150' }, tag: '@font150' },
  ],
  prepare: async (page, scene) => {
    await page.getByTestId('step.counter').waitFor();
    await page.locator('body').click({ position: { x: 2, y: 2 } });
    for (const key of scene.keys ?? []) await page.keyboard.press(key);
    await page.waitForTimeout(150);
  },
});
