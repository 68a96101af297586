import { describe, expect, it } from 'vitest';
import { createSimStore, neighbour } from './createSimStore';
import { kernelFrames, lessonSource, stressSource } from './testSupport/lessonSource';
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
    const source = lessonSource('call-reply');
    const last = source.length - 1;
    store.getState().load(source);
    expect(store.getState().frame?.index).toBe(0);
    store.getState().next();
    store.getState().next();
    expect(store.getState().cursor).toBe(2);
    expect(store.getState().frame).toEqual(source.frame(2));
    store.getState().prev();
    expect(store.getState().cursor).toBe(1);
    store.getState().last();
    expect(store.getState().cursor).toBe(last);
    store.getState().next();
    expect(store.getState().cursor).toBe(last);
    store.getState().first();
    store.getState().prev();
    expect(store.getState().cursor).toBe(0);
  });

  it('never recomputes the run from the start: a jump asks for exactly the frame it shows', () => {
    const store = createSimStore();
    const source = counting(stressSource(16, 10_000));
    store.getState().load(source);
    store.getState().seek(9_000);
    store.getState().prev();
    store.getState().next();
    expect(source.calls).toEqual([0, 9_000, 8_999]);
    expect(store.getState().frame?.index).toBe(9_000);
  });

  it('clamps a seek and reports an out-of-range start step with a notice', () => {
    const store = createSimStore();
    const source = lessonSource('call-reply');
    const last = source.length - 1;
    store.getState().load(source, { step: 999 });
    expect(store.getState().cursor).toBe(last);
    expect(store.getState().notice).toMatch(
      new RegExp(`Step 999 is not in this run.*showing step ${last}`),
    );
    store.getState().seek(-5);
    expect(store.getState().cursor).toBe(0);
    store.getState().seek(Number.NaN);
    expect(store.getState().cursor).toBe(0);
    store.getState().load(source, { step: 4, id: 'x' });
    expect(store.getState()).toMatchObject({ cursor: 4, notice: null, scenarioId: 'x' });
  });

  it("keeps a notice set as kept (a refused file) across a re-run of the same scenario, not another's", () => {
    const store = createSimStore();
    const source = lessonSource('call-reply');
    store.getState().load(source, { id: 'call-reply' });
    store.getState().setNotice('huge.c is too big. Nothing was opened.', true);
    store.getState().load(lessonSource('call-reply'), { id: 'call-reply', step: 3 });
    expect(store.getState().notice).toBe('huge.c is too big. Nothing was opened.');
    store.getState().load(lessonSource('server-loop'), { id: 'server-loop' });
    expect(store.getState()).toMatchObject({ notice: null, noticeKept: false });
    // A plain notice (a failed compile, say) goes with the next run.
    store.getState().setNotice('does not compile');
    store.getState().load(lessonSource('server-loop'), { id: 'server-loop' });
    expect(store.getState().notice).toBeNull();
  });

  it('by kernel event, next and back skip the frames that are only user statements', () => {
    const source = lessonSource('server-loop');
    const [k1, k2] = kernelFrames(source);
    // The lesson's first statements are user code: the first kernel event comes later.
    expect(k1).toBeGreaterThan(1);
    const store = createSimStore({ granularity: 'kernel' });
    store.getState().load(source);
    store.getState().next();
    expect(store.getState().cursor).toBe(k1);
    store.getState().next();
    expect(store.getState().cursor).toBe(k2);
    store.getState().prev();
    expect(store.getState().cursor).toBe(k1);
    store.getState().prev();
    expect(store.getState().cursor).toBe(0);
    store.getState().setGranularity('statement');
    store.getState().next();
    expect(store.getState().cursor).toBe(1);
  });

  it('neighbour goes to the last frame when no kernel event is left', () => {
    const run = lessonSource('server-loop');
    const last = run.length - 1;
    // The same run with its kernel events hidden after its second one: only user code is left.
    const [, cut = 0] = kernelFrames(run);
    const source: FrameSource = {
      ...run,
      summary: (i) => (i > cut ? { ...run.summary(i), kernelEvent: false } : run.summary(i)),
    };
    expect(neighbour(source, cut - 1, 1, 'kernel')).toBe(cut);
    expect(neighbour(source, cut, 1, 'kernel')).toBe(last);
    expect(neighbour(source, last, 1, 'kernel')).toBe(last);
  });

  it('play sets a flag that tick consumes, and stops at the end; play at the end restarts', () => {
    const store = createSimStore();
    const source = lessonSource('call-reply');
    const last = source.length - 1;
    store.getState().load(source, { step: last - 3 });
    store.getState().tick();
    expect(store.getState().cursor).toBe(last - 3);
    store.getState().play();
    expect(store.getState().playing).toBe(true);
    store.getState().tick();
    store.getState().tick();
    expect(store.getState()).toMatchObject({ cursor: last - 1, playing: true });
    store.getState().tick();
    expect(store.getState()).toMatchObject({ cursor: last, playing: false });
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
    store.getState().load(lessonSource('call-reply'));
    store.getState().select('client1');
    expect(store.getState().selection).toBe('client1');
    store.getState().load(lessonSource('call-reply'));
    expect(store.getState().selection).toBeNull();
  });
});
