// Rules of docs/kernel.md that had no test of their own, each checked against what L4Ka::Pistachio
// (l4ka/pistachio 8be66aa9, kernel/src/) does: the comment above each test names the file and
// function the expected values come from. The table in docs/kernel.md lists every rule's test.
import { describe, expect, it } from 'vitest';
import { fpageLog2 } from './abi/fpage';
import { mapItem } from './abi/typedItem';
import { timeouts, ZERO_TIME } from './abi/time';
import { scriptProgram } from './scriptProgram';
import { effectsOf, nops, runChecked, scriptResults, threadNamed, tid } from './testKit';
import type { BootSpec, World } from './types';

const order = (steps: readonly (readonly { kind: string; thread?: string }[])[]) =>
  steps.flatMap((s) => s.filter((e) => e.kind === 'statement').map((e) => e.thread));

const index = (w: World, name: string): number => w.threads.findIndex((t) => t.name === name);

describe('timeslice accounting on the IPC path (sched-rr, rr_tsdonate_flag)', () => {
  const spec: BootSpec = {
    spaces: [{ name: 'C' }, { name: 'S' }],
    threads: [
      { name: 'server', space: 'S', priority: 100 },
      { name: 'client', space: 'C', priority: 100 },
    ],
  };

  // kernel/src/api/v4/ipc.cc, SYS_IPC (receive phase, no sender): schedule(to_tcb, sched_ipcblk);
  // kernel/src/api/v4/schedule.h: sched_ipcblk = {sched_ds2_flag, rr_tsdonate_flag, …}, and
  // sched-rr/schedule_functions.h, scheduler_t::schedule(dest, flags) only calls
  // set_accounted_tcb(dest) when rr_tsdonate_flag is clear: the server spends the client's slice.
  it("Call donates: the server runs on the client's timeslice", () => {
    const run = runChecked(spec, {
      server: scriptProgram([
        { op: 'ipc', wrapper: 'L4_Wait', args: [] },
        ...nops(2),
        { op: 'ipc', wrapper: 'L4_Reply', args: [tid(spec, 'client')] },
      ]),
      client: scriptProgram([{ op: 'ipc', wrapper: 'L4_Call', args: [tid(spec, 'server')] }]),
    });
    const serving = run.worlds.filter(
      (w) =>
        w.current === index(w, 'server') &&
        threadNamed(w, 'client').state === 'receiving.reply.forever',
    );
    expect(serving.length).toBeGreaterThan(0);
    for (const w of serving) expect(w.accounted).toBe(index(w, 'client'));
  });

  // kernel/src/api/v4/ipc.cc, SYS_IPC (send only): schedule(to_tcb, sched_sndonly);
  // schedule.h: sched_sndonly = {sched_chk_flag, sched_c2r_flag, sched_timeout_flag}, no
  // rr_tsdonate_flag, so a receiver that wins check_dispatch_thread (sched-rr/schedule.h: strictly
  // higher priority) becomes the accounted thread: it runs on its own timeslice.
  it('a send-only switch to a higher-priority receiver does not donate', () => {
    const s2: BootSpec = {
      spaces: [{ name: 'A' }],
      threads: [
        { name: 'hi', space: 'A', priority: 200 },
        { name: 'lo', space: 'A', priority: 100 },
      ],
    };
    const run = runChecked(s2, {
      hi: scriptProgram([{ op: 'ipc', wrapper: 'L4_Wait', args: [] }, ...nops(2)]),
      lo: scriptProgram([{ op: 'ipc', wrapper: 'L4_Send', args: [tid(s2, 'hi')] }]),
    });
    const at = run.steps.findIndex((s) =>
      s.some((e) => e.kind === 'switch' && e.reason === 'ipcSendOnly'),
    );
    expect(at).toBeGreaterThan(0);
    expect(run.worlds[at + 1]?.accounted).toBe(0);
  });

  // kernel/src/api/v4/ipc.cc, SYS_IPC: a receive phase with a Zero timeout and no sender after a
  // send phase sets error_tag, IPC_RCV_ERROR(ERR_IPC_TIMEOUT) = 0x3 and calls
  // schedule(to_tcb, sched_rcverr); sched_rcverr = {sched_ds2_flag, rr_tsdonate_flag, …}: the
  // partner runs at once, on the caller's timeslice.
  it('a Zero receive timeout after a send fails with 0x3 and switches to the partner, donating', () => {
    const run = runChecked(spec, {
      server: scriptProgram([{ op: 'ipc', wrapper: 'L4_Wait', args: [] }, ...nops(2)]),
      client: scriptProgram([
        {
          op: 'ipc',
          wrapper: 'L4_Call_Timeouts',
          args: [tid(spec, 'server'), 0n, ZERO_TIME],
        },
      ]),
    });
    expect(scriptResults(run.final, 'client')).toEqual([{ kind: 'ipc', tag: 0x8000n, from: 0n }]);
    expect(threadNamed(run.final, 'client').utcb.errorCode).toBe(0x3n);
    expect(effectsOf(run.effects, 'switch')).toContainEqual({
      kind: 'switch',
      from: 'client',
      to: 'server',
      reason: 'ipcReceiveError',
    });
    const at = run.steps.findIndex((s) =>
      s.some((e) => e.kind === 'switch' && e.reason === 'ipcReceiveError'),
    );
    const w = run.worlds[at + 1];
    expect(w?.current).toBe(0);
    expect(w?.accounted).toBe(1);
  });
});

describe('a failed transfer (ipc.cc, SYS_IPC after transfer_message)', () => {
  // kernel/src/api/v4/ipc.cc, SYS_IPC: when transfer_message() fails, the sender takes the
  // receiver's tag (current->set_tag(to_tcb->get_tag()), E set by extended_transfer), both become
  // running, schedule(to_tcb, sched_current) queues the receiver (sched_current = {sched_ds1_flag,
  // sched_c2r_flag}: no switch), and return_ipc(to_tid) returns before any receive phase.
  it('ends a Call without its receive phase: the caller keeps the CPU, the receiver is queued', () => {
    const spec: BootSpec = {
      spaces: [
        { name: 'A', mappings: [{ base: 0x300000n, sizeLog2: 20, rights: 7 }] },
        { name: 'B' },
      ],
      threads: [
        { name: 'client', space: 'A', priority: 100 },
        { name: 'server', space: 'B', priority: 200 },
      ],
    };
    const item = mapItem(fpageLog2(0x300000n, 20, 'amd64') | 7n, 0x300000n, 'amd64');
    const run = runChecked(spec, {
      client: scriptProgram([
        { op: 'tag', label: 1n, u: 0, t: 2 },
        { op: 'loadMrs', start: 1, values: [...item] },
        { op: 'ipc', wrapper: 'L4_Call', args: [tid(spec, 'server')] },
        { op: 'nop' },
      ]),
      server: scriptProgram([{ op: 'ipc', wrapper: 'L4_Wait', args: [] }, { op: 'nop' }]),
    });
    expect(effectsOf(run.effects, 'ipc.receive.blocked').map((e) => e.thread)).toEqual(['server']);
    // The receiver outranks the caller, yet the caller runs its next statement first.
    expect(order(run.steps)).toEqual([
      'server',
      ...['client', 'client', 'client', 'client', 'client'],
      ...['server', 'server'],
    ]);
    expect(scriptResults(run.final, 'client')).toEqual([
      { kind: 'ipc', tag: 0x18080n, from: tid(spec, 'server') },
    ]);
  });
});

describe('timeouts as the kernel reads them (kernel/src/api/v4/types.h, time_t)', () => {
  const spec: BootSpec = { spaces: [{ name: 'A' }], threads: [{ name: 'a', space: 'A' }] };

  // time_t::is_zero() is `zero().raw == raw` (exactly 0x0400) and is_never() `raw == 0`; any other
  // period, even m = 0 with e = 2 (0x0800), is armed: ipc.cc, SYS_IPC sets waiting_timeout and
  // sched_ktcb_t::set_timeout(now + 0) (sched-rr/schedule_functions.h), and the thread blocks
  // until the wake-up fires (sched-rr/schedule.cc, parse_wakeup_queues → handle_ipc_timeout).
  it('a period of 0 µs that is not ZeroTime (0x0800) blocks, then times out with 0x3', () => {
    const run = runChecked(spec, {
      a: scriptProgram([
        { op: 'ipc', wrapper: 'L4_Ipc', args: [0n, tid(spec, 'a'), timeouts(0n, 0x800n, 'amd64')] },
      ]),
    });
    expect(effectsOf(run.effects, 'ipc.receive.blocked')).toMatchObject([
      { thread: 'a', deadline: 1 },
    ]);
    expect(effectsOf(run.effects, 'timeout')).toMatchObject([{ thread: 'a', phase: 'receive' }]);
    expect(threadNamed(run.final, 'a').utcb.errorCode).toBe(0x3n);
  });

  // The same test with ZeroTime (0x0400): ipc.cc, SYS_IPC fails at once without blocking.
  it('ZeroTime (exactly 0x0400) fails at once, without blocking', () => {
    const run = runChecked(spec, {
      a: scriptProgram([
        {
          op: 'ipc',
          wrapper: 'L4_Ipc',
          args: [0n, tid(spec, 'a'), timeouts(0n, ZERO_TIME, 'amd64')],
        },
      ]),
    });
    expect(effectsOf(run.effects, 'ipc.receive.blocked')).toEqual([]);
    expect(threadNamed(run.final, 'a').utcb.errorCode).toBe(0x3n);
  });
});

describe('ThreadSwitch to nobody or to oneself (kernel/src/api/v4/schedule.cc, SYS_THREAD_SWITCH)', () => {
  const spec: BootSpec = {
    spaces: [{ name: 'A' }],
    options: { timesliceUs: 10 },
    threads: [
      { name: 'a', space: 'A' },
      { name: 'b', space: 'A' },
    ],
  };

  // SYS_THREAD_SWITCH: `if (dest_tcb == current) return_thread_switch();` — nothing happens.
  it('ThreadSwitch(self) is a no-op: the caller goes on', () => {
    const run = runChecked(spec, {
      a: scriptProgram([{ op: 'threadSwitch', dest: tid(spec, 'a') }, ...nops(2)]),
      b: scriptProgram(nops(1)),
    });
    expect(effectsOf(run.effects, 'syscall.threadSwitch').map((e) => e.result)).toEqual(['self']);
    // Each script ends with its exit statement.
    expect(order(run.steps)).toEqual(['a', 'a', 'a', 'a', 'b', 'b']);
  });

  // dest = nilthread: sched_ktcb_t::sys_thread_switch() (sched-rr/schedule_functions.h) eats the
  // rest of the accounted timeslice, end_of_timeslice() renews it and queues the caller at the
  // tail, and schedule() runs the next thread of its priority.
  it('ThreadSwitch(nilthread) is a yield: the next thread of the same priority runs, the caller gets a fresh slice', () => {
    const run = runChecked(spec, {
      a: scriptProgram([{ op: 'threadSwitch', dest: 0n }, ...nops(2)]),
      b: scriptProgram(nops(1)),
    });
    expect(effectsOf(run.effects, 'syscall.threadSwitch').map((e) => e.result)).toEqual(['yield']);
    expect(order(run.steps)).toEqual(['a', 'b', 'b', 'a', 'a', 'a']);
    expect(threadNamed(run.worlds[1] ?? run.final, 'a').timeslice).toBe(10);
  });
});
