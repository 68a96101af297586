/**
 * `L4_ThreadSwitch(dest)` (Pistachio `kernel/src/api/v4/schedule.cc`, `SYS_THREAD_SWITCH`): dest =
 * self is a no-op; a runnable dest with exactly that global id runs at once; anything else —
 * nilthread, a blocked, halted or unknown dest — is a plain yield (`sys_thread_switch()`: the
 * caller's timeslice is renewed, it goes to the back of its queue, and the highest-priority ready
 * thread runs, possibly the caller again). It never ends an IPC.
 *
 * The switch to a runnable dest calls `schedule(dest_tcb, sched_ds2_flag + rr_tsdonate_flag)`:
 * the flags are bit numbers (2 and 5), so the sum 7 sets bits 0–2, not `rr_tsdonate_flag`
 * (`sched-rr/schedule_functions.h`, `scheduler_t::schedule(dest, flags)`). Hence dest becomes the
 * accounted thread and runs on its own timeslice, and `sched_c2r_flag` is not set either, so the
 * caller is not re-queued: it keeps its place at the head of its priority (lazy queueing).
 */
import type { Word } from './abi/word';
import type { Draft } from './draft';
import { resolveIn } from './ids';
import { endTimeslice, preemptCurrent, runThread } from './scheduler';
import type { ThreadIndex } from './types';

export function sysThreadSwitch(k: Draft, t: ThreadIndex, dest: Word): void {
  const d = dest === 0n ? null : resolveIn(k, t, dest);
  const target = d === null ? null : k.thread(d);
  const result =
    d === t
      ? 'self'
      : target !== null && target.state === 'ready' && target.id === dest
        ? 'donate'
        : 'yield';
  k.emit({
    kind: 'syscall.threadSwitch',
    thread: k.name(t),
    dest,
    destName: target?.name ?? null,
    result,
  });
  k.update(t, { resume: { kind: 'threadSwitch' } });
  if (result === 'self') return;
  if (result === 'donate' && d !== null) {
    preemptCurrent(k, true);
    runThread(k, d, 'donate', false);
    return;
  }
  endTimeslice(k, 'yield');
}
