// A FrameSource that remembers the frames it recently produced (least recently used first out), so
// stepping back and forth is a lookup and memory stays proportional to what was viewed.
import type { FrameSource, FrameView, StepSummary } from './viewModel';

export const DEFAULT_CACHE_SIZE = 256;

class Lru<V> {
  private readonly map = new Map<number, V>();
  constructor(private readonly capacity: number) {}

  get(key: number, make: (key: number) => V): V {
    const hit = this.map.get(key);
    if (hit !== undefined) {
      this.map.delete(key);
      this.map.set(key, hit);
      return hit;
    }
    const value = make(key);
    this.map.set(key, value);
    if (this.map.size > this.capacity) {
      const oldest = this.map.keys().next();
      if (!oldest.done) this.map.delete(oldest.value);
    }
    return value;
  }

  get size(): number {
    return this.map.size;
  }
}

/** `source` with its frames and summaries cached; the same index gives the same object. */
export function cachedSource(source: FrameSource, capacity = DEFAULT_CACHE_SIZE): FrameSource {
  const frames = new Lru<FrameView>(capacity);
  const summaries = new Lru<StepSummary>(capacity * 4);
  return {
    meta: source.meta,
    sourceText: source.sourceText,
    length: source.length,
    ...(source.recording ? { recording: true } : {}),
    statechart: source.statechart,
    frame: (index) => frames.get(index, (i) => source.frame(i)),
    summary: (index) => summaries.get(index, (i) => source.summary(i)),
    blocked: (index) => source.blocked(index),
    ...(source.runningAt ? { runningAt: source.runningAt.bind(source) } : {}),
    ...(source.checkpointEvery ? { checkpointEvery: source.checkpointEvery } : {}),
    ...(source.variables ? { variables: source.variables.bind(source) } : {}),
    ...(source.traceText ? { traceText: source.traceText.bind(source) } : {}),
  };
}
