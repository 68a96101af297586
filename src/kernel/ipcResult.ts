/**
 * How an IPC returns to its caller: the tag, written into the UTCB's MR0 on every ABI (Pistachio
 * `kernel/src/api/v4/tcb.h`, `tcb_t::set_tag` is `set_mr(0, tag)`; the ia32 fast path stores MR0
 * into the destination UTCB, `kernel/src/glue/v4-x86/x32/trap.S`, "store MR0"), the `*from` value
 * (only when FromSpecifier ≠ nilthread, as the wrapper tests), and on failure the ErrorCode TCR.
 */
import { ERROR_TAG } from './abi/msgTag';
import { encodeErrorCode, errorCodeName } from './abi/errorCode';
import { asMsgTag, asThreadId } from './abi/kindedWords';
import type { Word } from './abi/word';
import { utcbWith } from './program';
import type { Draft } from './draft';
import type { IpcCall, ThreadIndex } from './types';

/** Completes thread `i`'s IPC: result for its program, MR0 = tag, ErrorCode if given. */
export function ipcReturn(
  k: Draft,
  i: ThreadIndex,
  call: IpcCall,
  tag: Word,
  from: Word,
  errorCode: Word | null,
): void {
  const t = k.thread(i);
  let utcb = t.utcb;
  if (utcb.mrs[0] !== tag) {
    const mrs = utcb.mrs.slice();
    mrs[0] = tag;
    utcb = utcbWith(utcb, { mrs });
  }
  if (errorCode !== null && utcb.errorCode !== errorCode) utcb = utcbWith(utcb, { errorCode });
  const written = call.fromSpecifier === 0n ? null : asThreadId(from);
  k.update(i, { utcb, wait: null, resume: { kind: 'ipc', tag: asMsgTag(tag), from: written } });
}

/**
 * Fails thread `i`'s IPC: ErrorCode = (phase, code, offset 0), from = nil, and the tag, which is
 * `error_tag()` = 0x8000 unless given (`unwindTag`).
 */
export function ipcFail(
  k: Draft,
  i: ThreadIndex,
  call: IpcCall,
  phase: 'send' | 'receive',
  code: number,
  partner: ThreadIndex | null,
  tag: Word = ERROR_TAG,
): void {
  const errorCode = encodeErrorCode({ phase, code, offset: 0n }, k.abi);
  ipcReturn(k, i, call, tag, 0n, errorCode);
  reportError(k, i, phase, code, errorCode, partner);
}

/**
 * The tag of thread `i` unwound from an IPC that had not started (a timeout fired, or the partner
 * it waited on went away): Pistachio `kernel/src/api/v4/thread.cc`, `tcb_t::unwind()`. A blocked
 * send (`polling`) returns its own MR0 with E set (e.g. `0x78001` for `0x70001`); a blocked
 * receive returns `error_tag()` = `0x8000`.
 */
export function unwindTag(k: Draft, i: ThreadIndex, phase: 'send' | 'receive'): Word {
  return phase === 'send' ? (k.thread(i).utcb.mrs[0] ?? 0n) | ERROR_TAG : ERROR_TAG;
}

export function reportError(
  k: Draft,
  i: ThreadIndex,
  phase: 'send' | 'receive',
  code: number,
  errorCode: Word,
  partner: ThreadIndex | null,
): void {
  k.emit({
    kind: 'ipc.error',
    thread: k.name(i),
    phase,
    code,
    name: errorCodeName(code),
    errorCode,
    partner: k.nameOrNull(partner),
  });
}

/** Prepares the receive-timeout error code, as Pistachio does whenever a receive arms a timeout. */
export function prepareReceiveTimeout(k: Draft, i: ThreadIndex, code: number): void {
  const errorCode = encodeErrorCode({ phase: 'receive', code, offset: 0n }, k.abi);
  const t = k.thread(i);
  if (t.utcb.errorCode !== errorCode) k.update(i, { utcb: { ...t.utcb, errorCode } });
}
