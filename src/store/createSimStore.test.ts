import { describe, expect, it } from 'vitest';
import { createSimStore, neighbour } from './createSimStore';
import { fakeFrameSource } from './fake/fakeFrameSource';
import type { FrameSource, FrameView, StepSummary } from './viewModel';

/** A source that counts how often each frame is computed. */
function counting(source: FrameSource): FrameSource & { calls: number[] } {
  const calls: number[] = [];
  return {
    ...source,
    calls,
    frame(i: number): FrameView {
      calls.push(i);
      return source.frame(i);
    },
    summary: (i: number): StepSummary => source.summary(i),
  };
}

describe('createSimStore', () => {
  it('starts empty and does nothing when stepped without a source', () => {
    const store = createSimStore();
    store.getState().next();
    store.getState().play();
    expect(store.getState()).toMatchObject({ cursor: 0, frame: null, playing: false });
  });

  it('loads a source at step 0 and steps forward and back frame by frame', () => {
    const store = createSimStore();
    const source = fakeFrameSource({ threads: 3, steps: 21 });
    store.getState().load(source);
    expect(store.getState().frame?.index).toBe(0);
    store.getState().next();
    store.getState().next();
    expect(store.getState().cursor).toBe(2);
    expect(store.getState().frame).toEqual(source.frame(2));
    store.getState().prev();
    expect(store.getState().cursor).toBe(1);
    store.getState().last();
    expect(store.getState().cursor).toBe(20);
    store.getState().next();
    expect(store.getState().cursor).toBe(20);
    store.getState().first();
    store.getState().prev();
    expect(store.getState().cursor).toBe(0);
  });

  it('never recomputes the run from the start: a jump asks for exactly the frame it shows', () => {
    const store = createSimStore();
    const source = counting(fakeFrameSource({ threads: 16, steps: 10_000 }));
    store.getState().load(source);
    store.getState().seek(9_000);
    store.getState().prev();
    store.getState().next();
    expect(source.calls).toEqual([0, 9_000, 8_999]);
    expect(store.getState().frame?.index).toBe(9_000);
  });

  it('clamps a seek and reports an out-of-range start step with a notice', () => {
    const store = createSimStore();
    store.getState().load(fakeFrameSource({ steps: 11 }), { step: 99 });
    expect(store.getState().cursor).toBe(10);
    expect(store.getState().notice).toMatch(/Step 99 is not in this run.*showing step 10/);
    store.getState().seek(-5);
    expect(store.getState().cursor).toBe(0);
    store.getState().seek(Number.NaN);
    expect(store.getState().cursor).toBe(0);
    store.getState().load(fakeFrameSource({ steps: 11 }), { step: 4, id: 'x' });
    expect(store.getState()).toMatchObject({ cursor: 4, notice: null, scenarioId: 'x' });
  });

  it('by kernel event, next and back skip the frames that are only user statements', () => {
    const source = fakeFrameSource({ threads: 3, steps: 31 });
    const kernelFrames = Array.from({ length: 31 }, (_, i) => i).filter(
      (i) => source.summary(i).kernelEvent,
    );
    expect(kernelFrames.slice(0, 3)).toEqual([3, 5, 8]);
    const store = createSimStore({ granularity: 'kernel' });
    store.getState().load(source);
    store.getState().next();
    expect(store.getState().cursor).toBe(3);
    store.getState().next();
    expect(store.getState().cursor).toBe(5);
    store.getState().prev();
    expect(store.getState().cursor).toBe(3);
    store.getState().prev();
    expect(store.getState().cursor).toBe(0);
    store.getState().setGranularity('statement');
    store.getState().next();
    expect(store.getState().cursor).toBe(1);
  });

  it('neighbour goes to the last frame when no kernel event is left', () => {
    const source = fakeFrameSource({ threads: 3, steps: 30 });
    expect(neighbour(source, 28, 1, 'kernel')).toBe(29);
    expect(neighbour(source, 29, 1, 'kernel')).toBe(29);
  });

  it('play sets a flag that tick consumes, and stops at the end; play at the end restarts', () => {
    const store = createSimStore();
    store.getState().load(fakeFrameSource({ steps: 4 }));
    store.getState().tick();
    expect(store.getState().cursor).toBe(0);
    store.getState().play();
    expect(store.getState().playing).toBe(true);
    store.getState().tick();
    store.getState().tick();
    expect(store.getState()).toMatchObject({ cursor: 2, playing: true });
    store.getState().tick();
    expect(store.getState()).toMatchObject({ cursor: 3, playing: false });
    store.getState().togglePlay();
    expect(store.getState()).toMatchObject({ cursor: 0, playing: true });
    store.getState().next();
    expect(store.getState().playing).toBe(false);
  });

  it('keeps the selection, view options and speed it is given', () => {
    const store = createSimStore({ hidden: ['decoder'], animate: false, speed: 4 });
    expect(store.getState()).toMatchObject({ hidden: ['decoder'], animate: false, speed: 4 });
    store.getState().togglePanel('decoder');
    store.getState().togglePanel('servers');
    expect(store.getState().hidden).toEqual(['servers']);
    store.getState().setSpeed(-1);
    expect(store.getState().speed).toBe(4);
    store.getState().load(fakeFrameSource());
    store.getState().select('client1');
    expect(store.getState().selection).toBe('client1');
    store.getState().load(fakeFrameSource());
    expect(store.getState().selection).toBeNull();
  });
});
