/**
 * Decoding one word kind into the CLI's JSON object (docs/cli.md). Words, addresses,
 * sizes, labels, ids, versions, offsets and µs are `0x…` strings; counts, codes, rights, exponents
 * and mantissas are numbers; flags are booleans. Field order is the documented order.
 */
import { hasCtrlXferItems, hasStringItems, rcvWindow } from './acceptor';
import type { JsonObject } from './abiInput';
import { decodeErrorCode } from './errorCode';
import {
  fpageAddress,
  fpageExtended,
  fpageIsComplete,
  fpageIsNil,
  fpageRights,
  fpageSize,
  fpageSizeLog2,
} from './fpage';
import { decodeMsgTag, MSGTAG_FLAGS } from './msgTag';
import {
  anylocalthread,
  anythread,
  isGlobalId,
  isLocalId,
  isNilThread,
  threadNo,
  threadVersion,
} from './threadId';
import { decodeTime, receiveTimeout, sendTimeout } from './time';
import { decodeTypedItem } from './typedItem';
import { hex } from './word';
import type { Abi, Word } from './word';

export function decodeMsgTagJson(raw: Word, abi: Abi): JsonObject {
  const tag = decodeMsgTag(raw, abi);
  return {
    raw: hex(raw),
    label: hex(tag.label),
    u: tag.u,
    t: tag.t,
    flags: tag.flags,
    propagated: (tag.flags & MSGTAG_FLAGS.propagated) !== 0,
    redirected: (tag.flags & MSGTAG_FLAGS.redirected) !== 0,
    xcpu: (tag.flags & MSGTAG_FLAGS.xcpu) !== 0,
    error: (tag.flags & MSGTAG_FLAGS.error) !== 0,
  };
}

export function decodeThreadIdJson(raw: Word, abi: Abi): JsonObject {
  return {
    raw: hex(raw),
    threadNo: hex(threadNo(raw, abi)),
    version: hex(threadVersion(raw, abi)),
    isGlobal: isGlobalId(raw),
    isLocal: isLocalId(raw),
    isNil: isNilThread(raw),
    isAny: raw === anythread(abi),
    isAnyLocal: raw === anylocalthread(abi),
  };
}

export function decodeFpageJson(raw: Word, abi: Abi): JsonObject {
  return {
    raw: hex(raw),
    address: hex(fpageAddress(raw, abi)),
    size: hex(fpageSize(raw, abi)),
    sizeLog2: fpageSizeLog2(raw),
    rights: fpageRights(raw),
    extended: fpageExtended(raw),
    isNil: fpageIsNil(raw),
    isComplete: fpageIsComplete(raw),
  };
}

export function decodeSendItemJson(w0: Word, w1: Word, abi: Abi): JsonObject {
  const item = decodeTypedItem(w0, w1, abi);
  return {
    words: [hex(w0), hex(w1)],
    sndBase: hex(item.sndBase),
    fpage: hex(item.fpage),
    continuation: item.continuation,
  };
}

export function decodeStringItemJson(w0: Word, w1: Word, abi: Abi): JsonObject {
  const item = decodeTypedItem(w0, w1, abi);
  return {
    words: [hex(w0), hex(w1)],
    length: hex(item.length ?? w0 >> 10n),
    ptr: hex(item.ptr ?? w1),
    continuation: item.continuation,
  };
}

export function decodeAcceptorJson(raw: Word): JsonObject {
  return {
    raw: hex(raw),
    strings: hasStringItems(raw),
    ctrlXfer: hasCtrlXferItems(raw),
    window: hex(rcvWindow(raw)),
  };
}

export function decodeTimeJson(raw: Word): JsonObject {
  const t = decodeTime(raw);
  return {
    raw: hex(raw),
    kind: t.kind,
    exponent: t.exponent,
    mantissa: t.mantissa,
    us: t.us === null ? null : hex(t.us),
  };
}

export function decodeTimeoutsJson(raw: Word): JsonObject {
  return { raw: hex(raw), snd: hex(sendTimeout(raw)), rcv: hex(receiveTimeout(raw)) };
}

export function decodeErrorCodeJson(raw: Word, abi: Abi): JsonObject {
  const e = decodeErrorCode(raw, abi);
  return { raw: hex(raw), phase: e.phase, code: e.code, name: e.name, offset: hex(e.offset) };
}
