// The memory server's heap as a bar of blocks: each allocated block where its address puts it, and
// the free space between them. Pure: D3's linear scale maps addresses to x.
import { linearScale } from './scale';
import type { HeapView } from '../../store/viewModel';

export interface HeapSegment {
  readonly start: bigint;
  readonly size: bigint;
  /** Owner thread, or null for free space. */
  readonly owner: string | null;
  readonly x: number;
  readonly width: number;
}

export interface HeapLayout {
  readonly segments: readonly HeapSegment[];
  readonly used: bigint;
  readonly free: bigint;
}

/** Blocks and free gaps over [0, width], in address order; blocks outside the heap are clipped. */
export function heapLayout(heap: HeapView, width: number, minWidth = 3): HeapLayout {
  const end = heap.base + heap.size;
  const x = linearScale([0, Math.max(1, Number(heap.size))], [0, width]);
  const at = (addr: bigint) => x(Number(addr - heap.base));
  const blocks = [...heap.blocks]
    .map((b) => {
      const start = b.start < heap.base ? heap.base : b.start;
      const stop = b.start + b.size > end ? end : b.start + b.size;
      return { start, size: stop - start, owner: b.owner };
    })
    .filter((b) => b.size > 0n)
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const segments: HeapSegment[] = [];
  let cursor = heap.base;
  let used = 0n;
  const push = (start: bigint, size: bigint, owner: string | null) => {
    if (size <= 0n) return;
    const x0 = at(start);
    segments.push({ start, size, owner, x: x0, width: Math.max(minWidth, at(start + size) - x0) });
  };
  for (const b of blocks) {
    if (b.start < cursor) continue;
    push(cursor, b.start - cursor, null);
    push(b.start, b.size, b.owner);
    if (b.owner !== null) used += b.size;
    cursor = b.start + b.size;
  }
  push(cursor, end - cursor, null);
  return { segments, used, free: heap.size - used };
}
