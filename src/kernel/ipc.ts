/**
 * `L4_Ipc(to, FromSpecifier, Timeouts, &from)`: the send phase (reference-semantics §4.3 send 1–3), then
 * the rendezvous and the receive phase (`rendezvous.ts`).
 *
 * Send phase: `to` must name an existing thread with that exact global id (or a local id in the
 * caller's space), else send-phase "non-existing partner" (0x4). The receiver is ready when it waits
 * for this sender, for anythread, or for anylocalthread from the same space. Otherwise a zero send
 * timeout fails at once (send-phase timeout, 0x2); any other queues the caller FIFO on the receiver
 * and blocks it (arming the timeout unless Never). A failed send phase ends the call: no receive.
 */
import { asMsgTag } from './abi/kindedWords';
import { IPC_ERROR } from './abi/errorCode';
import type { Draft } from './draft';
import { resolveIn } from './ids';
import { ipcFail } from './ipcResult';
import { receiveTarget, receivePhase, sendTransfer } from './rendezvous';
import { vacate } from './scheduler';
import { armTimeout, deadlineFor, receiveTimeoutInfo, sendTimeoutInfo } from './timeouts';
import type { IpcCall, ThreadIndex } from './types';

/** Is receiver `r` waiting for a message from sender `s` right now? */
export function receiverReady(k: Draft, r: ThreadIndex, s: ThreadIndex): boolean {
  const w = k.thread(r).wait;
  if (w === null || w.phase !== 'receive' || w.locked) return false;
  if (w.mode === 'open') return true;
  if (w.mode === 'anyLocal') return k.thread(r).space === k.thread(s).space;
  return w.partner === s;
}

/** The running thread `t` trapped with `call`. */
export function sysIpc(k: Draft, t: ThreadIndex, call: IpcCall): void {
  const to = call.to === 0n ? null : resolveIn(k, t, call.to);
  reportSyscall(k, t, call, to);
  if (call.to !== 0n) {
    if (to === null) {
      ipcFail(k, t, call, 'send', IPC_ERROR.nonExistingPartner, null);
      return;
    }
    if (receiverReady(k, to, t)) {
      sendTransfer(k, t, to, call, 'receiverWaiting');
      return;
    }
    const snd = sendTimeoutInfo(call.timeouts);
    if (snd.kind === 'zero') {
      ipcFail(k, t, call, 'send', IPC_ERROR.timeout, to);
      return;
    }
    blockSending(k, t, to, call, deadlineFor(k, snd));
    return;
  }
  if (call.fromSpecifier !== 0n) receivePhase(k, t, call, null);
  else
    k.update(t, {
      resume: { kind: 'ipc', tag: asMsgTag(k.thread(t).utcb.mrs[0] ?? 0n), from: null },
    });
}

function blockSending(
  k: Draft,
  s: ThreadIndex,
  r: ThreadIndex,
  call: IpcCall,
  deadline: number | null,
): void {
  const queue = [...k.thread(r).sendQueue, s];
  k.update(r, { sendQueue: queue });
  k.update(s, { wait: { phase: 'send', call, partner: r, mode: null, deadline, locked: false } });
  if (deadline !== null) armTimeout(k, s, 'send', deadline);
  k.move(s, { type: 'ipc.send.block', timed: deadline !== null });
  k.emit({
    kind: 'ipc.send.blocked',
    thread: k.name(s),
    to: k.name(r),
    position: queue.length - 1,
    deadline,
  });
  vacate(k);
}

function reportSyscall(k: Draft, t: ThreadIndex, call: IpcCall, to: ThreadIndex | null): void {
  const receive = call.fromSpecifier === 0n ? null : receiveTarget(k, t, call, to);
  k.emit({
    kind: 'syscall.ipc',
    thread: k.name(t),
    wrapper: call.wrapper,
    to: call.to,
    fromSpecifier: call.fromSpecifier,
    timeouts: call.timeouts,
    toName: k.nameOrNull(to),
    receive: receive === null ? 'none' : receive.mode,
    fromName: k.nameOrNull(receive?.partner ?? null),
    sendTimeout: sendTimeoutInfo(call.timeouts),
    receiveTimeout: receiveTimeoutInfo(call.timeouts),
    tag: k.thread(t).utcb.mrs[0] ?? 0n,
  });
}
