import { describe, expect, it } from 'vitest';
import { timeouts, ZERO_TIME } from './abi/time';
import { scriptProgram } from './scriptProgram';
import type { ScriptAction } from './scriptProgram';
import { effectsOf, runChecked, scriptResults, threadNamed, tid } from './testKit';
import type { BootSpec, World } from './types';

describe('Call, Reply, ReplyWait (reference-semantics §4.3)', () => {
  const spec: BootSpec = {
    spaces: [{ name: 'C' }, { name: 'S' }],
    threads: [
      { name: 'server', space: 'S', priority: 100 },
      { name: 'client', space: 'C', priority: 100 },
      { name: 'busy', space: 'C', priority: 150 },
    ],
  };
  const SERVER = tid(spec, 'server');
  const CLIENT = tid(spec, 'client');

  // Pistachio kernel/src/api/v4/ipc.cc, SYS_IPC: after the send, the receive phase finds no sender,
  // sets waiting_forever with partner = to and calls schedule(to_tcb, sched_ipcblk) (schedule.h:
  // ds2 → switch to the server at once, whatever the priorities).
  it('Call is atomic with a direct switch: the client waits for the reply and the server runs next, ahead of a higher-priority ready thread', () => {
    const run = runChecked(spec, {
      server: scriptProgram([
        { op: 'ipc', wrapper: 'L4_Wait', args: [] },
        { op: 'tag', label: 9n, u: 0 },
        { op: 'ipc', wrapper: 'L4_Reply', args: [CLIENT] },
      ]),
      client: scriptProgram([{ op: 'ipc', wrapper: 'L4_Call', args: [SERVER] }]),
      busy: scriptProgram([{ op: 'ipc', wrapper: 'L4_Receive', args: [SERVER] }]),
    });
    const callStep = run.steps.find((s) =>
      s.some((e) => e.kind === 'syscall.ipc' && e.thread === 'client'),
    );
    expect(callStep?.filter((e) => e.kind === 'thread.state' || e.kind === 'switch')).toEqual([
      {
        kind: 'thread.state',
        thread: 'client',
        from: 'running',
        to: 'receiving.reply.forever',
        cause: 'blocked',
      },
      {
        kind: 'thread.state',
        thread: 'server',
        from: 'receiving.open.forever',
        to: 'running',
        cause: 'completed',
      },
      { kind: 'switch', from: 'client', to: 'server', reason: 'ipcDirect' },
    ]);
    expect(scriptResults(run.final, 'client')).toEqual([
      { kind: 'ipc', tag: 0x90000n, from: SERVER },
    ]);
  });

  // Pistachio user/include/l4/ipc.h, L4_Reply: Timeouts = L4_Timeouts(L4_ZeroTime, L4_Never);
  // ipc.cc, SYS_IPC: a not-waiting receiver with is_zero() send timeout → error_tag,
  // IPC_SND_ERROR(ERR_IPC_TIMEOUT).
  it('Reply uses a zero send timeout: it fails with 0x2 when the client is not waiting', () => {
    const run = runChecked(spec, {
      server: scriptProgram([{ op: 'ipc', wrapper: 'L4_Reply', args: [CLIENT] }]),
      client: scriptProgram([]),
      busy: scriptProgram([]),
    });
    expect(effectsOf(run.effects, 'ipc.error')).toMatchObject([
      { thread: 'server', phase: 'send', code: 1, errorCode: 0x2n, partner: 'client' },
    ]);
  });

  // Pistachio kernel/src/api/v4/ipc.cc, SYS_IPC: the zero send timeout error returns (return_ipc)
  // before the receive phase is reached.
  it('ReplyWait skips its receive phase when the reply fails: the server keeps running', () => {
    const run = runChecked(spec, {
      server: scriptProgram([
        { op: 'ipc', wrapper: 'L4_ReplyWait', args: [CLIENT] },
        { op: 'nop' },
      ]),
      client: scriptProgram([]),
      busy: scriptProgram([]),
    });
    expect(scriptResults(run.final, 'server')).toEqual([{ kind: 'ipc', tag: 0x8000n, from: 0n }]);
    expect(effectsOf(run.effects, 'ipc.receive.blocked')).toEqual([]);
    const i = run.steps.findIndex((s) =>
      s.some((e) => e.kind === 'syscall.ipc' && e.thread === 'server'),
    );
    expect(run.worlds[i + 1] && threadNamed(run.worlds[i + 1] as World, 'server').state).toBe(
      'running',
    );
  });

  // Pistachio kernel/src/api/v4/ipc.cc, SYS_IPC: schedule(from_tcb, to_tcb, sched_rplywt);
  // sched-rr/schedule_functions.h, schedule(dest1, dest2, flags): check_dispatch_thread(dest1,
  // dest2) is dest1.prio < dest2.prio, false on a tie, so the queued sender (dest1) runs.
  it('ReplyWait with a client queued: the equal-priority queued client runs, delivers, and waits for its reply', () => {
    const two: BootSpec = {
      spaces: [{ name: 'C' }, { name: 'S' }],
      threads: [
        { name: 'c1', space: 'C' },
        { name: 'c2', space: 'C' },
        { name: 'server', space: 'S' },
      ],
    };
    const srv = tid(two, 'server');
    const call = (label: bigint): ScriptAction[] => [
      { op: 'tag', label, u: 0 },
      { op: 'ipc', wrapper: 'L4_Call', args: [srv] },
    ];
    const run = runChecked(two, {
      c1: scriptProgram(call(1n)),
      c2: scriptProgram(call(2n)),
      server: scriptProgram([
        { op: 'ipc', wrapper: 'L4_Wait', args: [] },
        { op: 'ipc', wrapper: 'L4_ReplyWait', args: [tid(two, 'c1')] },
        { op: 'ipc', wrapper: 'L4_ReplyWait', args: [tid(two, 'c2')] },
      ]),
    });
    const rw = run.steps.find((s) =>
      s.some((e) => e.kind === 'syscall.ipc' && e.wrapper === 'L4_ReplyWait'),
    );
    expect(rw?.filter((e) => e.kind === 'ipc.transfer').map((e) => `${e.from}→${e.to}`)).toEqual([
      'server→c1',
      'c2→server',
    ]);
    expect(rw?.filter((e) => e.kind === 'switch').map((e) => e.reason)).toEqual([
      'ipcReplyWait',
      'ipcDirect',
    ]);
    expect(threadNamed(run.final, 'c1').state).toBe('halted');
    // The server replied without loading a new tag: MR0 still held c2's request tag.
    expect(scriptResults(run.final, 'c2')).toEqual([{ kind: 'ipc', tag: 0x20000n, from: srv }]);
  });

  // Pistachio sched-rr/schedule_functions.h, schedule(dest1, dest2, sched_rplywt): the replied-to
  // thread (dest2) outranks the queued sender, so the sender is enqueued locked_running and dest2
  // runs.
  it('ReplyWait with a lower-priority client queued: the replied-to client runs first; the queued one is locked and delivers later', () => {
    const two: BootSpec = {
      spaces: [{ name: 'C' }, { name: 'S' }],
      threads: [
        { name: 'hi', space: 'C', priority: 120 },
        { name: 'lo', space: 'C', priority: 90 },
        { name: 'server', space: 'S', priority: 150 },
      ],
    };
    const srv = tid(two, 'server');
    const run = runChecked(two, {
      hi: scriptProgram([
        { op: 'ipc', wrapper: 'L4_Sleep', args: [0xan] },
        { op: 'ipc', wrapper: 'L4_Call', args: [srv] },
        { op: 'nop' },
      ]),
      lo: scriptProgram([
        { op: 'tag', label: 2n, u: 0 },
        { op: 'ipc', wrapper: 'L4_Call', args: [srv] },
      ]),
      server: scriptProgram([
        { op: 'ipc', wrapper: 'L4_Receive', args: [tid(two, 'hi')] },
        { op: 'ipc', wrapper: 'L4_ReplyWait', args: [tid(two, 'hi')] },
        { op: 'ipc', wrapper: 'L4_Reply', args: [tid(two, 'lo')] },
      ]),
    });
    const locked = effectsOf(run.effects, 'ipc.locked');
    expect(locked).toEqual([{ kind: 'ipc.locked', sender: 'lo', receiver: 'server' }]);
    const lockedWorld = run.worlds.find((w) => threadNamed(w, 'lo').wait?.locked === true);
    expect(lockedWorld && threadNamed(lockedWorld, 'server').state).toBe('receiving.open.forever');
    expect(lockedWorld && threadNamed(lockedWorld, 'hi').state).toBe('running');
    expect(scriptResults(run.final, 'server').at(-2)).toEqual({
      kind: 'ipc',
      tag: 0x20000n,
      from: tid(two, 'lo'),
    });
    expect(run.final.outcome).toEqual({ kind: 'finished' });
  });
});

describe('IPC to self and the L4_UserIpc fast path (reference-semantics §11)', () => {
  const solo: BootSpec = { spaces: [{ name: 'A' }], threads: [{ name: 'me', space: 'A' }] };
  const ME = tid(solo, 'me');

  // Pistachio kernel/src/api/v4/ipc.cc, SYS_IPC: the caller is not waiting while it sends, so a
  // send to itself is enqueued (polling) and nobody will ever receive it.
  it('L4_Ipc to self with a Never send timeout blocks forever: a deadlock whose cycle is the thread itself', () => {
    const run = runChecked(solo, {
      me: scriptProgram([{ op: 'ipc', wrapper: 'L4_Send', args: [ME] }]),
    });
    expect(run.final.outcome).toEqual({
      kind: 'deadlock',
      cycle: ['me'],
      waits: [{ thread: 'me', waitsFor: 'me', phase: 'send' }],
    });
  });

  // Pistachio kernel/src/api/v4/ipc.cc, SYS_IPC: not waiting + is_zero() send timeout →
  // IPC_SND_ERROR(1) = 0x2.
  it('L4_Ipc to self with a Zero send timeout fails with send timeout (0x2)', () => {
    const run = runChecked(solo, {
      me: scriptProgram([
        { op: 'ipc', wrapper: 'L4_Ipc', args: [ME, 0n, timeouts(ZERO_TIME, 0n, 'amd64')] },
      ]),
    });
    expect(threadNamed(run.final, 'me').utcb.errorCode).toBe(0x2n);
  });

  // Model feature, not the kernel: the language's fastpath effect stands for the user-level entry
  // (user/include/l4/amd64/syscalls.h, L4_Lipc); no SYS_IPC (kernel/src/api/v4/ipc.cc) is entered.
  it('L4_UserIpc to self without a receive phase takes the fast path: no kernel entry, MR0 echoed', () => {
    const run = runChecked(solo, {
      me: scriptProgram([
        { op: 'loadMr', index: 0, value: 0x1234n },
        { op: 'ipc', wrapper: 'L4_UserIpc', args: [ME, 0n, 0n] },
      ]),
    });
    expect(effectsOf(run.effects, 'fastpath')).toEqual([
      { kind: 'fastpath', thread: 'me', tag: 0x1234n },
    ]);
    expect(effectsOf(run.effects, 'syscall.ipc')).toEqual([]);
    expect(run.final.outcome).toEqual({ kind: 'finished' });
  });
});
