// Which Chromium the browser tests and `npm run frames` start, and with which flags: Debian's
// Chromium unless CHROMIUM_PATH says otherwise; Playwright's own browser when neither exists.
// playwright.config.ts and scripts/frames.ts both read it, so they start the same browser.
import { existsSync } from 'node:fs';

export function chromiumPath(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return undefined;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];
