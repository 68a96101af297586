// Test support (imported by tests only, never by the app): real runs as frame sources — a built-in
// lesson, or the bench's generated load (one server, N−1 clients calling it forever).
import { stressScenarioText } from '../../../bench/workloads/stressScenario';
import { findScenario } from '../../scenarios/builtins';
import { openScenarioText } from '../openScenario';
import type { Recorded } from '../openScenario';
import type { FrameSource } from '../viewModel';

/** The lesson `id` opened as the app opens it (all of it, or its first `firstSteps` steps). */
export function lessonRun(id: string, firstSteps?: number): Recorded {
  const lesson = findScenario(id);
  if (!lesson) throw new Error(`no lesson ${id}`);
  const opened = openScenarioText(lesson.source, lesson.protocols, {
    files: lesson.files,
    path: lesson.path,
    ...(firstSteps === undefined ? {} : { firstSteps }),
  });
  if (!opened.ok) throw new Error(opened.message);
  return opened;
}

export function lessonSource(id: string): FrameSource {
  return lessonRun(id).source;
}

/** A generated run of `threads` threads stopped after `steps` steps. */
export function stressSource(threads: number, steps: number): FrameSource {
  const opened = openScenarioText(stressScenarioText(threads), [], { maxSteps: steps });
  if (!opened.ok) throw new Error(opened.message);
  return opened.source;
}

/** Frames of `source` that hold a kernel event. */
export function kernelFrames(source: FrameSource): number[] {
  return Array.from({ length: source.length }, (_, i) => i).filter(
    (i) => source.summary(i).kernelEvent,
  );
}

/** The first frame whose step moves a message from `from` to `to` (not queued), or -1. */
export function transferStep(source: FrameSource, from: string, to: string): number {
  for (let i = 0; i < source.length; i++)
    if (source.summary(i).messages.some((m) => m.from === from && m.to === to && !m.queued))
      return i;
  return -1;
}
