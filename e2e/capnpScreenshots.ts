// Screenshots of the Cap'n Proto panel (scrolled into view), light and dark, 1280×720 and 1920×1080.
// Usage (a server must already be running):
//   npx vite build && npx vite preview --port 4187 &
//   npx tsx e2e/capnpScreenshots.ts http://127.0.0.1:4187 /tmp/capnp-shots
import { shootScenes } from './shootScenes';

await shootScenes({
  script: 'e2e/capnpScreenshots.ts',
  scenes: [
    { name: 'capnp-call-put', query: { scenario: 'capnp-call', step: '65' } },
    { name: 'capnp-large', query: { scenario: 'capnp-large', step: '311' } },
    { name: 'capnp-exception', query: { scenario: 'capnp-exception', step: '91' } },
  ],
  extraQuery: { animate: '0' },
  prepare: async (page) => {
    await page.getByTestId('capnp').waitFor();
    await page.getByTestId('capnp').scrollIntoViewIfNeeded();
    await page.waitForTimeout(150);
  },
});
