/** Machine words of the two ABIs the reference headers were compiled for. Words are BigInt. */

export type Abi = 'amd64' | 'ia32';
export type Word = bigint;

export const ABIS: readonly Abi[] = ['amd64', 'ia32'];

/** W: 64 on amd64, 32 on ia32. */
export function wordBits(abi: Abi): 32 | 64 {
  return abi === 'amd64' ? 64 : 32;
}

/** All ones in W bits. */
export function wordMask(abi: Abi): Word {
  return abi === 'amd64' ? 0xffff_ffff_ffff_ffffn : 0xffff_ffffn;
}

/** Wraps any integer to a W-bit unsigned word, as C's unsigned arithmetic does. */
export function toWord(value: bigint, abi: Abi): Word {
  return BigInt.asUintN(wordBits(abi), value);
}

// BigInt(n) and 1n << n allocate; fields are read on every step, so shifts and masks are made once.
const SHIFTS: readonly bigint[] = Array.from({ length: 129 }, (_, i) => BigInt(i));
const MASKS: readonly bigint[] = SHIFTS.map((n) => (1n << n) - 1n);

/** An n-bit field at bit `lsb` of `word`. */
export function bits(word: Word, lsb: number, width: number): bigint {
  const shift = SHIFTS[lsb] ?? BigInt(lsb);
  const mask = MASKS[width] ?? (1n << BigInt(width)) - 1n;
  return (word >> shift) & mask;
}

/** `0x` lowercase hex without padding, the one way words are written in JSON and on screen. */
export function hex(value: bigint): string {
  return value < 0n ? `-0x${(-value).toString(16)}` : `0x${value.toString(16)}`;
}

/** A hex string (`0x…`) from the vectors or the user, as a BigInt. */
export function fromHex(text: string): Word {
  return BigInt(text);
}
