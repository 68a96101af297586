/**
 * The acceptor `L4_Acceptor_t` in BR0 (reference-semantics §7; Pistachio `user/include/l4/message.h`).
 *
 * Bit 0 s (accept string items), bit 1 c (accept control-transfer items, a Pistachio extension),
 * bits 2..3 zero, bits 4..W−1 the receive window (bits 4.. of an fpage; 0 = no map/grant items).
 */
import { toWord } from './word';
import type { Abi, Word } from './word';

export const UNTYPED_WORDS_ACCEPTOR: Word = 0n;
export const STRING_ITEMS_ACCEPTOR: Word = 1n;
export const CTRL_XFER_ACCEPTOR: Word = 2n;

/**
 * `L4_MapGrantItems(window)`: the window fpage with bits 0, 2 and 3 cleared. Bit 1 is NOT cleared,
 * so a window with W rights silently sets the ctrl-xfer accept bit (0x100147 → 0x100142).
 */
export function mapGrantItems(window: Word, abi: Abi): Word {
  return toWord(window, abi) & ~0xdn;
}

/** `L4_AddAcceptor(l, r)`: s = l.s | r.s, window = r's if non-zero else l's. c is dropped. */
export function addAcceptor(a: Word, b: Word): Word {
  const s = (a | b) & 1n;
  const window = b >> 4n !== 0n ? b >> 4n : a >> 4n;
  return (window << 4n) | s;
}

/** `L4_RemoveAcceptor(l, r)`: clears s if r has s, the window if r has one; c is kept. */
export function removeAcceptor(a: Word, b: Word): Word {
  let result = a;
  if ((b & 1n) !== 0n) result &= ~1n;
  if (b >> 4n !== 0n) result &= 0xfn;
  return result;
}

/** `L4_HasStringItems`: bit 0. */
export function hasStringItems(a: Word): boolean {
  return (a & 1n) === 1n;
}

/** Bit 1: control-transfer items accepted. */
export function hasCtrlXferItems(a: Word): boolean {
  return (a & 2n) === 2n;
}

/** `L4_HasMapGrantItems`: `raw & ~0xf` ≠ 0. */
export function hasMapGrantItems(a: Word): boolean {
  return a >> 4n !== 0n;
}

/** `L4_RcvWindow`: the acceptor read as an fpage with rwx cleared (bit 3 is kept). */
export function rcvWindow(a: Word): Word {
  return a & ~7n;
}
