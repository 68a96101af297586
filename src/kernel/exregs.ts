/**
 * `L4_ExchangeRegisters(dest, control, …)` as far as the model has registers: aborting a thread's
 * IPC (Pistachio `kernel/src/api/v4/exregs.cc`, `SYS_EXCHANGE_REGISTERS` / `perform_exregs`).
 *
 *  - dest must be a thread of the caller's own address space (`has_exregs_perms`), else the call
 *    returns nilthread with ErrorCode 2 (`EINVALID_THREAD`);
 *  - control bit 2 (`send_flag`) aborts a send, bit 1 (`recv_flag`) a receive, through
 *    `tcb_t::unwind(abort)` (`thread.cc`): an IPC that had not started ends with canceled
 *    (`0x6` / `0x7`, the sender's own MR0 with E, or `0x8000` for a receive); a locked transfer in
 *    progress (a ReplyWait's queued sender) ends on both sides with aborted (`0xe` / `0xf`);
 *  - the returned control word has the bit of what dest was doing (send or receive) set;
 *  - it returns dest's global id when called with a local id and its local id when called with a
 *    global one, as `return_exchange_registers(is_local ? global : local)` does;
 *  - then `schedule()`: the aborted thread runs at once only if it has the higher priority.
 * Other control bits (halt, sp, ip, flags, pager, user handle) change nothing in the model.
 */
import { IPC_ERROR } from './abi/errorCode';
import { isLocalId } from './abi/threadId';
import type { Word } from './abi/word';
import type { Draft } from './draft';
import { resolveIn } from './ids';
import { ipcFail, reportError, unwindTag } from './ipcResult';
import { encodeErrorCode } from './abi/errorCode';
import { ERROR_TAG } from './abi/msgTag';
import { ipcReturn } from './ipcResult';
import { enqueueReady, preemptCurrent, runThread, wakeReady } from './scheduler';
import { cancelTimeout } from './timeouts';
import type { ThreadIndex } from './types';

const RECV_FLAG = 0x2n;
const SEND_FLAG = 0x4n;
/** `EINVALID_THREAD` (`api/v4/thread.h`): the ErrorCode of a failed ExchangeRegisters. */
const INVALID_THREAD = 2n;

export function sysExregs(k: Draft, t: ThreadIndex, dest: Word, control: Word): void {
  const d = resolveIn(k, t, dest);
  const self = k.thread(t);
  if (d === null || k.thread(d).space !== self.space || k.thread(d).halt !== null) {
    k.update(t, {
      utcb: { ...self.utcb, errorCode: INVALID_THREAD },
      resume: { kind: 'exregs', result: 0n, control: 0n },
    });
    k.emit({ kind: 'exregs', thread: self.name, dest, destName: null, control, aborted: null });
    return;
  }
  const target = k.thread(d);
  const w = target.wait;
  const was = w === null ? 0n : w.phase === 'send' ? SEND_FLAG : RECV_FLAG;
  const abort = w !== null && (control & was) !== 0n;
  const result = isLocalId(dest) ? target.id : target.localId;
  k.update(t, { resume: { kind: 'exregs', result, control: was } });
  k.emit({
    kind: 'exregs',
    thread: self.name,
    dest,
    destName: target.name,
    control,
    aborted: abort && w !== null ? w.phase : null,
  });
  if (!abort || w === null) return;
  const woken = w.locked ? abortLocked(k, d) : [cancel(k, d)];
  const best = woken.reduce((a, b) => (k.thread(b).priority > k.thread(a).priority ? b : a));
  if (k.current === t && k.thread(best).priority > self.priority) {
    preemptCurrent(k, true);
    runThread(k, best, 'wakeup', false);
  }
}

/** An IPC that had not started: canceled (unwind of `polling` / `waiting_*`). */
function cancel(k: Draft, i: ThreadIndex): ThreadIndex {
  const w = k.thread(i).wait;
  if (w === null) return i;
  cancelTimeout(k, i);
  if (w.phase === 'send' && w.partner !== null) {
    const r = w.partner;
    k.update(r, { sendQueue: k.thread(r).sendQueue.filter((s) => s !== i) });
  }
  ipcFail(k, i, w.call, w.phase, IPC_ERROR.canceled, w.partner, unwindTag(k, i, w.phase));
  wakeReady(k, i, 'ipc.cancel');
  return i;
}

/** A locked transfer (`locked_running` / `locked_waiting`): both sides get aborted, offset 0. */
function abortLocked(k: Draft, i: ThreadIndex): ThreadIndex[] {
  const w = k.thread(i).wait;
  const p = w?.partner ?? null;
  if (w === null || p === null) return [i];
  const sender = w.phase === 'send' ? i : p;
  const receiver = sender === i ? p : i;
  // unwind(): the tag both get is the sender's own MR0 with E set.
  const tag = (k.thread(sender).utcb.mrs[0] ?? 0n) | ERROR_TAG;
  for (const [x, phase] of [
    [sender, 'send'],
    [receiver, 'receive'],
  ] as const) {
    const xw = k.thread(x).wait;
    if (xw === null) continue;
    const errorCode = encodeErrorCode({ phase, code: IPC_ERROR.aborted, offset: 0n }, k.abi);
    ipcReturn(k, x, xw.call, tag, 0n, errorCode);
    reportError(k, x, phase, IPC_ERROR.aborted, errorCode, x === sender ? receiver : sender);
    // The locked sender is already ready (it waits to be dispatched); the receiver wakes.
    if (k.thread(x).state === 'ready') enqueueReady(k, x);
    else wakeReady(k, x, 'ipc.cancel');
  }
  return [sender, receiver];
}
