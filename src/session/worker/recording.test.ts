import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { stressScenarioText } from '../../../bench/workloads/stressScenario';
import { stressSource } from '../../store/testSupport/lessonSource';
import { BUILTIN_FILES } from '../../scenarios/builtinFiles';
import { findScenario } from '../../scenarios/builtins';
import { defaultCatalog } from '../defaultCatalog';
import { manualScheduler, memoryLocation } from '../ports';
import { createSession } from '../session';
import { LOCAL_STEPS } from './follow';
import { inProcessRunner } from './inProcess';
import type { RecordingRunner, RecordMessage } from './protocol';
import { PART_BYTES, PART_MAX_STEPS, partStepCap, startRecording } from './recordJob';

/**
 * The worker's recording in parts, on this thread: each message structured-cloned (as postMessage
 * does) and delivered in a later microtask, parts of `partSteps` steps; counts what was sent.
 */
function recordingRunner(partSteps = 300): RecordingRunner & { parts: number; cancelled: number } {
  const inner = inProcessRunner(BUILTIN_FILES);
  const port = {
    parts: 0,
    cancelled: 0,
    run: (request: Parameters<RecordingRunner['run']>[0]) => inner.run(request),
    record(request: Parameters<RecordingRunner['record']>[0], tell: (m: RecordMessage) => void) {
      let live = true;
      const recording = startRecording(structuredClone(request), BUILTIN_FILES);
      const send = (m: RecordMessage | null) => {
        if (m === null || !live) return;
        port.parts++;
        const copy = structuredClone(m);
        queueMicrotask(() => {
          if (!live) return;
          tell(copy);
          if (copy.kind === 'part' && !copy.done) send(recording.more(partSteps));
        });
      };
      send(recording.first);
      return () => {
        if (live) port.cancelled++;
        live = false;
      };
    },
  };
  return port;
}

function session(runner: RecordingRunner | null, search = '?scenario=memory-alloc-free') {
  return createSession({
    loadCatalog: () =>
      Promise.resolve(runner === null ? defaultCatalog : defaultCatalog.withRunner(runner)),
    scheduler: manualScheduler(),
    location: memoryLocation(search),
  });
}

async function wholeLesson(id: string) {
  const local = await defaultCatalog.open(id);
  if (!local.ok) throw new Error('did not open');
  let full = local;
  while (full.more !== null) full = { ...full, ...full.more(100_000) };
  return full.source;
}

describe('every open is recorded by the worker, in parts (the page shows the first part)', () => {
  it('a lesson that ends within the first steps is recorded on the page, as the worker would', async () => {
    const runner = recordingRunner();
    const s = session(runner);
    expect(await s.settled()).toBe('ready');
    const source = s.store.getState().source;
    const full = await wholeLesson('memory-alloc-free');
    expect(full.length).toBeLessThan(LOCAL_STEPS);
    expect(runner.parts).toBe(0);
    expect(source?.length).toBe(full.length);
    expect(source?.recording).toBeFalsy();
    for (const i of [0, 1, 31, 32, 33, full.length - 1])
      expect(source?.frame(i)).toEqual(full.frame(i));
    expect(s.store.getState().source?.meta.id).toBe('memory-alloc-free');
    s.dispose();
  });

  it('a long run: the page shows its first steps, the worker records the rest, then all of it', async () => {
    const runner = recordingRunner();
    const s = session(runner);
    await s.settled();
    const lengths: number[] = [];
    const stop = s.store.subscribe((state) => {
      const n = state.source?.meta.id === 'generated-stress' ? state.source.length : 0;
      if (n > 0 && n !== lengths[lengths.length - 1]) lengths.push(n);
    });
    const opened = s.openText(stressScenarioText(4), { id: 'stress', maxSteps: 5000 });
    expect((await opened).ok).toBe(true);
    expect(await s.settled()).toBe('ready');
    stop();
    expect(lengths[0]).toBe(LOCAL_STEPS + 1);
    expect(lengths[lengths.length - 1]).toBe(5001);
    const source = s.store.getState().source;
    const full = stressSource(4, 5000);
    expect(source?.recording).toBeFalsy();
    expect(runner.parts).toBeGreaterThan(5);
    for (const i of [0, 1, 32, LOCAL_STEPS, LOCAL_STEPS + 1, 2000, 2001, 2345, 4999, 5000])
      expect(source?.frame(i)).toEqual(full.frame(i));
    expect(s.store.getState().notice).toMatch(/step cap \(5,000 steps\)/);
    s.dispose();
  });

  it('a long run opened past the first steps shows the worker’s first part', async () => {
    const s = session(recordingRunner());
    await s.settled();
    const shown = new Promise<number>((resolve) => {
      const stop = s.store.subscribe((state) => {
        if (state.source?.meta.id !== 'generated-stress') return;
        stop();
        resolve(state.source?.recording === true ? state.source.length : -1);
      });
    });
    const opened = s.openText(stressScenarioText(4), { id: 'stress', maxSteps: 5000, step: 300 });
    expect(await shown).toBe(2001);
    expect((await opened).ok).toBe(true);
    expect(s.store.getState().cursor).toBe(300);
    s.dispose();
  });

  it('a bad text gives its diagnostics and the run on show stays', async () => {
    const s = session(recordingRunner());
    await s.settled();
    const text = findScenario('memory-alloc-free')?.source ?? '';
    const good = await s.openText(text, { id: 'draft', maxSteps: 100, path: 'lessons/m.c' });
    expect(good.ok && good.capped).toBe(true);
    expect(s.store.getState().source?.length).toBe(101);
    const bad = await s.openText('@thread a\nvoid main() { x = ; }', { id: 'draft' });
    expect(bad.ok).toBe(false);
    expect(bad.diagnostics?.[0]?.severity).toBe('error');
    expect(s.store.getState().source?.length).toBe(101);
    s.dispose();
  });

  it('opening another scenario while one records stops that recording in the worker', async () => {
    const runner = recordingRunner(50);
    const s = session(runner);
    await s.settled();
    await s.openText(stressScenarioText(3), { id: 'stress', maxSteps: 100_000 });
    expect(s.store.getState().source?.recording).toBe(true);
    s.open('call-reply');
    expect(await s.settled()).toBe('ready');
    expect(runner.cancelled).toBe(1);
    expect(s.store.getState().source?.meta.id).toBe('call-reply');
    s.dispose();
  });

  it('an open replaced before it was shown stops its recording in the worker', async () => {
    const runner = recordingRunner(50);
    const s = session(runner);
    await s.settled();
    // An edit's run, then a newer edit's run before the first one is on screen.
    const first = s.openText(stressScenarioText(3), { id: 'draft', maxSteps: 100_000 });
    const text = findScenario('call-reply')?.source ?? '';
    const second = await s.openText(text, { id: 'draft', path: 'lessons/call-reply.c' });
    expect(second.ok).toBe(true);
    expect((await first).ok).toBe(true);
    expect(await s.settled()).toBe('ready');
    expect(s.store.getState().source?.meta.id).toBe('call-reply');
    expect(runner.cancelled).toBe(1);
    // A few parts were sent (the lessons, the first part), not the 100,000 steps in parts of 50.
    expect(runner.parts).toBeLessThan(20);
    s.dispose();
  });

  it('without a worker (it could not start) the page records on its own thread', async () => {
    const unavailable: RecordingRunner = {
      ...inProcessRunner(BUILTIN_FILES),
      record(_, tell) {
        queueMicrotask(() => tell({ kind: 'unavailable', message: 'no Worker here' }));
        return () => undefined;
      },
    };
    const s = session(unavailable, '?scenario=call-reply');
    expect(await s.settled()).toBe('ready');
    expect(s.store.getState().source?.length).toBe(18);
    s.dispose();
  });

  it('a part stays small on a 16-thread run, however many steps the worker asks for', () => {
    const recording = startRecording(
      {
        text: stressScenarioText(16),
        files: {},
        path: 'stress.c',
        maxSteps: 30_000,
        firstSteps: 500,
      },
      BUILTIN_FILES,
    );
    expect(recording.first.kind).toBe('part');
    let steps = 0;
    for (let i = 0; i < 6; i++) {
      const m = recording.more(1_000_000);
      if (m === null || m.kind !== 'part') break;
      steps += m.parts.effects.length;
      expect(m.parts.effects.length).toBeLessThanOrEqual(PART_MAX_STEPS);
      // What postMessage copies (node:v8 writes the same structured-clone format).
      expect(serialize(m.parts).length).toBeLessThan(2 * PART_BYTES);
    }
    // Packed against the world before, a part carries changes only, so parts grow past 64 steps.
    expect(steps).toBeGreaterThan(6 * 64);
  });

  it('the step cap of a part follows the bytes per step of the one before, from 64 to PART_MAX_STEPS', () => {
    expect(partStepCap(100, 32)).toBe(PART_MAX_STEPS);
    expect(partStepCap(PART_BYTES / 4, 32)).toBe(4 * 32);
    expect(partStepCap(PART_BYTES * 10, 32)).toBe(64);
  });
});
