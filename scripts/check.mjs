// `npm run check`: the whole pipeline without installing anything — typecheck, lint, format check,
// knip (dead files and exports), unit tests, Playwright. `npm test` installs what is missing, then runs the same pipeline.
// Every stage runs even when an earlier one fails; the last line sums up the test counts.
// Arguments are passed on: `npm test -- ipc` (or `npm run check -- ipc`) runs only the unit tests
// whose file names match.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findChromium, run } from './setup.mjs';

function stagesFor(filters, out) {
  const unit = [
    'unit',
    [
      'npx',
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${join(out, 'vitest.json')}`,
      ...filters,
    ],
  ];
  if (filters.length) return [unit];
  return [
    ['typecheck', ['npx', 'tsc', '--noEmit', '-p', 'tsconfig.json']],
    ['lint', ['npx', 'eslint', '.', '--max-warnings=0']],
    ['format', ['npx', 'prettier', '--check', '.']],
    ['knip', ['npx', 'knip']],
    unit,
    ['e2e', ['npx', 'playwright', 'test', '--reporter=list,json']],
  ];
}

function readJson(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
}

/** Runs the pipeline (only the matching unit tests when `filters` are given); exits with its status. */
export function runChecks(filters, chromium) {
  const out = mkdtempSync(join(tmpdir(), 'rendezvous-test-'));
  const playwrightJson = join(out, 'playwright.json');
  const env = { ...process.env, ...(chromium ? { CHROMIUM_PATH: chromium } : {}) };
  const failed = [];
  for (const [name, [cmd, ...args]] of stagesFor(filters, out)) {
    console.log(`\n[test] ── ${name} ──`);
    const stageEnv = name === 'e2e' ? { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson } : env;
    const status = run(cmd, args, { env: stageEnv });
    console.log(`[test] ${name}: ${status === 0 ? 'ok' : `FAILED (exit ${status})`}`);
    if (status !== 0) failed.push(name);
  }
  let passed = 0;
  let failures = 0;
  let skipped = 0;
  const v = readJson(join(out, 'vitest.json'));
  if (v) {
    passed += v.numPassedTests;
    failures += v.numFailedTests;
    skipped += v.numPendingTests + v.numTodoTests;
  }
  const p = readJson(playwrightJson);
  if (p) {
    passed += p.stats.expected + p.stats.flaky;
    failures += p.stats.unexpected;
    skipped += p.stats.skipped;
  }
  console.log(`\n[test] stages failed: ${failed.length ? failed.join(', ') : 'none'}`);
  console.log(`tests: ${passed} passed, ${failures} failed, ${skipped} skipped`);
  process.exit(failed.length ? 1 : 0);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runChecks(process.argv.slice(2), findChromium());
}
