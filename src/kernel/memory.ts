/**
 * Memory contents: the words an address space holds, in 4 KiB pages (`MIN_PAGE_LOG2`), sparse —
 * only pages that were written exist, every other word reads 0. Plain data keyed by the page's
 * base in hex, replaced on write (a write copies only the one page it touches).
 *
 * The model keeps contents per address space, not per physical frame: a map copies the pages it
 * passes into the receiver (what the receiver sees at that moment; later writes by either side
 * stay in their own space), a grant moves them (the sender's copy goes with its mapping). Reading
 * needs a mapping with the r right, writing one with w (docs/kernel.md, Memory contents).
 */
import type { Abi, Word } from './abi/word';
import { hex } from './abi/word';
import type { MappedRegion } from './effects';
import { MIN_PAGE_LOG2 } from './mapping';
import type { Mapping } from './types';

export type Memory = Readonly<Record<string, readonly Word[]>>;

export const EMPTY_MEMORY: Memory = {};

const PAGE = 1n << BigInt(MIN_PAGE_LOG2);

function wordSize(abi: Abi): bigint {
  return abi === 'amd64' ? 8n : 4n;
}

function pageWords(abi: Abi): number {
  return Number(PAGE / wordSize(abi));
}

/** Why `n` words at `addr` cannot be accessed with `right` (4 read, 2 write), or null. */
export function accessError(
  mappings: readonly Mapping[],
  addr: Word,
  n: number,
  right: 4 | 2,
  abi: Abi,
): string | null {
  const size = wordSize(abi);
  if (addr % size !== 0n) return `address ${hex(addr)} is not word-aligned`;
  const end = addr + BigInt(n) * size;
  for (let a = addr; a < end; a = (a / PAGE + 1n) * PAGE) {
    const m = mappings.find((x) => x.base <= a && a < x.base + (1n << BigInt(x.sizeLog2)));
    const what = right === 4 ? 'read' : 'write';
    if (m === undefined) return `address ${hex(a)} is not mapped in this address space`;
    if ((m.rights & right) === 0) return `address ${hex(a)} is mapped without the right to ${what}`;
  }
  return null;
}

export function readWords(memory: Memory, addr: Word, n: number, abi: Abi): Word[] {
  const size = wordSize(abi);
  const out: Word[] = [];
  for (let i = 0; i < n; i++) {
    const a = addr + BigInt(i) * size;
    const page = memory[hex((a / PAGE) * PAGE)];
    out.push(page?.[Number((a % PAGE) / size)] ?? 0n);
  }
  return out;
}

export function writeWords(memory: Memory, addr: Word, words: readonly Word[], abi: Abi): Memory {
  if (words.length === 0) return memory;
  const size = wordSize(abi);
  const per = pageWords(abi);
  const next: Record<string, Word[]> = {};
  words.forEach((w, i) => {
    const a = addr + BigInt(i) * size;
    const key = hex((a / PAGE) * PAGE);
    const page = (next[key] ??= (memory[key] ?? new Array<Word>(per).fill(0n)).slice());
    page[Number((a % PAGE) / size)] = w;
  });
  return { ...memory, ...next };
}

/** The pages of `memory` in [base, base + 2^sizeLog2), keyed by their offset from base. */
function pagesIn(memory: Memory, base: Word, sizeLog2: number): [bigint, readonly Word[]][] {
  const end = base + (1n << BigInt(sizeLog2));
  return Object.entries(memory)
    .map(([k, page]): [bigint, readonly Word[]] => [BigInt(k), page])
    .filter(([at]) => at >= base && at < end)
    .map(([at, page]) => [at - base, page]);
}

/**
 * Carries the contents of mapped regions from sender to receiver: the receiver's pages in each
 * destination are replaced by the sender's (copied); on a grant the sender's pages go.
 */
export function carryMemory(
  from: Memory,
  to: Memory,
  regions: readonly MappedRegion[],
  grant: boolean,
): { readonly from: Memory; readonly to: Memory } {
  if (regions.length === 0) return { from, to };
  const sender: Record<string, readonly Word[]> = { ...from };
  const receiver: Record<string, readonly Word[]> = { ...to };
  for (const r of regions) {
    for (const [offset] of pagesIn(to, r.dst, r.sizeLog2)) delete receiver[hex(r.dst + offset)];
    for (const [offset, page] of pagesIn(from, r.src, r.sizeLog2)) {
      receiver[hex(r.dst + offset)] = page;
      if (grant) delete sender[hex(r.src + offset)];
    }
  }
  return { from: sender, to: receiver };
}

/** Written pages, in address order (for the servers panel and the Cap'n Proto panel). */
export function writtenPages(
  memory: Memory,
): { readonly base: Word; readonly words: readonly Word[] }[] {
  return Object.entries(memory)
    .map(([k, words]) => ({ base: BigInt(k), words }))
    .sort((a, b) => (a.base < b.base ? -1 : a.base > b.base ? 1 : 0));
}
