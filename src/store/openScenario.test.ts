import { describe, expect, it } from 'vitest';
import { findScenario } from '../scenarios/builtins';
import { createSimStore } from './createSimStore';
import { openScenarioText } from './openScenario';
import type { Recorded } from './openScenario';
import type { FrameSource } from './viewModel';

function lesson(id: string) {
  const found = findScenario(id);
  if (!found) throw new Error(`no lesson ${id}`);
  return found;
}

function opened(id: string, firstSteps?: number): Recorded {
  const { source, protocols, files, path } = lesson(id);
  const result = openScenarioText(source, protocols, {
    files,
    path,
    ...(firstSteps === undefined ? {} : { firstSteps }),
  });
  if (!result.ok) throw new Error(result.message);
  return result;
}

/** What a user sees of a frame: everything but object identity. */
function seen(source: FrameSource, i: number) {
  return { frame: source.frame(i), summary: source.summary(i), blocked: source.blocked(i) };
}

describe('openScenarioText, recorded in parts', () => {
  it('shows the first steps as a run still being recorded, not as one that stopped', () => {
    const first = opened('scheduler', 20);
    expect(first.source.length).toBe(21);
    expect(first.source.recording).toBe(true);
    expect(first.source.frame(20).outcome).toEqual({ kind: 'running' });
    expect(first.more).not.toBeNull();
  });

  it('recorded part by part, the run is the one recorded in one go, frame for frame', () => {
    const whole = opened('scheduler').source;
    expect(whole.recording).toBeUndefined();
    let part = opened('scheduler', 7);
    let parts = 1;
    while (part.more) {
      part = part.more(31);
      parts++;
    }
    expect(parts).toBeGreaterThan(3);
    expect(part.source.recording).toBeUndefined();
    expect(part.source.length).toBe(whole.length);
    for (let i = 0; i < whole.length; i++) expect(seen(part.source, i)).toEqual(seen(whole, i));
    expect(part.source.frame(whole.length - 1).outcome.kind).toBe('idle');
  });

  it('a run that ends within the first steps is complete at once', () => {
    const run = opened('call-reply', 2000);
    expect(run.more).toBeNull();
    expect(run.source.recording).toBeUndefined();
    expect(run.source.frame(run.source.length - 1).outcome.kind).toBe('finished');
  });

  it('stops at the step limit, and says so only then', () => {
    const { source, protocols, files, path } = lesson('scheduler');
    const result = openScenarioText(source, protocols, {
      files,
      path,
      maxSteps: 50,
      firstSteps: 30,
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.source.frame(30).outcome.kind).toBe('running');
    const rest = result.more?.(1000);
    expect(rest?.more).toBeNull();
    expect(rest?.source.length).toBe(51);
    expect(rest?.source.frame(50).outcome.kind).toBe('max-steps');
  });
});

describe('the store, as a run is recorded', () => {
  it('keeps the cursor and the view when a longer recording arrives, and refreshes the old end', () => {
    const first = opened('scheduler', 10);
    const store = createSimStore();
    store.getState().load(first.source, { id: 'scheduler', step: 4 });
    store.getState().select('client1');
    const longer = first.more?.(40);
    if (!longer) throw new Error('no more');
    store.getState().extend(longer.source);
    expect(store.getState()).toMatchObject({ cursor: 4, selection: 'client1', notice: null });
    expect(store.getState().source?.length).toBe(51);
    store.getState().last();
    expect(store.getState().cursor).toBe(50);
  });

  it('playback at the end of what is recorded waits for more instead of stopping', () => {
    const first = opened('scheduler', 10);
    const store = createSimStore();
    store.getState().load(first.source, { step: 9 });
    store.getState().play();
    store.getState().tick();
    expect(store.getState()).toMatchObject({ cursor: 10, playing: true });
    store.getState().tick();
    expect(store.getState()).toMatchObject({ cursor: 10, playing: true });
    const longer = first.more?.(5);
    if (!longer) throw new Error('no more');
    store.getState().extend(longer.source);
    expect(store.getState().frame?.outcome.kind).toBe('running');
    store.getState().tick();
    expect(store.getState()).toMatchObject({ cursor: 11, playing: true });
  });
});
