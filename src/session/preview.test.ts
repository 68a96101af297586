import { describe, expect, it, vi } from 'vitest';
import { LESSONS } from '../scenarios/index';
import { BUILTIN_FILES } from '../scenarios/builtinFiles';
import { previewSource } from '../store/previewSource';
import type { PreviewFrames } from '../store/previewSource';
import type { ScenarioCatalog } from './catalog';
import { defaultCatalog } from './defaultCatalog';
import { MANUAL_FRAME_MS, manualScheduler, memoryLocation } from './ports';
import type { Scheduler } from './ports';
import type { PreviewPorts } from './preview';
import { previewRequest } from './preview';
import { createSession } from './session';
import { previewJob } from './worker/previewJob';
import { PREVIEW_AHEAD, PREVIEW_MAX_STEP } from './worker/protocol';
import type { PreviewRequest } from './worker/protocol';

/** The worker's half, in-process: the same job the worker runs, its answer cloned as a post is. */
function inProcessPreview(asked: PreviewRequest[], scheduler: Scheduler): PreviewPorts {
  const shown = (frames: PreviewFrames | null) => {
    const posted = frames === null ? null : structuredClone(frames);
    return posted === null ? null : { id: posted.id, source: previewSource(posted) };
  };
  return {
    preview: (request, more) => {
      asked.push(request);
      const preview = previewJob(request, LESSONS, BUILTIN_FILES);
      // The frames after the first ones come in a later task, as the worker posts them.
      if (preview !== null) scheduler.after(0, () => more(shown(preview.more())));
      return Promise.resolve(shown(preview?.first ?? null));
    },
  };
}

/** A catalog load the test lets through when it says so. */
function heldCatalog() {
  let release: () => void = () => undefined;
  let asked = false;
  const ready = new Promise<void>((r) => (release = r));
  const loadCatalog = (): Promise<ScenarioCatalog> => {
    asked = true;
    return ready.then(() => defaultCatalog);
  };
  return { loadCatalog, release: () => release(), asked: () => asked };
}

describe('the first frame from the worker’s preview', () => {
  it('asks only for a lesson at one of its first steps, from an address without code or bad options', () => {
    const id = (step: number, notice?: string) =>
      ({
        kind: 'id',
        id: 'call-reply',
        step,
        fallback: true,
        ...(notice ? { notice } : {}),
      }) as const;
    expect(previewRequest(id(3), '')).toEqual({ lesson: 'call-reply', step: 3 });
    expect(previewRequest(id(PREVIEW_MAX_STEP + 1), '')).toBeNull();
    expect(previewRequest(id(Number.NaN), '')).toBeNull();
    expect(previewRequest(id(0, 'The option "x" is not known.'), '')).toBeNull();
    expect(previewRequest(id(0), '#code=1.abc')).toBeNull();
    expect(previewRequest({ kind: 'text', text: 'x', id: 'draft', step: 0 }, '')).toBeNull();
  });

  it('the worker’s frames are the run’s own frames, and survive being posted', async () => {
    const preview = previewJob({ lesson: 'call-reply', step: 2 }, LESSONS, BUILTIN_FILES);
    expect(preview).not.toBeNull();
    // First the frames up to the step shown, then those and PREVIEW_AHEAD more.
    expect(preview!.first.frames).toHaveLength(3);
    const source = previewSource(structuredClone(preview!.more()!));
    const whole = await defaultCatalog.open('call-reply');
    if (!whole.ok) throw new Error(whole.message);
    expect(source.length).toBe(Math.min(whole.source.length, 3 + PREVIEW_AHEAD));
    expect(preview!.first.frames).toEqual([0, 1, 2].map((i) => source.frame(i)));
    expect(source.recording).toBe(true);
    for (const i of [0, 2, source.length - 1]) {
      expect(source.frame(i)).toEqual(whole.source.frame(i));
      expect(source.summary(i)).toEqual(whole.source.summary(i));
      expect(source.blocked(i)).toEqual(whole.source.blocked(i));
      const thread = whole.source.meta.threads[0]!.name;
      expect(source.variables?.(i, thread)).toEqual(whole.source.variables?.(i, thread));
    }
    expect(source.meta).toEqual(whole.source.meta);
  });

  it('no preview for an unknown lesson or a step past the run', () => {
    expect(previewJob({ lesson: 'no-such', step: 0 }, LESSONS, BUILTIN_FILES)).toBeNull();
    expect(
      previewJob(
        { lesson: 'rendezvous-receiver-first', step: PREVIEW_MAX_STEP },
        LESSONS,
        BUILTIN_FILES,
      ),
    ).toBeNull();
    expect(previewJob({ lesson: null, step: 0 }, LESSONS, BUILTIN_FILES)?.first.id).toBe(
      defaultCatalog.defaultId,
    );
  });

  it('shows the preview before the catalog is asked for; the whole run then takes its place, the cursor kept', async () => {
    const asked: PreviewRequest[] = [];
    const catalog = heldCatalog();
    const scheduler = manualScheduler();
    const session = createSession({
      loadCatalog: catalog.loadCatalog,
      scheduler,
      location: memoryLocation('?scenario=memory-alloc-free&step=1'),
      preview: inProcessPreview(asked, scheduler),
    });
    const store = session.store;
    await vi.waitFor(() => expect(store.getState().source).not.toBeNull());
    expect(asked).toEqual([{ lesson: 'memory-alloc-free', step: 1 }]);
    expect(store.getState()).toMatchObject({ scenarioId: 'memory-alloc-free', cursor: 1 });
    expect(store.getState().source?.recording).toBe(true);
    // First the frames up to the step shown; the catalog is not asked for before they are painted.
    expect(store.getState().source?.length).toBe(2);
    await Promise.resolve();
    expect(catalog.asked()).toBe(false);
    // The frames after it come, and the frame is painted.
    scheduler.advance(MANUAL_FRAME_MS);
    expect(store.getState().source?.length).toBe(2 + PREVIEW_AHEAD);
    expect(store.getState().cursor).toBe(1);
    // The learner steps in the preview while the catalog loads.
    store.getState().next();
    store.getState().next();
    await vi.waitFor(() => expect(catalog.asked()).toBe(true));
    expect(session.actor.getSnapshot().value).toBe('loading');
    catalog.release();
    await session.settled();
    const s = store.getState();
    expect(s.cursor).toBe(3);
    expect(s.source?.length).toBeGreaterThan(3 + PREVIEW_AHEAD);
    expect(s.frame).toEqual(s.source?.frame(3));
    session.dispose();
  });

  it('without a preview (an unknown lesson) the session opens as before, with its notice', async () => {
    const scheduler = manualScheduler();
    const session = createSession({
      loadCatalog: () => Promise.resolve(defaultCatalog),
      scheduler,
      location: memoryLocation('?scenario=no-such-lesson'),
      preview: inProcessPreview([], scheduler),
    });
    expect(await session.settled()).toBe('ready');
    expect(session.store.getState().scenarioId).toBe(defaultCatalog.defaultId);
    expect(session.store.getState().notice).toMatch(/no-such-lesson/);
    session.dispose();
  });
});
