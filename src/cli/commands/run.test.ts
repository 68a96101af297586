import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_IDS } from '../../scenarios/index';
import { runCli } from '../runCli';
import { MAX_STEPS_LIMIT, parseRunArgs } from './run';

const dir = mkdtempSync(join(tmpdir(), 'rendezvous-run-'));
// The registry's ids, in course order (the catalog test pins the list itself).
const IDS = BUILTIN_IDS.join(', ');

interface Trace {
  format: string;
  version: number;
  scenario: string;
  abi: string;
  steps: number;
  outcome: string;
  events: { step: number; time: number; kind: string; [k: string]: unknown }[];
  threads: Record<
    string,
    { id: string; state: string; mrs: string[]; errorCode: string; halted: string | null }
  >;
}

function trace(args: string[]): Trace {
  const result = runCli(['run', ...args]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  expect(result.stdout.trimEnd().split('\n')).toHaveLength(1);
  return JSON.parse(result.stdout) as Trace;
}

describe('cli run', () => {
  it('runs a built-in by id and prints the trace: format, version, scenario, abi, events (streamed), then steps, outcome, time, threads, spaces', () => {
    const t = trace(['deadlock']);
    expect(Object.keys(t)).toEqual([
      'format',
      'version',
      'scenario',
      'abi',
      'events',
      'steps',
      'outcome',
      'time',
      'threads',
      'spaces',
    ]);
    expect(t).toMatchObject({
      format: 'rendezvous-trace',
      version: 1,
      scenario: 'deadlock',
      abi: 'amd64',
      outcome: 'deadlock',
    });
    expect(t.events.find((e) => e.kind === 'deadlock')).toMatchObject({ cycle: ['alice', 'bob'] });
    expect(t.threads.alice).toMatchObject({
      id: '0x10000000001',
      state: 'sending.forever',
      halted: null,
    });
    expect(t.threads.alice?.mrs).toHaveLength(64);
    expect(t.events.every((e) => Number.isInteger(e.step) && Number.isInteger(e.time))).toBe(true);
  });

  it('is the golden trace, byte for byte as JSON', () => {
    const golden = readFileSync('src/scenarios/__golden__/memory-alloc-free.ia32.json', 'utf8');
    expect(trace(['memory-alloc-free', '--abi', 'ia32'])).toEqual(JSON.parse(golden));
  });

  it('runs a file; --abi overrides its header; --max-steps stops early', () => {
    const path = join(dir, 'lesson.c');
    writeFileSync(path, readFileSync('src/scenarios/lessons/call-reply.c', 'utf8'));
    expect(trace([path]).abi).toBe('amd64');
    const ia32 = trace([path, '--abi=ia32']);
    expect(ia32.abi).toBe('ia32');
    expect(ia32.threads.client?.id).toBe('0x400001');
    const short = trace(['--max-steps', '4', path]);
    expect(short).toMatchObject({ outcome: 'max-steps', steps: 4 });
    expect(short.events.every((e) => e.step <= 4)).toBe(true);
  });

  it('prints a broken file’s errors as file:line:column lines and exits 1', () => {
    const path = join(dir, 'broken.c');
    writeFileSync(
      path,
      '// @scenario broken\n// @space s\n// @thread a space=s\nvoid a(void) { L4_Send(nobody); }\n',
    );
    const result = runCli(['run', path]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(new RegExp(`^${path}:4:\\d+: .*nobody`, 'm'));
  });

  it.each([
    [
      'unknown id',
      ['run', 'no-such-lesson'],
      `no such file or built-in scenario 'no-such-lesson' (built-ins: ${IDS})`,
    ],
    ['bad file', ['run', dir], `cannot read '${dir}': it is a directory`],
    ['no scenario', ['run'], 'run: missing scenario (a file, or a built-in id from `list`)'],
    [
      'two scenarios',
      ['run', 'deadlock', 'timeouts'],
      "run takes one scenario, got 'timeouts' too",
    ],
    ['bad --abi', ['run', 'deadlock', '--abi', 'arm'], "bad --abi 'arm' (use amd64 or ia32)"],
    ['--abi without value', ['run', 'deadlock', '--abi'], '--abi needs a value (amd64 or ia32)'],
    ['--abi twice', ['run', 'deadlock', '--abi', 'ia32', '--abi=amd64'], '--abi given twice'],
    [
      'bad --max-steps',
      ['run', 'deadlock', '--max-steps', 'ten'],
      `bad --max-steps 'ten' (a whole number of steps from 1 to ${MAX_STEPS_LIMIT})`,
    ],
    [
      'zero --max-steps',
      ['run', 'deadlock', '--max-steps=0'],
      `bad --max-steps '0' (a whole number of steps from 1 to ${MAX_STEPS_LIMIT})`,
    ],
    [
      'negative --max-steps',
      ['run', 'deadlock', '--max-steps=-5'],
      `bad --max-steps '-5' (a whole number of steps from 1 to ${MAX_STEPS_LIMIT})`,
    ],
    [
      'huge --max-steps',
      ['run', 'deadlock', '--max-steps', '99999999999'],
      `bad --max-steps '99999999999' (a whole number of steps from 1 to ${MAX_STEPS_LIMIT})`,
    ],
    [
      '--max-steps without value',
      ['run', 'deadlock', '--max-steps'],
      '--max-steps needs a value (a number of steps)',
    ],
    [
      'unknown option',
      ['run', 'deadlock', '--verbose'],
      "unknown option '--verbose' (options: --abi amd64|ia32, --max-steps N)",
    ],
  ])('bad input (%s): a one-line reason and exit 2', (_name, args, message) => {
    expect(runCli(args)).toEqual({ stdout: '', stderr: `${message}\n`, code: 2 });
  });

  it('parses its options anywhere after the command', () => {
    expect(parseRunArgs(['--max-steps=7', 'x.c', '--abi', 'ia32'])).toEqual({
      target: 'x.c',
      abi: 'ia32',
      maxSteps: 7,
    });
    expect(parseRunArgs(['x.c'])).toEqual({ target: 'x.c', abi: undefined, maxSteps: 100_000 });
  });
});

// The CLI runs under tsx, where Vite's ?raw imports do not exist: the built-ins are read from disk.
describe('npm run cli -- run (a real process under tsx)', () => {
  it('finds the built-ins and prints the trace', () => {
    const child = spawnSync(
      'npx',
      ['tsx', 'src/cli/main.ts', 'run', 'useripc-fastpath', '--abi', 'ia32'],
      {
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(child.status).toBe(0);
    const t = JSON.parse(child.stdout) as Trace;
    expect(t).toMatchObject({ scenario: 'useripc-fastpath', abi: 'ia32', outcome: 'deadlock' });
    expect(t.events.find((e) => e.kind === 'fastpath')).toMatchObject({
      thread: 'app',
      tag: '0x770001',
    });
  }, 60_000);
});
