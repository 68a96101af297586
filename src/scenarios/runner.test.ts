import { describe, expect, it } from 'vitest';
import {
  bootSpecOf,
  DEFAULT_MAX_STEPS,
  MAX_RECORDED_STEPS,
  recordedSteps,
  runBuiltin,
  runOutcome,
  runScenario,
} from './runner';
import { compileScenario } from '../lang';
import { findScenario } from './builtins';

const PING = `// @scenario ping
// @title Ping
// @abi ia32
// @teaches One message.
// @space s 0x100000/16 rw-
// @thread a space=s priority=120
// @thread b space=s priority=100 threadno=0x42 version=3
void a(void) { L4_MsgTag_t tag = L4_Receive(b); }
void b(void) { L4_LoadMR(0, 0); L4_Send(a); }
`;

describe('bootSpecOf', () => {
  it('gives the kernel the header: spaces with their regions, threads with ids and priorities', () => {
    const compiled = compileScenario(PING);
    if (!compiled.ok) throw new Error('does not compile');
    const { spec, programs } = bootSpecOf(compiled.scenario);
    expect(spec.abi).toBe('ia32');
    expect(spec.spaces).toEqual([
      { name: 's', mappings: [{ base: 0x100000n, sizeLog2: 16, rights: 6 }] },
    ]);
    expect(spec.threads[1]).toEqual({
      name: 'b',
      space: 's',
      priority: 100,
      threadNo: 0x42n,
      version: 3n,
    });
    expect(Object.keys(programs)).toEqual(['a', 'b']);
  });
});

describe('runScenario', () => {
  it('runs to the outcome, on the header ABI unless told otherwise', () => {
    const run = runScenario(PING);
    if (!run.ok) throw new Error('does not compile');
    expect(run.outcome).toBe('finished');
    expect(run.scenario.abi).toBe('ia32');
    const amd64 = runScenario(PING, { abi: 'amd64' });
    expect(amd64.ok && amd64.scenario.threads[1]?.globalId).toBe(0x4200000003n);
  });

  it('stops at max-steps when the budget runs out first', () => {
    const lesson = findScenario('scheduler');
    if (lesson === undefined) throw new Error('no scheduler lesson');
    const run = runBuiltin(lesson, { maxSteps: 10 });
    expect(run.ok && run.outcome).toBe('max-steps');
    expect(run.ok && run.trace.length).toBe(11);
    expect(DEFAULT_MAX_STEPS).toBe(100_000);
  });

  it('returns the compiler diagnostics, with line and column, for a broken program', () => {
    const run = runScenario(PING.replace('L4_Send(a);', 'L4_Send(c);'));
    expect(run.ok).toBe(false);
    expect(run.diagnostics.filter((d) => d.severity === 'error')).toEqual([
      expect.objectContaining({ line: 9, column: 41 }),
    ]);
  });

  it('keeps running the rest of the system when one thread faults', () => {
    const run = runScenario(
      PING.replace('L4_LoadMR(0, 0);', 'L4_Word_t z = 0; L4_LoadMR(0, 1 / z);'),
    );
    if (!run.ok) throw new Error('does not compile');
    const world = run.trace.frameAt(run.trace.length - 1).world;
    expect(world.threads[1]?.halt).toMatchObject({
      kind: 'fault',
      reason: 'division by zero',
      loc: { line: 9 },
    });
    // a's closed receive from the halted b is canceled (receive phase, code 3: 0x7); a goes on.
    expect(world.threads[0]?.utcb.errorCode).toBe(0x7n);
    expect(world.threads[0]?.halt).toEqual({ kind: 'exit' });
    expect(run.outcome).toBe('finished');
  });

  it('maps the kernel outcome, null meaning the step budget ran out', () => {
    expect(runOutcome(null)).toBe('max-steps');
    expect(runOutcome({ kind: 'finished' })).toBe('finished');
    expect(runOutcome({ kind: 'idle', waiting: [] })).toBe('idle');
  });
});

describe('the recording cap', () => {
  it('a maxSteps above MAX_RECORDED_STEPS (1e20, Infinity) is cut to it, with a notice', () => {
    expect(recordedSteps(1e20)).toBe(MAX_RECORDED_STEPS);
    expect(recordedSteps(Infinity)).toBe(MAX_RECORDED_STEPS);
    expect(recordedSteps(-5)).toBe(0);
    expect(recordedSteps(NaN)).toBe(0);
    expect(recordedSteps(12.7)).toBe(12);
    const text =
      '// @scenario y\n// @title t\n// @teaches t\n// @space a\n// @thread t space=a\nvoid t(void) { L4_Yield(); }\n';
    const small = runScenario(text, { maxSteps: 10 });
    expect(small.ok && small.notice).toBe(undefined);
    const big = runScenario(text, { maxSteps: 1e20 });
    expect(big.ok && big.notice).toBe(
      'The run was stopped after 1,000,000 steps: a recorded run keeps at most that many (the command line, cli run, streams longer runs).',
    );
  });
});
