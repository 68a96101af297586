// Set-up shared by `npm start` and `npm test`: install what is missing, never what is already there.
// Uses only Node's standard library, because it runs before node_modules exists.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const root = new URL('..', import.meta.url).pathname;
const STAMP = join(root, 'node_modules', '.rendezvous-installed');

function lockHash() {
  const lock = join(root, 'package-lock.json');
  const text = readFileSync(existsSync(lock) ? lock : join(root, 'package.json'));
  return createHash('sha256').update(text).digest('hex');
}

export function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...options });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

/** npm ci when node_modules is missing or was installed from another package-lock.json. */
export function ensureDependencies() {
  const want = lockHash();
  if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === want) return;
  // npm's own record of the tree (written by `npm ci` / `npm install`), newer than the lock: up to date.
  const hidden = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (
    existsSync(hidden) &&
    existsSync(lock) &&
    statSync(hidden).mtimeMs >= statSync(lock).mtimeMs
  ) {
    writeFileSync(STAMP, want);
    return;
  }
  console.log('[setup] installing dependencies (npm ci)…');
  const hasLock = existsSync(join(root, 'package-lock.json'));
  const status = run(
    'npm',
    hasLock ? ['ci', '--no-audit', '--no-fund'] : ['install', '--no-audit', '--no-fund'],
  );
  if (status !== 0) {
    console.error('[setup] npm could not install the dependencies; see the output above.');
    process.exit(status);
  }
  writeFileSync(STAMP, lockHash());
}

function isExecutable(path) {
  return !!path && existsSync(path);
}

async function playwrightOwnChromium() {
  try {
    const { chromium } = await import('@playwright/test');
    const path = chromium.executablePath();
    return isExecutable(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/** CHROMIUM_PATH, else Debian's /usr/bin/chromium, when it exists; installs nothing. */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  return isExecutable('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

const isRootOnDebian = () =>
  typeof process.getuid === 'function' &&
  process.getuid() === 0 &&
  existsSync('/etc/debian_version');
let aptUpdated = false;

/** The one place that installs system packages: Debian's apt-get, as root. Returns the exit status. */
function aptInstall(packages) {
  if (!aptUpdated) run('apt-get', ['update', '-qq']);
  aptUpdated = true;
  return run('apt-get', ['install', '-y', '-qq', ...packages], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

/**
 * Debian's capnproto (the `capnp` tool) and libcapnp-dev (its standard .capnp imports) for the
 * Cap'n Proto interop tests and `npm run capnp:gen`. Installed when missing and we are root on
 * Debian; otherwise the interop tests skip and say why.
 */
export function ensureCapnp() {
  const has = spawnSync('sh', ['-c', 'command -v capnp'], { stdio: 'ignore' }).status === 0;
  if (has && existsSync('/usr/include/capnp/c++.capnp')) return;
  if (isRootOnDebian()) {
    console.log(
      "[setup] installing Debian's capnproto and libcapnp-dev (apt-get) for the interop tests…",
    );
    if (aptInstall(['capnproto', 'libcapnp-dev']) === 0) return;
  }
  console.log(
    "[setup] `capnp` is missing: the Cap'n Proto interop tests will skip (Debian: apt-get install -y capnproto libcapnp-dev).",
  );
}

/**
 * A Chromium for Playwright: CHROMIUM_PATH, else /usr/bin/chromium, else Playwright's own browser;
 * when there is none and we are root on Debian, apt-get installs Debian's (the one place that
 * installs a browser: .ci/run relies on it too). Returns the path, or exits with what to install.
 */
export async function ensureChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    console.error(`[setup] CHROMIUM_PATH=${fromEnv} does not exist.`);
    process.exit(1);
  }
  const found = findChromium();
  if (found) return found;
  const own = await playwrightOwnChromium();
  if (own) return own;
  if (isRootOnDebian()) {
    console.log("[setup] no Chromium found; installing Debian's (apt-get install -y chromium)…");
    const status = aptInstall(['chromium']);
    if (status === 0 && isExecutable('/usr/bin/chromium')) return '/usr/bin/chromium';
  }
  console.error(
    '[setup] The browser tests need Chromium. Install it (Debian: `sudo apt-get install -y chromium`) ' +
      'or point CHROMIUM_PATH at a Chromium binary, then run `npm test` again.',
  );
  process.exit(1);
}
