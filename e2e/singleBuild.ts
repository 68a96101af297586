// The offline files (npm run build:single → dist-single/rendezvous.html, deck.html and the deck
// plugin's rendezvous-reveal.js), built once
// for the browser tests that open them (single.spec.ts, frames.spec.ts): fresh under CI, else only
// when missing, once per test run. Playwright runs spec files in parallel workers (children of one
// runner), so a lock folder keeps two builds from writing dist-single at once and a marker named
// after the runner's pid says this run has built it already.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(process.cwd(), 'dist-single');
export const SINGLE_FILE = join(DIR, 'rendezvous.html');
export const SINGLE_DECK = join(DIR, 'deck.html');
export const SINGLE_PLUGIN = join(DIR, 'rendezvous-reveal.js');
const LOCK = join(process.cwd(), 'node_modules', '.rendezvous-single-build.lock');
const MARK = join(process.cwd(), 'node_modules', `.rendezvous-single-built-${process.ppid}`);

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const built = () => [SINGLE_FILE, SINGLE_DECK, SINGLE_PLUGIN].every((f) => existsSync(f));

export async function ensureSingleBuild(): Promise<void> {
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A lock older than the build's own time limit was left by a killed run.
      const since = statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - since > 200_000) rmSync(LOCK, { recursive: true, force: true });
      await sleep(250);
    }
  }
  try {
    if ((process.env.CI && !existsSync(MARK)) || !built()) {
      execFileSync('npm', ['run', 'build:single'], { stdio: 'ignore', timeout: 180_000 });
      writeFileSync(MARK, '');
    }
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
