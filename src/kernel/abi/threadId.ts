/**
 * Thread IDs `L4_ThreadId_t` (reference-semantics §6; Pistachio `user/include/l4/types.h`).
 *
 * Global: version in bits 0..13 and thread_no in 14..31 (ia32), or 0..31 and 32..63 (amd64).
 * Local: bits 0..5 zero, local_id in bits 6..W−1. Which form an ID has is decided only by its low
 * 6 bits, exactly as `L4_IsLocalId` / `L4_IsGlobalId` do.
 */
import { bits, toWord, wordBits, wordMask } from './word';
import { asThreadId } from './kindedWords';
import type { ThreadIdWord } from './kindedWords';
import type { Abi, Word } from './word';

export const NILTHREAD: Word = 0n;

/** Width of the version field: 14 (ia32) or 32 (amd64). */
export function versionBits(abi: Abi): number {
  return abi === 'amd64' ? 32 : 14;
}

/** Width of the thread_no field: 18 (ia32) or 32 (amd64). */
export function threadNoBits(abi: Abi): number {
  return wordBits(abi) - versionBits(abi);
}

/** `L4_GlobalId(threadno, version)`: both fields wrap to their widths. */
export function globalId(threadNo: bigint, version: bigint, abi: Abi): ThreadIdWord {
  const vb = versionBits(abi);
  return asThreadId(
    toWord(
      (BigInt.asUintN(threadNoBits(abi), threadNo) << BigInt(vb)) | BigInt.asUintN(vb, version),
      abi,
    ),
  );
}

/** `L4_ThreadNo`: the global thread_no field, whatever form the ID has. */
export function threadNo(raw: Word, abi: Abi): bigint {
  return bits(raw, versionBits(abi), threadNoBits(abi));
}

/** `L4_Version`: the global version field, whatever form the ID has. */
export function threadVersion(raw: Word, abi: Abi): bigint {
  return bits(raw, 0, versionBits(abi));
}

/** `L4_IsGlobalId`: low 6 bits non-zero. */
export function isGlobalId(raw: Word): boolean {
  return (raw & 0x3fn) !== 0n;
}

/** `L4_IsLocalId`: low 6 bits zero. The nil thread and a version like 64 count as local. */
export function isLocalId(raw: Word): boolean {
  return (raw & 0x3fn) === 0n;
}

/** The local_id field (bits 6..W−1). */
export function localIdOf(raw: Word, abi: Abi): bigint {
  return bits(raw, 6, wordBits(abi) - 6);
}

/** `L4_IsNilThread`. */
export function isNilThread(raw: Word): boolean {
  return raw === 0n;
}

/** `L4_anythread`: all ones. */
export function anythread(abi: Abi): ThreadIdWord {
  return asThreadId(wordMask(abi));
}

/** `L4_anylocalthread`: local_id all ones, low 6 bits zero. */
export function anylocalthread(abi: Abi): ThreadIdWord {
  return asThreadId(wordMask(abi) & ~0x3fn);
}
