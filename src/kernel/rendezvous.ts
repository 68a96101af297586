/**
 * The rendezvous and the receive phase (Pistachio `SYS_IPC`, reference-semantics §4.3), with the reference's
 * scheduling decisions:
 *  - send-only success: `schedule(to, sched_sndonly)` — the receiver runs only if its priority is
 *    higher; otherwise it is queued and the sender goes on;
 *  - receive blocks after a send: `schedule(to, sched_ipcblk)` — direct switch to the partner, which
 *    runs on the caller's timeslice (the Call → server handoff);
 *  - receive finds a queued sender: the kernel switches to that sender, which performs the transfer
 *    (`sched_ipcblk`); with a send phase too (ReplyWait) the higher-priority of the queued sender and
 *    the replied-to thread runs first (`sched_rplywt`), the other is queued;
 *  - zero-timeout receive failing after a send: switch to the partner (`sched_rcverr`).
 */
import { IPC_ERROR } from './abi/errorCode';
import { anylocalthread, anythread } from './abi/threadId';
import type { Draft } from './draft';
import { idSeenBy, resolveIn } from './ids';
import { ipcFail, ipcReturn, prepareReceiveTimeout, reportError } from './ipcResult';
import { enqueueReady, holdCpu, leaveKernel, runThread, vacate, wakeReady } from './scheduler';
import { armTimeout, cancelTimeout, deadlineFor, receiveTimeoutInfo } from './timeouts';
import { transferMessage } from './transfer';
import type { IpcCall, ReceiveMode, ThreadIndex } from './types';

/** How a receive phase names its partner: mode and (closed) partner; null partner = none exists. */
export function receiveTarget(
  k: Draft,
  t: ThreadIndex,
  call: IpcCall,
  to: ThreadIndex | null,
): { readonly mode: ReceiveMode; readonly partner: ThreadIndex | null } {
  if (call.fromSpecifier === anythread(k.abi)) return { mode: 'open', partner: null };
  if (call.fromSpecifier === anylocalthread(k.abi)) return { mode: 'anyLocal', partner: null };
  const partner = resolveIn(k, t, call.fromSpecifier);
  return { mode: partner !== null && partner === to ? 'reply' : 'closed', partner };
}

/** Sender `s` (holding the CPU) transfers to receiver `r`, then finishes its own system call. */
export function sendTransfer(
  k: Draft,
  s: ThreadIndex,
  r: ThreadIndex,
  call: IpcCall,
  rendezvous: 'receiverWaiting' | 'senderQueued',
): void {
  cancelTimeout(k, r);
  const receiverCall = k.thread(r).wait?.call;
  if (receiverCall === undefined) throw new Error(`${k.name(r)} is not receiving`);
  const res = transferMessage(k, s, r, rendezvous);
  const seen = idSeenBy(k.thread(s), k.thread(r));
  if (!res.ok) {
    ipcReturn(k, r, receiverCall, res.tag, seen, res.receiverError);
    reportError(k, r, 'receive', IPC_ERROR.messageOverflow, res.receiverError ?? 0n, s);
    ipcReturn(k, s, call, res.tag, call.to, res.senderError);
    reportError(k, s, 'send', IPC_ERROR.messageOverflow, res.senderError ?? 0n, r);
    wakeReady(k, r, 'ipc.complete');
    leaveKernel(k, s, true);
    return;
  }
  ipcReturn(k, r, receiverCall, res.tag, seen, null);
  if (call.fromSpecifier !== 0n) {
    k.update(s, { wait: null });
    receivePhase(k, s, call, r);
    return;
  }
  ipcReturn(k, s, call, k.thread(s).utcb.mrs[0] ?? 0n, 0n, null);
  if (k.thread(s).priority < k.thread(r).priority) {
    leaveKernel(k, s, false, true);
    runThread(k, r, 'ipcSendOnly', false);
  } else {
    wakeReady(k, r, 'ipc.complete');
    leaveKernel(k, s, true);
  }
}

/** Thread `t` (holding the CPU) enters its receive phase; `to` is its send partner, if any. */
export function receivePhase(
  k: Draft,
  t: ThreadIndex,
  call: IpcCall,
  to: ThreadIndex | null,
): void {
  const { mode, partner } = receiveTarget(k, t, call, to);
  const closed = mode === 'closed' || mode === 'reply';
  if (closed && partner === null) {
    ipcFail(k, t, call, 'receive', IPC_ERROR.nonExistingPartner, null);
    if (to !== null) wakeReady(k, to, 'ipc.complete');
    leaveKernel(k, t, true);
    return;
  }
  const sender = queuedSender(k, t, mode, partner);
  if (sender !== null) {
    pickQueuedSender(k, t, call, mode, sender, to);
    return;
  }
  const rcv = receiveTimeoutInfo(call.timeouts);
  if (rcv.kind === 'zero' || rcv.kind === 'period') prepareReceiveTimeout(k, t, IPC_ERROR.timeout);
  if (rcv.kind === 'zero') {
    ipcFail(k, t, call, 'receive', IPC_ERROR.timeout, partner);
    if (to === null) leaveKernel(k, t, true);
    else {
      leaveKernel(k, t, false);
      runThread(k, to, 'ipcReceiveError', true);
    }
    return;
  }
  const deadline = deadlineFor(k, rcv);
  k.update(t, { wait: { phase: 'receive', call, partner, mode, deadline, locked: false } });
  if (deadline !== null) armTimeout(k, t, 'receive', deadline);
  k.move(t, { type: 'ipc.receive.block', mode, timed: deadline !== null });
  k.emit({
    kind: 'ipc.receive.blocked',
    thread: k.name(t),
    mode,
    from: k.nameOrNull(partner),
    deadline,
  });
  vacate(k);
  if (to !== null) runThread(k, to, 'ipcDirect', true);
}

/** The sender a receive phase takes from `t`'s send queue, if one is polling on `t`. */
function queuedSender(
  k: Draft,
  t: ThreadIndex,
  mode: ReceiveMode,
  partner: ThreadIndex | null,
): ThreadIndex | null {
  const queue = k.thread(t).sendQueue;
  if (mode === 'open') return queue[0] ?? null;
  if (mode === 'anyLocal') {
    const space = k.thread(t).space;
    return queue.find((s) => k.thread(s).space === space) ?? null;
  }
  return partner !== null && queue.includes(partner) ? partner : null;
}

function pickQueuedSender(
  k: Draft,
  t: ThreadIndex,
  call: IpcCall,
  mode: ReceiveMode,
  sender: ThreadIndex,
  to: ThreadIndex | null,
): void {
  k.update(t, {
    sendQueue: k.thread(t).sendQueue.filter((s) => s !== sender),
    wait: { phase: 'receive', call, partner: sender, mode, deadline: null, locked: true },
  });
  cancelTimeout(k, sender);
  const senderWait = k.thread(sender).wait;
  if (senderWait !== null) k.update(sender, { wait: { ...senderWait, deadline: null } });
  k.move(t, { type: 'ipc.receive.block', mode, timed: false });
  vacate(k);
  if (to !== null && k.thread(sender).priority < k.thread(to).priority) {
    if (senderWait !== null)
      k.update(sender, { wait: { ...senderWait, deadline: null, locked: true } });
    k.move(sender, { type: 'ipc.locked' });
    enqueueReady(k, sender);
    k.emit({ kind: 'ipc.locked', sender: k.name(sender), receiver: k.name(t) });
    runThread(k, to, 'ipcReplyWait', true);
    return;
  }
  if (to !== null) wakeReady(k, to, 'ipc.complete');
  holdCpu(k, sender, to !== null ? 'ipcReplyWait' : 'ipcSender');
  continueSender(k, sender);
}

/** A sender the kernel switched to (or dispatched while locked) performs its transfer. */
export function continueSender(k: Draft, s: ThreadIndex): void {
  const w = k.thread(s).wait;
  if (w === null || w.phase !== 'send' || w.partner === null)
    throw new Error(`${k.name(s)} is not sending`);
  sendTransfer(k, s, w.partner, w.call, 'senderQueued');
}
