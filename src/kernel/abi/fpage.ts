/**
 * Flexpages `L4_Fpage_t` (reference-semantics §7; Pistachio `user/include/l4/types.h`).
 *
 * Bits 0..2 rwx, bit 3 extended (reserved), bits 4..9 s = log2(size), bits 10..W−1 base >> 10.
 * Constructors keep the header's behaviour: the base is not masked (bit 3 and bits 10..s−1 stay),
 * `L4_Fpage` rounds the size up to a power of two, and s wraps to its 6-bit field.
 */
import { bits, toWord, wordBits } from './word';
import { asFpage } from './kindedWords';
import type { FpageWord } from './kindedWords';
import type { Abi, Word } from './word';

export const NILPAGE: Word = 0n;
export const COMPLETE_ADDRESS_SPACE: Word = 0x10n;

export const RIGHTS = {
  readable: 4,
  writable: 2,
  executable: 1,
  fullyAccessible: 7,
  readWriteOnly: 6,
  readExecOnly: 5,
  noAccess: 0,
} as const;

/** Bits 0..2 (rwx) and 4..9 (s): what the constructors assign. */
const RWX_AND_S = 0x3f7n;

function rwx(rights: number): bigint {
  return BigInt.asUintN(3, BigInt(Math.trunc(rights)));
}

/** `L4_FpageLog2(base, s)`: raw = base, then s and rwx = 0 assigned. */
export function fpageLog2(base: bigint, sizeLog2: number, abi: Abi): FpageWord {
  const s = BigInt.asUintN(6, BigInt(Math.trunc(sizeLog2)));
  return asFpage((toWord(base, abi) & ~RWX_AND_S) | (s << 4n));
}

/** `__L4_Msb` (x86 `bsr`): index of the highest set bit. Undefined for 0 in C; 0 here. */
function msb(value: bigint): number {
  return value === 0n ? 0 : value.toString(2).length - 1;
}

/** `L4_Fpage(base, size)`: s = ⌈log2 size⌉ (4097 → 13), then as `fpageLog2`. Size 0 gives s = 0. */
export function fpage(base: bigint, size: bigint, abi: Abi): FpageWord {
  const sz = toWord(size, abi);
  const m = msb(sz);
  const s = 1n << BigInt(m) < sz ? m + 1 : m;
  return fpageLog2(base, s, abi);
}

/** `L4_FpageAddRights`: rwx |= rights. */
export function fpageAddRights(f: Word, rights: number, abi: Abi): FpageWord {
  return asFpage(toWord(f | rwx(rights), abi));
}

/** `L4_FpageRemoveRights`: rwx &= ~rights. */
export function fpageRemoveRights(f: Word, rights: number, abi: Abi): FpageWord {
  return asFpage(toWord(f & ~rwx(rights), abi));
}

/** `L4_Set_Rights`: rwx = rights. */
export function fpageSetRights(f: Word, rights: number, abi: Abi): FpageWord {
  return asFpage(toWord((f & ~7n) | rwx(rights), abi));
}

/** `L4_Rights`. */
export function fpageRights(f: Word): number {
  return Number(bits(f, 0, 3));
}

/** `L4_SizeLog2`: the s field. */
export function fpageSizeLog2(f: Word): number {
  return Number(bits(f, 4, 6));
}

/** Bit 3: reserved; constructors leave it from the base. The kernel ignores it for memory fpages. */
export function fpageExtended(f: Word): boolean {
  return bits(f, 3, 1) === 1n;
}

/**
 * An x86 I/O fpage: the size field (bits 4–9) is 2 (Pistachio `kernel/src/glue/v4-x86/io_fpage.h`,
 * `arch_fpage_t::is_valid_page()`, `x.io.two == 2`); bit 3 plays no part.
 */
export function fpageIsIo(f: Word): boolean {
  return fpageSizeLog2(f) === 2;
}

/** `1UL << s` as x86 computes it: the shift count is taken modulo W. */
function onesBelow(s: number, abi: Abi): bigint {
  return toWord(1n << BigInt(s % wordBits(abi)), abi);
}

/** `L4_Address`: `raw & ~((1 << s) − 1)` — size-aligned; keeps s bits when s < 10 (e.g. 0x10). */
export function fpageAddress(f: Word, abi: Abi): bigint {
  return toWord(f & ~(onesBelow(fpageSizeLog2(f), abi) - 1n), abi);
}

/** `L4_Size`: 0 when s = 0, else `1 << s` (the complete space gives 2, as the header does). */
export function fpageSize(f: Word, abi: Abi): bigint {
  const s = fpageSizeLog2(f);
  return s === 0 ? 0n : onesBelow(s, abi);
}

/** `L4_IsNilFpage`: raw == 0. */
export function fpageIsNil(f: Word): boolean {
  return f === 0n;
}

/** The kernel's `is_complete_fpage()`: s = 1 and base = 0 (rights and bit 3 ignored). */
export function fpageIsComplete(f: Word): boolean {
  return fpageSizeLog2(f) === 1 && f >> 10n === 0n;
}
