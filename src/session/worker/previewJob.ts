// The worker's answer to a preview request (src/session/preview.ts): a built-in lesson's first
// frames as plain data, recorded and adapted here so that the page paints them before it has the
// compiler, the kernel or the lessons: the frames up to the step shown first (step 0 is the boot's
// world, no recording), then those and PREVIEW_AHEAD more. Null when there is nothing to preview: an unknown lesson, a
// step past PREVIEW_MAX_STEP or past the run's end (the page's own open then says why), or a lesson
// that does not run.
import type { FileMap } from '../../lang';
import { lessonPath } from '../../scenarios/index';
import type { Protocol } from '../../servers/protocols';
import { openScenarioText } from '../../store/openScenario';
import { previewFrames } from '../../store/previewSource';
import type { PreviewFrames } from '../../store/previewSource';
import { PREVIEW_AHEAD, PREVIEW_MAX_STEP } from './protocol';
import type { PreviewRequest } from './protocol';

/** A clock on the epoch (`performance.timeOrigin + performance.now()` in the worker). */
export type EpochClock = () => number;

/** The lesson a preview shows: the one named, else the first (the catalog's default). */
export function previewLesson<L extends { readonly id: string }>(
  request: PreviewRequest,
  lessons: readonly L[],
  files: FileMap,
): L | undefined {
  const known = lessons.filter((l) => files[lessonPath(l.id)] !== undefined);
  return request.lesson === null ? known[0] : known.find((l) => l.id === request.lesson);
}

/** A preview: the frames up to the step shown, at once; then `more()`, with PREVIEW_AHEAD after. */
export interface Preview {
  readonly first: PreviewFrames;
  /** All the frames, the shown step's and the PREVIEW_AHEAD after it; null when the run has none. */
  more(): PreviewFrames | null;
}

export function previewJob(
  request: PreviewRequest,
  lessons: readonly { readonly id: string; readonly protocols: readonly Protocol[] }[],
  files: FileMap,
  clock?: { readonly now: EpochClock; readonly ready: number },
): Preview | null {
  const { step } = request;
  if (!Number.isInteger(step) || step < 0 || step > PREVIEW_MAX_STEP) return null;
  const lesson = previewLesson(request, lessons, files);
  if (lesson === undefined) return null;
  const path = lessonPath(lesson.id);
  // Step 0 needs no recording: the frame after the boot is painted while the worker goes on.
  const opened = openScenarioText(files[path] ?? '', lesson.protocols, {
    files,
    path,
    firstSteps: step,
  });
  if (!opened.ok || opened.source.length <= step) return null;
  const recorded = clock?.now();
  const frames = previewFrames(lesson.id, opened.source, step + 1);
  const first =
    clock === undefined || recorded === undefined
      ? frames
      : { ...frames, timing: { ready: clock.ready, recorded, viewed: clock.now() } };
  return {
    first,
    more() {
      const longer = opened.more?.(PREVIEW_AHEAD);
      if (longer === undefined || longer.source.length <= step + 1) return null;
      return previewFrames(lesson.id, longer.source, step + 1 + PREVIEW_AHEAD);
    },
  };
}
