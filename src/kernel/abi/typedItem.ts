/**
 * Typed message items: map, grant and string items, each two words (reference-semantics §7; Pistachio
 * `user/include/l4/message.h`).
 *
 * Word 0: bit 0 C (another item follows), bits 1..3 type (100b map, 101b grant, 0xx string,
 * 110b control transfer), then per type: map/grant bits 10..W−1 = SndBase >> 10; string bits 4..8 =
 * j (substrings − 1), bit 9 = c (compound), bits 10..W−1 = length. Word 1: the send fpage, or the
 * string pointer.
 */
import { bits, toWord, wordBits } from './word';
import type { Abi, Word } from './word';

export type TypedItemType = 'map' | 'grant' | 'string' | 'ctrlxfer' | 'unknown';

export interface DecodedTypedItem {
  type: TypedItemType;
  /** `snd_base << 10` = w0 with bits 0..9 cleared. */
  sndBase: bigint;
  /** Word 1 (the send fpage of a map or grant item). */
  fpage: Word;
  /** C: another typed item follows. */
  continuation: boolean;
  /** String items only: the string length (bits 10..W−1). */
  length?: bigint;
  /** String items only: the (first) string pointer (word 1). */
  ptr?: bigint;
  /** String items only: `L4_Substrings` = j + 1. */
  substrings?: number;
  /** String items only: c, a compound string. */
  compound?: boolean;
}

const TYPE_MAP = 0x8n;
const TYPE_GRANT = 0xan;

function sendItem(type: bigint, fpageRaw: Word, sndBase: bigint, abi: Abi): readonly [Word, Word] {
  return [toWord((toWord(sndBase, abi) & ~0x3ffn) | type, abi), toWord(fpageRaw, abi)];
}

/** `L4_MapItem(f, SndBase)`: `[(SndBase & ~0x3ff) | 0x8, f]`, C = 0. */
export function mapItem(fpage: Word, sndBase: bigint, abi: Abi): readonly [Word, Word] {
  return sendItem(TYPE_MAP, fpage, sndBase, abi);
}

/** `L4_GrantItem(f, SndBase)`: `[(SndBase & ~0x3ff) | 0xa, f]`, C = 0. */
export function grantItem(fpage: Word, sndBase: bigint, abi: Abi): readonly [Word, Word] {
  return sendItem(TYPE_GRANT, fpage, sndBase, abi);
}

/**
 * `L4_StringItem(size, ptr)`: `[size << 10, ptr]`. The header takes the size as a C `int`, so it is
 * first truncated to 32 bits (signed) and then wrapped to the W−10-bit length field.
 */
export function stringItem(length: bigint, ptr: bigint, abi: Abi): readonly [Word, Word] {
  const len = BigInt.asUintN(wordBits(abi) - 10, BigInt.asIntN(32, length));
  return [toWord(len << 10n, abi), toWord(ptr, abi)];
}

/** The C bit (bit 0) set on word 0: another typed item follows. */
export function withContinuation(w0: Word): Word {
  return w0 | 1n;
}

function itemType(w0: Word): TypedItemType {
  const type = bits(w0, 1, 3);
  if ((type & 4n) === 0n) return 'string';
  if (type === 4n) return 'map';
  if (type === 5n) return 'grant';
  if (type === 6n) return 'ctrlxfer';
  return 'unknown';
}

/** Reads a typed item the way `L4_IsMapItem` / `L4_IsGrantItem` / `L4_IsStringItem` classify it. */
export function decodeTypedItem(w0: Word, w1: Word, abi: Abi): DecodedTypedItem {
  const a = toWord(w0, abi);
  const b = toWord(w1, abi);
  const type = itemType(a);
  const base = {
    type,
    sndBase: a & ~0x3ffn,
    fpage: b,
    continuation: (a & 1n) === 1n,
  };
  if (type !== 'string') return base;
  return {
    ...base,
    length: bits(a, 10, wordBits(abi) - 10),
    ptr: b,
    substrings: Number(bits(a, 4, 5)) + 1,
    compound: bits(a, 9, 1) === 1n,
  };
}
