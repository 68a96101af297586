import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// The one end-to-end test: the real entry point in a child process (slow, so only one).
describe('src/cli/main.ts', () => {
  it('prints the decoded tag as one JSON line and exits 0', () => {
    const run = spawnSync('npx', ['tsx', 'src/cli/main.ts', 'decode', 'msgtag', '0x12340005'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      '{"raw":"0x12340005","label":"0x1234","u":5,"t":0,"flags":0,"propagated":false,"redirected":false,"xcpu":false,"error":false}\n',
    );
  }, 60_000);
});
