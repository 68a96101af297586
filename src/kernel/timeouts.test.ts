import { describe, expect, it } from 'vitest';
import { timePeriodConst, timeouts, ZERO_TIME } from './abi/time';
import { scriptProgram } from './scriptProgram';
import { effectsOf, runChecked, scriptResults, threadNamed, tid } from './testKit';
import type { BootSpec } from './types';

const spec: BootSpec = {
  spaces: [{ name: 'A' }, { name: 'B' }],
  threads: [
    { name: 'a', space: 'A' },
    { name: 'b', space: 'B' },
  ],
};
const B = tid(spec, 'b');
const A = tid(spec, 'a');
const us1000 = timePeriodConst(1000n);

describe('timeouts: Never, Zero and periods on the simulated clock (reference-semantics §4.3, §5)', () => {
  // Pistachio kernel/src/api/v4/ipc.cc, SYS_IPC: timeout.get_snd().is_zero() → error_tag()
  // (0x8000), IPC_SND_ERROR(ERR_IPC_TIMEOUT) = 0x2.
  it('zero send timeout to a thread that is not waiting fails at once: E set (0x8000), ErrorCode 0x2', () => {
    const run = runChecked(spec, {
      a: scriptProgram([{ op: 'ipc', wrapper: 'L4_Send_Timeout', args: [B, ZERO_TIME] }]),
      b: scriptProgram([]),
    });
    expect(scriptResults(run.final, 'a')).toEqual([{ kind: 'ipc', tag: 0x8000n, from: null }]);
    expect(threadNamed(run.final, 'a').utcb.errorCode).toBe(0x2n);
    expect(threadNamed(run.final, 'a').utcb.mrs[0]).toBe(0x8000n);
    expect(effectsOf(run.effects, 'ipc.send.blocked')).toEqual([]);
  });

  // Pistachio kernel/src/api/v4/ipc.cc, SYS_IPC: timeout.get_rcv().is_zero() → error_tag(),
  // IPC_RCV_ERROR(ERR_IPC_TIMEOUT) = 0x3.
  it('zero receive timeout with no sender queued fails at once: ErrorCode 0x3', () => {
    const run = runChecked(spec, {
      a: scriptProgram([{ op: 'ipc', wrapper: 'L4_Receive_Timeout', args: [B, ZERO_TIME] }]),
      b: scriptProgram([]),
    });
    expect(scriptResults(run.final, 'a')).toEqual([{ kind: 'ipc', tag: 0x8000n, from: 0n }]);
    expect(threadNamed(run.final, 'a').utcb.errorCode).toBe(0x3n);
  });

  // Pistachio sched-rr/schedule_functions.h, sched_ktcb_t::set_timeout(time_t): current_time + us;
  // thread.cc, handle_ipc_timeout → tcb_t::unwind(timeout) dequeues the sender (dequeue_send).
  it('a period send timeout fires at now + period: the sender leaves the queue with ErrorCode 0x2', () => {
    const run = runChecked(spec, {
      a: scriptProgram([{ op: 'ipc', wrapper: 'L4_Send_Timeout', args: [B, us1000] }]),
      b: scriptProgram([{ op: 'ipc', wrapper: 'L4_Sleep', args: [timePeriodConst(5000n)] }]),
    });
    const [fired] = effectsOf(run.effects, 'timeout');
    expect(fired).toEqual({ kind: 'timeout', thread: 'a', phase: 'send', at: 1001 });
    expect(effectsOf(run.effects, 'time.advance')[0]).toEqual({
      kind: 'time.advance',
      from: 2,
      to: 1001,
    });
    const atTimeout = run.worlds.find((w) => w.now === 1001);
    expect(atTimeout && threadNamed(atTimeout, 'b').sendQueue).toEqual([]);
    expect(threadNamed(run.final, 'a').utcb.errorCode).toBe(0x2n);
    expect(scriptResults(run.final, 'a')).toEqual([{ kind: 'ipc', tag: 0x8000n, from: null }]);
  });

  // Pistachio kernel/src/api/v4/thread.cc, handle_ipc_timeout() → tcb_t::unwind(timeout): for a
  // polling (send-blocked) thread the tag is get_tag() — its own MR0 — with set_error(); only a
  // receive that had not started gets msg_tag_t::error_tag() (0x8000).
  it('tag after a timed-out send = the sender own MR0 with E set (0x70001 → 0x78001)', () => {
    const run = runChecked(spec, {
      a: scriptProgram([
        { op: 'tag', label: 7n, u: 1 },
        { op: 'ipc', wrapper: 'L4_Send_Timeout', args: [B, us1000] },
      ]),
      b: scriptProgram([{ op: 'ipc', wrapper: 'L4_Sleep', args: [timePeriodConst(5000n)] }]),
    });
    expect(scriptResults(run.final, 'a')).toEqual([{ kind: 'ipc', tag: 0x78001n, from: null }]);
    expect(threadNamed(run.final, 'a').utcb.mrs[0]).toBe(0x78001n);
    expect(threadNamed(run.final, 'a').utcb.errorCode).toBe(0x2n);
  });

  it('tag after a timed-out Call send phase is the caller own MR0 with E; a timed-out receive phase is 0x8000', () => {
    const run = runChecked(spec, {
      a: scriptProgram([
        { op: 'tag', label: 0x12n, u: 2 },
        { op: 'ipc', wrapper: 'L4_Call_Timeouts', args: [B, us1000, us1000] },
      ]),
      b: scriptProgram([
        { op: 'ipc', wrapper: 'L4_Sleep', args: [timePeriodConst(5000n)] },
        { op: 'ipc', wrapper: 'L4_Wait', args: [] },
      ]),
    });
    expect(scriptResults(run.final, 'a')).toEqual([{ kind: 'ipc', tag: 0x128002n, from: 0n }]);
    const recv = runChecked(spec, {
      a: scriptProgram([{ op: 'ipc', wrapper: 'L4_Receive_Timeout', args: [B, us1000] }]),
      b: scriptProgram([{ op: 'ipc', wrapper: 'L4_Sleep', args: [timePeriodConst(5000n)] }]),
    });
    expect(scriptResults(recv.final, 'a')).toEqual([{ kind: 'ipc', tag: 0x8000n, from: 0n }]);
  });

  // Pistachio user/include/l4/ipc.h, L4_Sleep: L4_Ipc(nil, L4_Myself(), t); nobody sends, so the
  // receive times out: thread.cc, tcb_t::unwind(timeout) → error_tag(), 0x3.
  it('L4_Sleep(TimePeriod(1000)) is a receive from self that ends in a receive timeout: MR0 0x8000', () => {
    const run = runChecked(spec, {
      a: scriptProgram([{ op: 'ipc', wrapper: 'L4_Sleep', args: [us1000] }]),
      b: scriptProgram([]),
    });
    const a = threadNamed(run.final, 'a');
    expect(a.utcb.mrs[0]).toBe(0x8000n);
    expect(a.utcb.errorCode).toBe(0x3n);
    expect(effectsOf(run.effects, 'timeout')).toEqual([
      { kind: 'timeout', thread: 'a', phase: 'receive', at: 1001 },
    ]);
  });

  // Pistachio kernel/src/api/v4/ipc.cc, SYS_IPC: "prepare the IPC error" —
  // set_error_code(IPC_RCV_ERROR( ERR_IPC_TIMEOUT)) as soon as a non-Never receive timeout is
  // armed.
  it('a receive with a period timeout succeeds if the message arrives first; ErrorCode was prepared (0x3)', () => {
    const run = runChecked(spec, {
      a: scriptProgram([{ op: 'ipc', wrapper: 'L4_Receive_Timeout', args: [B, us1000] }]),
      b: scriptProgram([
        { op: 'tag', label: 5n, u: 0 },
        { op: 'ipc', wrapper: 'L4_Send', args: [A] },
      ]),
    });
    expect(scriptResults(run.final, 'a')).toEqual([{ kind: 'ipc', tag: 0x50000n, from: B }]);
    // Pistachio sets the receive-timeout code when it arms the timeout ("prepare the IPC error").
    expect(threadNamed(run.final, 'a').utcb.errorCode).toBe(0x3n);
    expect(effectsOf(run.effects, 'timeout')).toEqual([]);
  });

  // Pistachio kernel/src/api/v4/types.h, time_t::is_never (raw == 0): ipc.cc arms no timeout
  // (waiting_forever).
  it('Never waits forever: the run ends stuck, not with a timeout', () => {
    const run = runChecked(spec, {
      a: scriptProgram([{ op: 'ipc', wrapper: 'L4_Receive', args: [B] }]),
      b: scriptProgram([{ op: 'ipc', wrapper: 'L4_Receive', args: [A] }]),
    });
    expect(effectsOf(run.effects, 'timeout')).toEqual([]);
    expect(run.final.outcome).toMatchObject({ kind: 'deadlock', cycle: ['a', 'b'] });
  });

  // Pistachio kernel/src/api/v4/ipc.cc, SYS_IPC: get_rcv() is only read in the receive phase.
  it('the receive timeout is ignored without a receive phase; the send timeout limits only the send', () => {
    const run = runChecked(spec, {
      a: scriptProgram([
        { op: 'ipc', wrapper: 'L4_Ipc', args: [B, 0n, timeouts(ZERO_TIME, ZERO_TIME, 'amd64')] },
      ]),
      b: scriptProgram([]),
    });
    expect(effectsOf(run.effects, 'ipc.error')).toMatchObject([
      { thread: 'a', phase: 'send', code: 1, errorCode: 0x2n },
    ]);
  });

  // Model time (docs/kernel.md, Deviations 10: no 1 ms ticks); the jump stands for
  // sched-rr/schedule.cc, scheduler_t::idle until parse_wakeup_queues fires the next timeout.
  it('the clock advances one µs per statement (usPerStatement) and jumps when every thread is blocked', () => {
    const slow: BootSpec = { ...spec, options: { usPerStatement: 5 } };
    const run = runChecked(slow, {
      a: scriptProgram([
        { op: 'nop' },
        { op: 'ipc', wrapper: 'L4_Sleep', args: [timePeriodConst(100n)] },
      ]),
      b: scriptProgram([]),
    });
    expect(effectsOf(run.effects, 'timeout')[0]?.at).toBe(110);
    expect(run.worlds[1]?.now).toBe(5);
  });
});
