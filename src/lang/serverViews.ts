/** What the UI draws of a thread's server helpers: pure views of its program state. */
import type { Word } from '../kernel/abi/word';
import type { LangState } from './vm/state';

export interface HeapBlockView {
  readonly base: Word;
  readonly size: Word;
  /** The thread the block was allocated for; null for free space. */
  readonly owner: Word | null;
  readonly free: boolean;
}

export interface HeapView {
  readonly base: Word;
  readonly size: Word;
  /** In address order, covering the whole heap. */
  readonly blocks: readonly HeapBlockView[];
}

/** The thread's heap (`// @heap`), or null when it has none. */
export function heapView(state: LangState): HeapView | null {
  const heap = state.heap;
  if (heap === null) return null;
  return {
    base: heap.base,
    size: heap.size,
    blocks: heap.blocks.map((b) => ({
      base: b.base,
      size: b.size,
      owner: b.owner,
      free: b.owner === null,
    })),
  };
}

/** The run queue (`rq_push` / `rq_pop`), head first. */
export function runQueueView(state: LangState): readonly Word[] {
  return state.runQueue;
}
