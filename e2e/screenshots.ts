// Screenshots of the word decoder, to look at before a change lands and for the README.
// Usage (a server must already be running):
//   npx vite build && npx vite preview --port 4174 &
//   npx tsx e2e/screenshots.ts http://127.0.0.1:4174 /tmp/shots
// Saves <scene>-<theme>-<width>x<height>.png for a message tag and a map item, light and dark, at
// 1280×720 and 1920×1080, with the browser options of playwright.config.ts.
import { shootScenes } from './shootScenes';
import type { ShotScene } from './shootScenes';

interface Scene extends ShotScene {
  /** The band to focus, so the details area shows it. */
  readonly focus: string;
}

const SCENES: readonly Scene[] = [
  { name: 'msgtag', query: { kind: 'msgtag', abi: 'amd64', word: '0x12340005' }, focus: 'label' },
  {
    name: 'mapitem',
    query: { kind: 'mapitem', abi: 'amd64', word: '0x300008', word2: '0x300147' },
    focus: 'snd_base',
  },
];

await shootScenes({
  script: 'e2e/screenshots.ts',
  scenes: SCENES,
  prepare: async (page, scene) => {
    const band = page.getByTestId(`decoder.field.${scene.focus}`).first();
    if (await band.count()) await band.focus();
  },
});
