/**
 * Wake-up preemption under timeslice donation. Expected orders follow Pistachio
 * `kernel/src/api/v4/sched-rr/schedule.cc`, `parse_wakeup_queues()`: the thread to run after a
 * wake-up starts as the timeslice owner (`get_timeslice_tcb()`), becomes `current` if the owner is
 * not higher, and a woken thread replaces it only if `check_dispatch_thread` finds its priority
 * strictly higher. So a woken thread must beat both the runner and the donor.
 */
import { describe, expect, it } from 'vitest';
import { NEVER, timePeriodConst } from './abi/time';
import { scriptProgram } from './scriptProgram';
import { effectsOf, nops, runChecked, scriptResults, tid } from './testKit';
import type { KernelEffect } from './effects';
import type { BootSpec } from './types';

/** `thread:line` of every statement run, `thread:end` for the step that finds its script done. */
const lineOrder = (steps: readonly (readonly KernelEffect[])[]) =>
  steps.flatMap((s) =>
    s.flatMap((e) => (e.kind === 'statement' ? [`${e.thread}:${e.loc?.line ?? 'end'}`] : [])),
  );

function donationSpec(sleeperPriority: number): BootSpec {
  return {
    spaces: [{ name: 'C' }, { name: 'S' }],
    threads: [
      { name: 'client', space: 'C', priority: 200 },
      { name: 'server', space: 'S', priority: 50 },
      { name: 'sleeper', space: 'C', priority: sleeperPriority },
    ],
  };
}

function runDonation(sleeperPriority: number) {
  const spec = donationSpec(sleeperPriority);
  return runChecked(spec, {
    // client: sleeps 2 µs so the server is waiting, then Calls it (server runs on client's slice).
    client: scriptProgram([
      { op: 'ipc', wrapper: 'L4_Sleep', args: [timePeriodConst(2n)] },
      { op: 'ipc', wrapper: 'L4_Call', args: [tid(spec, 'server')] },
    ]),
    server: scriptProgram([
      { op: 'ipc', wrapper: 'L4_Wait', args: [] },
      ...nops(8),
      { op: 'ipc', wrapper: 'L4_Reply', args: [tid(spec, 'client')] },
    ]),
    // sleeper sleeps 6 µs and wakes in the middle of the server's 8 statements.
    sleeper: scriptProgram([
      { op: 'ipc', wrapper: 'L4_Sleep', args: [timePeriodConst(6n)] },
      { op: 'nop' },
    ]),
  });
}

describe('wake-up preemption under donation (sched-rr parse_wakeup_queues)', () => {
  it('a woken thread that beats the running server but not the donating client waits until the server replies', () => {
    const run = runDonation(100);
    expect(effectsOf(run.effects, 'switch').filter((e) => e.reason === 'wakeup')).toEqual([]);
    expect(effectsOf(run.effects, 'timeout')).toContainEqual(
      expect.objectContaining({ thread: 'sleeper', at: 8 }),
    );
    // The server runs its 8 statements and its Reply (line 10) without interruption.
    expect(lineOrder(run.steps)).toEqual([
      'client:1',
      'sleeper:1',
      'server:1',
      'client:2',
      ...Array.from({ length: 9 }, (_, i) => `server:${i + 2}`),
      'client:end',
      'sleeper:2',
      'sleeper:end',
      'server:end',
    ]);
  });

  it('a woken thread that beats both the server and the donating client preempts at once', () => {
    const run = runDonation(250);
    expect(effectsOf(run.effects, 'switch')).toContainEqual({
      kind: 'switch',
      from: 'server',
      to: 'sleeper',
      reason: 'wakeup',
    });
    const seq = lineOrder(run.steps);
    expect(seq.indexOf('sleeper:2')).toBeLessThan(seq.indexOf('server:10'));
  });

  it('a client whose Call receive timeout fires is dispatched only when the server blocks; the late Reply fails with 0x2', () => {
    const spec: BootSpec = {
      spaces: [{ name: 'C' }, { name: 'S' }],
      threads: [
        { name: 'client', space: 'C', priority: 200 },
        { name: 'server', space: 'S', priority: 50 },
      ],
    };
    const run = runChecked(spec, {
      client: scriptProgram([
        { op: 'ipc', wrapper: 'L4_Sleep', args: [timePeriodConst(2n)] },
        {
          op: 'ipc',
          wrapper: 'L4_Call_Timeouts',
          args: [tid(spec, 'server'), NEVER, timePeriodConst(3n)],
        },
        { op: 'nop' },
      ]),
      server: scriptProgram([
        { op: 'ipc', wrapper: 'L4_Wait', args: [] },
        ...nops(6),
        { op: 'ipc', wrapper: 'L4_Reply', args: [tid(spec, 'client')] },
        { op: 'ipc', wrapper: 'L4_Wait', args: [] },
      ]),
    });
    expect(effectsOf(run.effects, 'timeout').at(-1)).toEqual({
      kind: 'timeout',
      thread: 'client',
      phase: 'receive',
      at: 7,
    });
    expect(effectsOf(run.effects, 'switch').filter((e) => e.reason === 'wakeup')).toEqual([]);
    // The server keeps the CPU through its 6 statements, its Reply (which finds no waiting client)
    // and its next Wait, where it blocks: only then does the client run.
    expect(lineOrder(run.steps)).toEqual([
      'client:1',
      'server:1',
      'client:2',
      ...Array.from({ length: 8 }, (_, i) => `server:${i + 2}`),
      'client:3',
      'client:end',
    ]);
    expect(scriptResults(run.final, 'server')[1]).toEqual({
      kind: 'ipc',
      tag: 0x8000n,
      from: null,
    });
    expect(effectsOf(run.effects, 'ipc.error')).toContainEqual(
      expect.objectContaining({ thread: 'server', phase: 'send', errorCode: 0x2n }),
    );
  });
});
