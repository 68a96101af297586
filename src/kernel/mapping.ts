/**
 * Address-space regions and the X.2 map/grant placement rule.
 *
 * Regions are size-aligned powers of two (fpages), so two regions either nest or are disjoint.
 * Placement (send fpage 2^s, receive window 2^r):
 *  - s ≤ r: the fpage lands at window base + (SndBase mod 2^r), aligned down to 2^s;
 *  - s > r: only the window-sized part of the fpage around SndBase is mapped, at the window base;
 *  - a CompleteAddressSpace window is the whole space at base 0, i.e. the same address.
 * Only what the sender has mapped is passed, with at most the rights it has there; what lands on
 * existing mappings of the receiver replaces them. A grant removes what it passed from the sender;
 * a grant larger than the window flushes the whole send fpage (Pistachio `ipcx.cc`). Who got what
 * from whom (the mapping tree) is kept by `mdb.ts`; a piece cut from a region keeps its source.
 */
import { fpageAddress, fpageIsComplete, fpageRights, fpageSizeLog2 } from './abi/fpage';
import { wordBits } from './abi/word';
import type { Abi, Word } from './abi/word';
import type { MappedRegion } from './effects';
import type { Mapping } from './types';

/** Smallest page the model maps: 4 KiB (x86). Smaller fpages and windows map nothing. */
export const MIN_PAGE_LOG2 = 12;

export interface Range {
  readonly base: Word;
  readonly sizeLog2: number;
}

const size = (r: Range): bigint => 1n << BigInt(r.sizeLog2);
const end = (r: Range): bigint => r.base + size(r);

export function overlaps(a: Range, b: Range): boolean {
  return a.base < end(b) && b.base < end(a);
}

export function contains(outer: Range, inner: Range): boolean {
  return outer.base <= inner.base && end(inner) <= end(outer);
}

/** The overlap of two aligned regions: the smaller one when they nest, else null. */
export function intersect(a: Range, b: Range): Range | null {
  if (!overlaps(a, b)) return null;
  return a.sizeLog2 <= b.sizeLog2 ? { base: a.base, sizeLog2: a.sizeLog2 } : b;
}

/** `m` without `hole`: the aligned pieces of m around it (halving m until the hole is cut out). */
function carve(m: Mapping, hole: Range): Mapping[] {
  if (!overlaps(m, hole)) return [m];
  if (contains(hole, m)) return [];
  const half = m.sizeLog2 - 1;
  const step = 1n << BigInt(half);
  const low: Mapping = { ...m, sizeLog2: half };
  const high: Mapping = {
    ...m,
    base: m.base + step,
    sizeLog2: half,
    ...(m.from === undefined ? {} : { from: { space: m.from.space, base: m.from.base + step } }),
  };
  return [...carve(low, hole), ...carve(high, hole)];
}

/** Removes everything inside `range`. */
export function unmapRange(mappings: readonly Mapping[], range: Range): Mapping[] {
  return mappings.flatMap((m) => carve(m, range));
}

/** Adds `m`, replacing whatever was mapped there; keeps the list sorted by base. */
export function mapRegion(mappings: readonly Mapping[], m: Mapping): Mapping[] {
  const rest = unmapRange(mappings, m);
  const at = rest.findIndex((x) => x.base > m.base);
  return at < 0 ? [...rest, m] : [...rest.slice(0, at), m, ...rest.slice(at)];
}

/** An fpage word as a region; CompleteAddressSpace is the whole W-bit space. */
export function fpageRange(f: Word, abi: Abi): Range {
  if (fpageIsComplete(f)) return { base: 0n, sizeLog2: wordBits(abi) };
  return { base: fpageAddress(f, abi), sizeLog2: fpageSizeLog2(f) };
}

/** The X.2 placement rule: which part of the send fpage is mapped, and where it lands. */
export function placeFpage(
  snd: Range,
  sndBase: Word,
  window: Range,
): { readonly src: Range; readonly dst: Word } {
  const s = BigInt(snd.sizeLog2);
  const r = BigInt(window.sizeLog2);
  if (snd.sizeLog2 <= window.sizeLog2) {
    const offset = sndBase & ((1n << r) - 1n);
    return { src: snd, dst: (window.base + offset) & ~((1n << s) - 1n) };
  }
  const offset = sndBase & ((1n << s) - 1n) & ~((1n << r) - 1n);
  return { src: { base: snd.base + offset, sizeLog2: window.sizeLog2 }, dst: window.base };
}

export interface MapResult {
  readonly sender: readonly Mapping[];
  readonly receiver: readonly Mapping[];
  readonly regions: readonly MappedRegion[];
}

/**
 * Maps (or grants) send fpage `fpage` with hotspot `sndBase` into the receive window `window`.
 * `sameSpace`: sender and receiver share one address space (`receiver` is ignored then).
 */
export function mapFpage(
  sender: readonly Mapping[],
  receiver: readonly Mapping[],
  sameSpace: boolean,
  item: { readonly fpage: Word; readonly sndBase: Word; readonly grant: boolean },
  window: Word,
  abi: Abi,
): MapResult {
  const snd = fpageRange(item.fpage, abi);
  const win = fpageRange(window, abi);
  if (snd.sizeLog2 < MIN_PAGE_LOG2 || win.sizeLog2 < MIN_PAGE_LOG2) {
    return { sender, receiver, regions: [] };
  }
  const { src, dst } = placeFpage(snd, item.sndBase, win);
  const allowed = fpageRights(item.fpage);
  const regions: MappedRegion[] = [];
  for (const m of sender) {
    const piece = intersect(m, src);
    const rights = m.rights & allowed;
    if (piece === null || rights === 0) continue;
    regions.push({
      src: piece.base,
      dst: dst + (piece.base - src.base),
      sizeLog2: piece.sizeLog2,
      rights,
    });
  }
  let from: readonly Mapping[] = sender;
  if (item.grant) {
    // A grant larger than the window flushes the whole send fpage from the sender (ipcx.cc).
    if (snd.sizeLog2 > win.sizeLog2) from = unmapRange(from, snd);
    else for (const r of regions) from = unmapRange(from, { base: r.src, sizeLog2: r.sizeLog2 });
  }
  let to: readonly Mapping[] = sameSpace ? from : receiver;
  for (const r of regions)
    to = mapRegion(to, { base: r.dst, sizeLog2: r.sizeLog2, rights: r.rights });
  return sameSpace
    ? { sender: to, receiver: to, regions }
    : { sender: from, receiver: to, regions };
}
