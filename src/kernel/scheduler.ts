/**
 * One CPU, fixed priorities 0..255 (higher runs first), round robin within a priority (Pistachio's
 * `sched-rr`). `World.ready` is a single list ordered by priority, FIFO within a priority; the
 * running thread is not in it. `current === null` means the idle thread runs.
 *
 * Timeslices: each thread has its own; the running thread spends the slice of `accounted`, which is
 * itself after a normal dispatch and the donor's after a timeslice donation (the IPC direct switch
 * of a Call or ReplyWait; `L4_ThreadSwitch(dest)` does not donate, see `threadSwitch.ts`).
 */
import type { Draft } from './draft';
import type { SwitchReason } from './effects';
import type { ThreadIndex } from './types';

/** Inserts `i` into a priority-ordered ready list: at the head or the tail of its priority. */
export function insertReady(
  ready: readonly ThreadIndex[],
  priorityOf: (i: ThreadIndex) => number,
  i: ThreadIndex,
  head: boolean,
): ThreadIndex[] {
  const p = priorityOf(i);
  let at = 0;
  while (at < ready.length) {
    const q = priorityOf(ready[at] ?? i);
    if (head ? q <= p : q < p) break;
    at++;
  }
  return [...ready.slice(0, at), i, ...ready.slice(at)];
}

export function enqueueReady(k: Draft, i: ThreadIndex, head = false): void {
  if (k.ready.includes(i)) return;
  k.ready = insertReady(k.ready, (j) => k.thread(j).priority, i, head);
}

export function removeReady(k: Draft, i: ThreadIndex): void {
  if (k.ready.includes(i)) k.ready = k.ready.filter((j) => j !== i);
}

/** The running thread leaves the CPU for a ready queue (head: it keeps its turn). */
export function preemptCurrent(k: Draft, head: boolean): void {
  const c = k.current;
  if (c === null) return;
  k.move(c, { type: 'sched.preempt' });
  enqueueReady(k, c, head);
  vacate(k);
}

/** The CPU holder stops running (it blocked, halted or was queued); nothing runs yet. */
export function vacate(k: Draft): void {
  if (k.current !== null) k.lastRunning = k.current;
  k.current = null;
}

/**
 * Puts thread `i` on the CPU: a ready thread is dispatched; a thread whose IPC just completed is
 * switched to directly. `donate`: it runs on the previous holder's timeslice.
 */
export function runThread(k: Draft, i: ThreadIndex, reason: SwitchReason, donate: boolean): void {
  const t = k.thread(i);
  if (t.state === 'ready') {
    removeReady(k, i);
    k.move(i, { type: 'sched.dispatch' });
  } else if (t.state !== 'running') {
    k.move(i, { type: 'ipc.complete', run: true });
  }
  const from = k.lastRunning;
  k.current = i;
  if (!donate || k.accounted === null) k.accounted = i;
  if (from !== i) k.emit({ kind: 'switch', from: k.nameOrNull(from), to: t.name, reason });
  k.lastRunning = i;
}

/** Dispatches the highest-priority ready thread, or idles. Returns false when idle. */
export function pickAndRun(k: Draft, reason: SwitchReason): boolean {
  const next = k.ready[0];
  if (next === undefined) {
    if (k.lastRunning !== null) {
      k.emit({ kind: 'switch', from: k.name(k.lastRunning), to: null, reason });
      k.lastRunning = null;
    }
    k.accounted = null;
    return false;
  }
  runThread(k, next, reason, false);
  return true;
}

/** Charges `us` to the accounted timeslice; true when it ran out (it is renewed at once). */
export function chargeTimeslice(k: Draft, us: number): boolean {
  const a = k.accounted ?? k.current;
  const length = k.options.timesliceUs;
  if (a === null || length <= 0) return false;
  const left = k.thread(a).timeslice - us;
  if (left > 0) {
    k.update(a, { timeslice: left });
    return false;
  }
  k.update(a, { timeslice: left + length });
  return true;
}

/** Gives up the rest of the timeslice (end of timeslice / yield): renews it, back of the queue. */
export function endTimeslice(k: Draft, reason: SwitchReason): void {
  const a = k.accounted ?? k.current;
  if (a !== null) k.update(a, { timeslice: k.options.timesliceUs });
  preemptCurrent(k, false);
  pickAndRun(k, reason);
}

/** A blocked thread becomes ready (its IPC completed, timed out or was canceled). */
export function wakeReady(
  k: Draft,
  i: ThreadIndex,
  event: 'ipc.complete' | 'ipc.timeout' | 'ipc.cancel',
): void {
  k.move(i, event === 'ipc.complete' ? { type: event, run: false } : { type: event });
  enqueueReady(k, i);
}

/**
 * Thread `i`, which holds the CPU inside the kernel (it trapped, or it is a queued sender the kernel
 * switched to), leaves the IPC path: it keeps the CPU (`run`) or goes to a ready queue.
 */
export function leaveKernel(k: Draft, i: ThreadIndex, run: boolean, head = false): void {
  const state = k.thread(i).state;
  if (run) {
    if (state !== 'running') k.move(i, { type: 'ipc.complete', run: true });
    k.current = i;
    return;
  }
  k.move(i, state === 'running' ? { type: 'sched.preempt' } : { type: 'ipc.complete', run: false });
  enqueueReady(k, i, head);
  if (k.current === i) vacate(k);
}

/** The kernel switches to a blocked sender to let it perform its transfer (its state changes later). */
export function holdCpu(k: Draft, i: ThreadIndex, reason: SwitchReason): void {
  const from = k.lastRunning;
  k.current = i;
  if (from !== i) k.emit({ kind: 'switch', from: k.nameOrNull(from), to: k.name(i), reason });
  k.lastRunning = i;
}
