// `npm test`: install what the tests need if missing, then typecheck, lint, format check, unit tests,
// Playwright.
// Every stage runs even when an earlier one fails; the last line sums up the test counts.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureChromium, ensureDependencies, run } from './setup.mjs';

ensureDependencies();
const chromium = await ensureChromium();
const env = { ...process.env, CHROMIUM_PATH: chromium };
const out = mkdtempSync(join(tmpdir(), 'rendezvous-test-'));
const vitestJson = join(out, 'vitest.json');
const playwrightJson = join(out, 'playwright.json');

const stages = [
  ['typecheck', ['npx', 'tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['lint', ['npx', 'eslint', '.', '--max-warnings=0']],
  ['format', ['npx', 'prettier', '--check', '.']],
  [
    'unit',
    [
      'npx',
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${vitestJson}`,
    ],
  ],
  ['e2e', ['npx', 'playwright', 'test', '--reporter=list,json']],
];

const failed = [];
for (const [name, [cmd, ...args]] of stages) {
  console.log(`\n[test] ── ${name} ──`);
  const stageEnv = name === 'e2e' ? { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson } : env;
  const status = run(cmd, args, { env: stageEnv });
  console.log(`[test] ${name}: ${status === 0 ? 'ok' : `FAILED (exit ${status})`}`);
  if (status !== 0) failed.push(name);
}

function readJson(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
}
let passed = 0;
let failures = 0;
let skipped = 0;
const v = readJson(vitestJson);
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
