import { describe, expect, it } from 'vitest';
import { ABIS } from '../kernel/abi/word';
import { BUILTIN_SCENARIOS } from './builtins';
import { runBuiltin } from './runner';
import { builtinTrace, eventsOfKind } from './testKit';
import { traceJson } from './traceJson';

const cases = BUILTIN_SCENARIOS.flatMap((s) => ABIS.map((abi) => [s.id, abi, s.expected] as const));

describe('every built-in runs headless to the outcome its lesson claims, on both ABIs', () => {
  it.each(cases)('%s on %s', (id, abi, expected) => {
    const trace = builtinTrace(id, abi);
    expect(trace.outcome).toBe(expected);
    expect(trace.abi).toBe(abi);
    // Nothing in a lesson faults: every halted thread ran to its end.
    for (const t of Object.values(trace.threads)) expect([null, 'exit']).toContain(t.halted);
  });

  it('the outcomes are the ones the lessons promise', () => {
    const byOutcome = (o: string) =>
      BUILTIN_SCENARIOS.filter((s) => s.expected === o).map((s) => s.id);
    expect(byOutcome('deadlock')).toEqual(['scheduler-as-written', 'useripc-fastpath', 'deadlock']);
    expect(byOutcome('idle')).toEqual([
      'server-loop',
      'memory-alloc-free',
      'scheduler',
      'new-service',
      'capnp-call',
      'capnp-large',
      'capnp-pipelined',
      'capnp-exception',
    ]);
  });
});

describe('stuck systems name what they wait for', () => {
  it.each(ABIS)('deadlock (%s): alice and bob, each blocked sending to the other', (abi) => {
    const trace = builtinTrace('deadlock', abi);
    const [deadlock] = eventsOfKind(trace, 'deadlock');
    expect(deadlock?.cycle).toEqual(['alice', 'bob']);
    expect(deadlock?.waits).toEqual([
      { thread: 'alice', waitsFor: 'bob', phase: 'send' },
      { thread: 'bob', waitsFor: 'alice', phase: 'send' },
    ]);
    expect(trace.threads.alice?.state).toBe('sending.forever');
    expect(trace.threads.bob?.state).toBe('sending.forever');
    expect(eventsOfKind(trace, 'ipc.transfer')).toEqual([]);
  });

  it.each(ABIS)(
    'useripc-fastpath (%s): the fast path, then 0x2 under Zero, then a one-thread deadlock under Never',
    (abi) => {
      const trace = builtinTrace('useripc-fastpath', abi);
      const fast = eventsOfKind(trace, 'fastpath');
      expect(fast).toHaveLength(1);
      expect(fast[0]).toMatchObject({ thread: 'app', tag: '0x770001' });
      // The fast path never entered the kernel: the only IPC system calls are the two L4_Ipc.
      expect(eventsOfKind(trace, 'syscall.ipc').map((e) => e.wrapper)).toEqual([
        'L4_Ipc',
        'L4_Ipc',
      ]);
      const errors = eventsOfKind(trace, 'ipc.error');
      expect(errors).toEqual([
        expect.objectContaining({ thread: 'app', phase: 'send', code: 1, errorCode: '0x2' }),
      ]);
      expect(errors[0]?.step).toBeGreaterThan(fast[0]?.step ?? Infinity);
      expect(eventsOfKind(trace, 'deadlock')[0]?.cycle).toEqual(['app']);
      expect(trace.threads.app).toMatchObject({
        state: 'sending.forever',
        errorCode: '0x2',
        halted: null,
      });
    },
  );
});

describe('determinism', () => {
  it.each(BUILTIN_SCENARIOS.map((s) => [s.id, s] as const))(
    '%s: two runs give the same trace',
    (_id, lesson) => {
      const once = runBuiltin(lesson, { abi: 'ia32' });
      const twice = runBuiltin(lesson, { abi: 'ia32' });
      if (!once.ok || !twice.ok) throw new Error('does not compile');
      expect(JSON.stringify(traceJson(twice))).toBe(JSON.stringify(traceJson(once)));
    },
  );
});
