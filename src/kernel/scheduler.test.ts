import { describe, expect, it } from 'vitest';
import { timePeriodConst } from './abi/time';
import { insertReady } from './scheduler';
import { scriptProgram } from './scriptProgram';
import { effectsOf, nops, runChecked, threadNamed, tid } from './testKit';
import type { BootSpec } from './types';

const order = (steps: readonly (readonly { kind: string; thread?: string }[])[]) =>
  steps.flatMap((s) => s.filter((e) => e.kind === 'statement').map((e) => e.thread));

describe('scheduling: one CPU, fixed priorities, round robin (reference-semantics §4.3, sched-rr)', () => {
  // Pistachio sched-rr/schedule.h, prio_queue_t::enqueue(tcb, head): one list per priority,
  // ENQUEUE_LIST_HEAD or _TAIL; sched-rr/schedule.cc, find_next_thread scans from max_prio down.
  it('the ready list is ordered by priority, FIFO within a priority (head insert keeps the turn)', () => {
    const prio = [100, 200, 100, 50];
    const p = (i: number) => prio[i] ?? 0;
    expect(insertReady([1, 0], p, 2, false)).toEqual([1, 0, 2]);
    expect(insertReady([1, 0], p, 2, true)).toEqual([1, 2, 0]);
    expect(insertReady([1, 0, 2], p, 3, false)).toEqual([1, 0, 2, 3]);
  });

  // Pistachio sched-rr/schedule.cc, scheduler_t::find_next_thread: the highest non-empty priority
  // first.
  it('a higher priority runs first (higher number wins)', () => {
    const spec: BootSpec = {
      spaces: [{ name: 'A' }],
      threads: [
        { name: 'low', space: 'A', priority: 10 },
        { name: 'high', space: 'A', priority: 250 },
      ],
    };
    const run = runChecked(spec, { low: scriptProgram(nops(2)), high: scriptProgram(nops(2)) });
    expect(order(run.steps)).toEqual(['high', 'high', 'high', 'low', 'low', 'low']);
  });

  // Pistachio sched-rr/schedule.cc, handle_timer_interrupt → end_of_timeslice(): the slice owner's
  // queue moves on to the next thread, the slice is renewed, schedule() runs the next.
  it('round robin: equal priorities alternate when the timeslice runs out', () => {
    const spec: BootSpec = {
      spaces: [{ name: 'A' }],
      options: { timesliceUs: 3 },
      threads: [
        { name: 'a', space: 'A' },
        { name: 'b', space: 'A' },
      ],
    };
    const run = runChecked(spec, { a: scriptProgram(nops(5)), b: scriptProgram(nops(5)) });
    expect(order(run.steps).slice(0, 9)).toEqual(['a', 'a', 'a', 'b', 'b', 'b', 'a', 'a', 'a']);
    expect(
      effectsOf(run.effects, 'switch').filter((e) => e.reason === 'timeslice').length,
    ).toBeGreaterThanOrEqual(2);
  });

  // Pistachio kernel/src/api/v4/ipc.cc, SYS_IPC: schedule(to_tcb, sched_sndonly);
  // sched-rr/schedule.h, check_dispatch_thread is current.prio < dest.prio; else the receiver is
  // only enqueued.
  it('send-only to a waiting higher-priority receiver switches to it (sched_sndonly); to a lower one it does not', () => {
    const spec: BootSpec = {
      spaces: [{ name: 'A' }],
      threads: [
        { name: 'hi', space: 'A', priority: 200 },
        { name: 'lo', space: 'A', priority: 50 },
        { name: 'mid', space: 'A', priority: 100 },
      ],
    };
    const run = runChecked(spec, {
      hi: scriptProgram([{ op: 'ipc', wrapper: 'L4_Wait', args: [] }]),
      lo: scriptProgram([{ op: 'ipc', wrapper: 'L4_Wait', args: [] }]),
      mid: scriptProgram([
        { op: 'ipc', wrapper: 'L4_Sleep', args: [timePeriodConst(5n)] },
        { op: 'ipc', wrapper: 'L4_Send', args: [tid(spec, 'lo')] },
        { op: 'ipc', wrapper: 'L4_Send', args: [tid(spec, 'hi')] },
        { op: 'nop' },
      ]),
    });
    const switches = effectsOf(run.effects, 'switch').map((e) => `${e.from}→${e.to}:${e.reason}`);
    expect(switches).toContain('mid→hi:ipcSendOnly');
    expect(switches).not.toContain('mid→lo:ipcSendOnly');
    expect(order(run.steps)).toEqual(['hi', 'mid', 'lo', 'mid', 'mid', 'hi', 'mid', 'mid', 'lo']);
  });

  // Pistachio kernel/src/api/v4/schedule.cc, SYS_THREAD_SWITCH: a dest that is_runnable() with that
  // exact myself_global is switched to; otherwise sys_thread_switch() (a yield): it never unblocks
  // an IPC.
  it('ThreadSwitch to a runnable thread switches to it at once; to a blocked thread it is a plain yield', () => {
    const spec: BootSpec = {
      spaces: [{ name: 'A' }],
      threads: [
        { name: 'a', space: 'A' },
        { name: 'b', space: 'A' },
        { name: 'waiter', space: 'A', priority: 200 },
      ],
    };
    const run = runChecked(spec, {
      a: scriptProgram([
        { op: 'threadSwitch', dest: tid(spec, 'b') },
        { op: 'threadSwitch', dest: tid(spec, 'waiter') },
        { op: 'nop' },
      ]),
      b: scriptProgram([{ op: 'nop' }, { op: 'nop' }]),
      waiter: scriptProgram([{ op: 'ipc', wrapper: 'L4_Wait', args: [] }]),
    });
    expect(effectsOf(run.effects, 'syscall.threadSwitch').map((e) => e.result)).toEqual([
      'donate',
      'yield',
    ]);
    expect(effectsOf(run.effects, 'switch').map((e) => e.reason)).toContain('donate');
    expect(threadNamed(run.final, 'waiter').state).toBe('receiving.open.forever');
  });

  // Pistachio kernel/src/api/v4/schedule.cc, SYS_THREAD_SWITCH calls schedule(dest_tcb,
  // sched_ds2_flag + rr_tsdonate_flag): 2 + 5 = 7 sets flag bits 0–2, so in
  // sched-rr/schedule_functions.h, scheduler_t::schedule(dest, flags), rr_tsdonate is clear (dest
  // becomes the accounted thread: its own timeslice) and sched_c2r is clear (the caller is not
  // re-queued: it keeps its place at the head of its priority's ring). When b then blocks
  // (ipc.cc, schedule(idle, sched_ipcblk); the idle thread's schedule() → find_next_thread), the
  // head of the ring, a, runs before c. (b ends by blocking, not by its slice running out: there
  // the reference's end_of_timeslice moves the ring on from b, see docs/kernel.md, Deviations.)
  it('ThreadSwitch keeps the caller at the head of its priority and the destination runs on its own timeslice', () => {
    const spec: BootSpec = {
      spaces: [{ name: 'A' }],
      options: { timesliceUs: 5 },
      threads: [
        { name: 'a', space: 'A' },
        { name: 'b', space: 'A' },
        { name: 'c', space: 'A' },
      ],
    };
    const run = runChecked(spec, {
      a: scriptProgram([{ op: 'nop' }, { op: 'threadSwitch', dest: tid(spec, 'b') }, ...nops(2)]),
      b: scriptProgram([...nops(3), { op: 'ipc', wrapper: 'L4_Wait', args: [] }]),
      c: scriptProgram(nops(1)),
    });
    // a spends 2 µs of its slice; b's 4 statements fit its own fresh 5 µs slice (a's 3 µs rest
    // would have ended after 3); then a, still at the head, runs before c.
    expect(order(run.steps)).toEqual(['a', 'a', 'b', 'b', 'b', 'b', 'a', 'a', 'a', 'c', 'c']);
    expect(effectsOf(run.effects, 'switch').filter((e) => e.reason === 'timeslice')).toEqual([]);
  });

  // (waiting) is not is_runnable(), so the switch is a yield and the client stays blocked.
  it('ThreadSwitch never ends an IPC: the scheduler as written leaves its Call client blocked forever', () => {
    const spec: BootSpec = {
      spaces: [{ name: 'C' }, { name: 'S' }],
      threads: [
        { name: 'client', space: 'C' },
        { name: 'sched', space: 'S', priority: 200 },
      ],
    };
    const run = runChecked(spec, {
      client: scriptProgram([
        { op: 'tag', label: 0x1234n, u: 5 },
        { op: 'ipc', wrapper: 'L4_Call', args: [tid(spec, 'sched')] },
      ]),
      sched: scriptProgram([
        { op: 'ipc', wrapper: 'L4_Wait', args: [] },
        { op: 'threadSwitch', dest: tid(spec, 'client') },
        { op: 'goto', to: 0 },
      ]),
    });
    expect(effectsOf(run.effects, 'syscall.threadSwitch')).toMatchObject([
      { result: 'yield', destName: 'client' },
    ]);
    expect(threadNamed(run.final, 'client').state).toBe('receiving.reply.forever');
    expect(run.final.outcome).toEqual({
      kind: 'deadlock',
      cycle: [],
      waits: [{ thread: 'client', waitsFor: 'sched', phase: 'receive' }],
    });
  });

  // Pistachio sched-rr/schedule.cc, parse_wakeup_queues: an expired waiter that beats the runner is
  // returned, and handle_timer_interrupt switches to it with schedule(wakeup, sched_dest).
  it('a timeout waking a higher-priority thread preempts the running one', () => {
    const spec: BootSpec = {
      spaces: [{ name: 'A' }],
      threads: [
        { name: 'sleeper', space: 'A', priority: 200 },
        { name: 'worker', space: 'A' },
      ],
    };
    const run = runChecked(spec, {
      sleeper: scriptProgram([
        { op: 'ipc', wrapper: 'L4_Sleep', args: [timePeriodConst(3n)] },
        { op: 'nop' },
      ]),
      worker: scriptProgram(nops(8)),
    });
    expect(effectsOf(run.effects, 'switch')).toContainEqual({
      kind: 'switch',
      from: 'worker',
      to: 'sleeper',
      reason: 'wakeup',
    });
    expect(order(run.steps).slice(0, 6)).toEqual([
      'sleeper',
      'worker',
      'worker',
      'worker',
      'sleeper',
      'sleeper',
    ]);
  });

  // Pistachio sched-rr/schedule.cc, scheduler_t::find_next_thread: no runnable thread → the idle tcb
  // (scheduler_t::idle); the timer's parse_wakeup_queues then wakes the sleeper at its deadline.
  it('when every thread is blocked the CPU idles and time jumps to the next timeout', () => {
    const spec: BootSpec = { spaces: [{ name: 'A' }], threads: [{ name: 'a', space: 'A' }] };
    const run = runChecked(spec, {
      a: scriptProgram([{ op: 'ipc', wrapper: 'L4_Sleep', args: [timePeriodConst(500n)] }]),
    });
    expect(effectsOf(run.effects, 'switch')).toContainEqual({
      kind: 'switch',
      from: 'a',
      to: null,
      reason: 'schedule',
    });
    expect(effectsOf(run.effects, 'time.advance')).toEqual([
      { kind: 'time.advance', from: 1, to: 501 },
    ]);
  });
});

describe('stuck systems: finished, deadlock (with or without a cycle), idle', () => {
  // The outcomes are the model's report; Pistachio would sit in sched-rr/schedule.cc,
  // scheduler_t::idle. The wait-for edges come from the reference's wait states: a polling sender's
  // partner (api/v4/ipc.cc, SYS_IPC, enqueue_send) and a closed wait's partner (waiting_forever).
  it('finished: every thread ended', () => {
    const spec: BootSpec = { spaces: [{ name: 'A' }], threads: [{ name: 'a', space: 'A' }] };
    expect(runChecked(spec, { a: scriptProgram([]) }).final.outcome).toEqual({ kind: 'finished' });
  });

  it('deadlock with a cycle: two threads that Call each other', () => {
    const spec: BootSpec = {
      spaces: [{ name: 'A' }, { name: 'B' }],
      threads: [
        { name: 'a', space: 'A' },
        { name: 'b', space: 'B' },
      ],
    };
    const run = runChecked(spec, {
      a: scriptProgram([{ op: 'ipc', wrapper: 'L4_Call', args: [tid(spec, 'b')] }]),
      b: scriptProgram([{ op: 'ipc', wrapper: 'L4_Call', args: [tid(spec, 'a')] }]),
    });
    expect(run.final.outcome).toEqual({
      kind: 'deadlock',
      cycle: ['a', 'b'],
      waits: [
        { thread: 'a', waitsFor: 'b', phase: 'send' },
        { thread: 'b', waitsFor: 'a', phase: 'send' },
      ],
    });
    expect(effectsOf(run.effects, 'deadlock')).toEqual([
      { kind: 'deadlock', cycle: ['a', 'b'], waits: expect.any(Array) as unknown },
    ]);
  });

  it('deadlock without a cycle: a client waits for a reply from a server that sits in an open receive', () => {
    const spec: BootSpec = {
      spaces: [{ name: 'A' }, { name: 'B' }],
      threads: [
        { name: 'client', space: 'A' },
        { name: 'server', space: 'B', priority: 200 },
      ],
    };
    const run = runChecked(spec, {
      client: scriptProgram([{ op: 'ipc', wrapper: 'L4_Call', args: [tid(spec, 'server')] }]),
      server: scriptProgram([
        { op: 'ipc', wrapper: 'L4_Wait', args: [] },
        { op: 'ipc', wrapper: 'L4_Wait', args: [] },
      ]),
    });
    expect(run.final.outcome).toEqual({
      kind: 'deadlock',
      cycle: [],
      waits: [{ thread: 'client', waitsFor: 'server', phase: 'receive' }],
    });
  });

  it('idle: only servers in open receives wait, for clients that have ended', () => {
    const spec: BootSpec = {
      spaces: [{ name: 'A' }],
      threads: [
        { name: 'server', space: 'A', priority: 200 },
        { name: 'client', space: 'A' },
      ],
    };
    const run = runChecked(spec, {
      server: scriptProgram([
        { op: 'ipc', wrapper: 'L4_Wait', args: [] },
        { op: 'goto', to: 0 },
      ]),
      client: scriptProgram([{ op: 'ipc', wrapper: 'L4_Send', args: [tid(spec, 'server')] }]),
    });
    expect(run.final.outcome).toEqual({ kind: 'idle', waiting: ['server'] });
  });
});
