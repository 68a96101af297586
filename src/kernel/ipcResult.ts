/**
 * How an IPC returns to its caller: the tag (also written to MR0 on amd64, where the wrapper stores
 * the returned MR0 back into the UTCB; on ia32 the wrapper returns MR0 in a register and UTCB[0]
 * keeps the old tag — reference-semantics §3), the `*from` value (only when FromSpecifier ≠ nilthread, as
 * the wrapper tests), and on failure the ErrorCode TCR.
 */
import { ERROR_TAG } from './abi/msgTag';
import { encodeErrorCode, errorCodeName } from './abi/errorCode';
import { asMsgTag, asThreadId } from './abi/kindedWords';
import type { Word } from './abi/word';
import type { Draft } from './draft';
import type { IpcCall, ThreadIndex } from './types';

/** Completes thread `i`'s IPC: result for its program, MR0 (amd64), ErrorCode if given. */
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
  if (k.abi === 'amd64' && utcb.mrs[0] !== tag) {
    const mrs = utcb.mrs.slice();
    mrs[0] = tag;
    utcb = { ...utcb, mrs };
  }
  if (errorCode !== null && utcb.errorCode !== errorCode) utcb = { ...utcb, errorCode };
  const written = call.fromSpecifier === 0n ? null : asThreadId(from);
  k.update(i, { utcb, wait: null, resume: { kind: 'ipc', tag: asMsgTag(tag), from: written } });
}

/** Fails thread `i`'s IPC: tag 0x8000 (E set), ErrorCode = (phase, code, offset 0), from = nil. */
export function ipcFail(
  k: Draft,
  i: ThreadIndex,
  call: IpcCall,
  phase: 'send' | 'receive',
  code: number,
  partner: ThreadIndex | null,
): void {
  const errorCode = encodeErrorCode({ phase, code, offset: 0n }, k.abi);
  ipcReturn(k, i, call, ERROR_TAG, 0n, errorCode);
  reportError(k, i, phase, code, errorCode, partner);
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
