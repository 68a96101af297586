/**
 * The memory server's heap: first-fit allocation over the region declared with `// @heap`, block
 * sizes rounded up to 16 bytes, neighbouring free blocks merged. Plain data, a new value per change.
 */
import type { Word } from '../../kernel/abi/word';

export interface HeapBlock {
  readonly base: Word;
  readonly size: Word;
  /** The thread the block was allocated for; null for free space. */
  readonly owner: Word | null;
}

export interface HeapState {
  readonly base: Word;
  readonly size: Word;
  /** Contiguous, in address order, covering the whole region. */
  readonly blocks: readonly HeapBlock[];
}

export const HEAP_ALIGN = 16n;

export function newHeap(base: Word, size: Word): HeapState {
  return { base, size, blocks: [{ base, size, owner: null }] };
}

/** First fit. Returns the block's address, or 0 (and the heap unchanged) when nothing fits or size is 0. */
export function heapAlloc(
  heap: HeapState,
  size: Word,
  owner: Word,
): { heap: HeapState; addr: Word } {
  if (size === 0n) return { heap, addr: 0n };
  const need = ((size + HEAP_ALIGN - 1n) / HEAP_ALIGN) * HEAP_ALIGN;
  const i = heap.blocks.findIndex((b) => b.owner === null && b.size >= need);
  const free = heap.blocks[i];
  if (free === undefined) return { heap, addr: 0n };
  const used: HeapBlock = { base: free.base, size: need, owner };
  const rest: HeapBlock[] =
    free.size > need ? [{ base: free.base + need, size: free.size - need, owner: null }] : [];
  const blocks = [...heap.blocks.slice(0, i), used, ...rest, ...heap.blocks.slice(i + 1)];
  return { heap: { ...heap, blocks }, addr: free.base };
}

/** Frees the block starting at `addr`. Null when no allocated block starts there. */
export function heapFree(
  heap: HeapState,
  addr: Word,
): { heap: HeapState; block: HeapBlock } | null {
  const i = heap.blocks.findIndex((b) => b.owner !== null && b.base === addr);
  const block = heap.blocks[i];
  if (block === undefined) return null;
  let start = i;
  let end = i + 1;
  let base = block.base;
  let size = block.size;
  const before = heap.blocks[i - 1];
  if (before !== undefined && before.owner === null) {
    start--;
    base = before.base;
    size += before.size;
  }
  const after = heap.blocks[i + 1];
  if (after !== undefined && after.owner === null) {
    end++;
    size += after.size;
  }
  const blocks = [
    ...heap.blocks.slice(0, start),
    { base, size, owner: null },
    ...heap.blocks.slice(end),
  ];
  return { heap: { ...heap, blocks }, block };
}
