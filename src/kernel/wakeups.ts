/**
 * Firing expired timeouts: a blocked send fails with send-phase timeout (0x2) and leaves the
 * receiver's send queue, returning its own MR0 with E set; a blocked receive fails with
 * receive-phase timeout (0x3) and tag 0x8000 (Pistachio `kernel/src/api/v4/thread.cc`,
 * `handle_ipc_timeout()` → `tcb_t::unwind()`). The thread goes to the back of its ready queue
 * (`sched-rr/schedule.cc`, `parse_wakeup_queues()`).
 */
import { IPC_ERROR } from './abi/errorCode';
import type { Draft } from './draft';
import { ipcFail, unwindTag } from './ipcResult';
import { wakeReady } from './scheduler';
import type { ThreadIndex } from './types';

/** Fires every timeout due by `k.now`, in (deadline, arming) order. Returns the woken threads. */
export function fireTimeouts(k: Draft): ThreadIndex[] {
  const woken: ThreadIndex[] = [];
  for (let due = k.timeouts[0]; due !== undefined && due.at <= k.now; due = k.timeouts[0]) {
    k.timeouts = k.timeouts.slice(1);
    const i = due.thread;
    const w = k.thread(i).wait;
    if (w === null) continue;
    k.emit({ kind: 'timeout', thread: k.name(i), phase: due.phase, at: due.at });
    if (w.phase === 'send' && w.partner !== null) {
      const r = w.partner;
      k.update(r, { sendQueue: k.thread(r).sendQueue.filter((s) => s !== i) });
    }
    ipcFail(k, i, w.call, w.phase, IPC_ERROR.timeout, w.partner, unwindTag(k, i, w.phase));
    wakeReady(k, i, 'ipc.timeout');
    woken.push(i);
  }
  return woken;
}

/** The highest-priority thread of `woken` that is still ready (first among equals), if any. */
export function highestWoken(k: Draft, woken: readonly ThreadIndex[]): ThreadIndex | null {
  let best: ThreadIndex | null = null;
  for (const i of woken) {
    if (k.thread(i).state !== 'ready') continue;
    if (best === null || k.thread(i).priority > k.thread(best).priority) best = i;
  }
  return best;
}

/**
 * Whether woken thread `w` preempts the running thread `t`: its priority must beat both `t`'s and
 * that of the thread whose timeslice is being spent (the donor while a Call or ReplyWait partner
 * runs on it). Pistachio `kernel/src/api/v4/sched-rr/schedule.cc`, `parse_wakeup_queues()`: the
 * candidate starts as the timeslice owner, is replaced by `current` if that is not lower, and a
 * woken thread replaces it only through `check_dispatch_thread` (strictly higher priority).
 */
export function preemptsOnWake(k: Draft, w: ThreadIndex, t: ThreadIndex): boolean {
  const owner = k.accounted ?? t;
  const bar = Math.max(k.thread(t).priority, k.thread(owner).priority);
  return k.thread(w).priority > bar;
}
