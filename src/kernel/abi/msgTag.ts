/**
 * The message tag `L4_MsgTag_t` held in MR0 (reference-semantics §1; Pistachio `user/include/l4/message.h`).
 *
 * raw = `label << 16 | flags << 12 | t << 6 | u`. The label is 16 bits on ia32 and 48 bits on amd64.
 * Every field is a C bitfield: out-of-range values wrap silently to the field width.
 */
import { bits, toWord, wordBits } from './word';
import { asMsgTag } from './kindedWords';
import type { MsgTagWord } from './kindedWords';
import type { Abi, Word } from './word';

export interface MsgTag {
  /** Protocol label: 16 bits (ia32) or 48 bits (amd64). */
  label: bigint;
  /** Untyped words MR1..MRu, 0..63. */
  u: number;
  /** Typed-item words after the untyped ones, 0..63. */
  t: number;
  /** The 4-bit flags field: 1 propagated, 2 redirected, 4 xcpu, 8 error. */
  flags: number;
}

export const MSGTAG_FLAGS = { propagated: 1, redirected: 2, xcpu: 4, error: 8 } as const;

/** `msg_tag_t::error_tag()`: label 0, u = t = 0, E set. */
export const ERROR_TAG: Word = 0x8000n;

/** Width of the label field: W − 16. */
export function labelBits(abi: Abi): number {
  return wordBits(abi) - 16;
}

/** A value assigned to a `width`-bit C bitfield: wrapped modulo 2^width. */
function field(value: number | bigint, width: number): bigint {
  return BigInt.asUintN(width, BigInt(value));
}

export function encodeMsgTag(tag: MsgTag, abi: Abi): MsgTagWord {
  const raw =
    (field(tag.label, labelBits(abi)) << 16n) |
    (field(tag.flags, 4) << 12n) |
    (field(tag.t, 6) << 6n) |
    field(tag.u, 6);
  return asMsgTag(toWord(raw, abi));
}

export function decodeMsgTag(raw: Word, abi: Abi): MsgTag {
  const w = toWord(raw, abi);
  return {
    label: bits(w, 16, labelBits(abi)),
    u: Number(bits(w, 0, 6)),
    t: Number(bits(w, 6, 6)),
    flags: Number(bits(w, 12, 4)),
  };
}

/** `L4_IpcFailed`: the E flag (bit 15). */
export function ipcFailed(raw: Word): boolean {
  return (raw & 0x8000n) !== 0n;
}

/** `L4_IpcSucceeded`: E clear. */
export function ipcSucceeded(raw: Word): boolean {
  return !ipcFailed(raw);
}

/** `L4_IpcPropagated`: p (bit 12). */
export function ipcPropagated(raw: Word): boolean {
  return (raw & 0x1000n) !== 0n;
}

/** `L4_IpcRedirected`: r (bit 13). */
export function ipcRedirected(raw: Word): boolean {
  return (raw & 0x2000n) !== 0n;
}

/** `L4_IpcXcpu`: X (bit 14). */
export function ipcXcpu(raw: Word): boolean {
  return (raw & 0x4000n) !== 0n;
}

/** The partner's tag with E set, as the kernel reports a failed transfer. */
export function withErrorFlag(raw: Word): MsgTagWord {
  return asMsgTag(raw | 0x8000n);
}

/** Kernel `clear_receive_flags()`: `raw &= ~(0xe << 12)` — r, X and E cleared, p kept. */
export function clearReceiveFlags(raw: Word): MsgTagWord {
  return asMsgTag(raw & ~(0xen << 12n));
}

/** The number of message registers a tag occupies beyond MR0: u + t. */
export function msgTagWords(raw: Word): number {
  return Number(bits(raw, 0, 6) + bits(raw, 6, 6));
}
