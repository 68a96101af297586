// A run's first frames as plain data, and the FrameSource they make. The scenario worker records a
// lesson's first steps and builds these views with the same adapter the page uses
// (scenarioSource.ts), so the page can paint its first frame before it has loaded the compiler,
// the kernel or the lessons (src/session/preview.ts). The source is flagged `recording`: the whole
// run (with its checkpoints, so any step can be reached) takes its place once the page has it.
import type {
  BlockedMark,
  FrameSource,
  FrameView,
  ScenarioMeta,
  StatechartView,
  StepSummary,
  VariablesView,
} from './viewModel';

export interface PreviewFrames {
  /** The scenario's id as the store and the address give it. */
  readonly id: string;
  readonly meta: ScenarioMeta;
  readonly sourceText: string;
  readonly statechart: StatechartView;
  /** Frames 0 .. n-1, each with its summary, its blocked threads and each thread's variables. */
  readonly frames: readonly FrameView[];
  readonly summaries: readonly StepSummary[];
  readonly blocked: readonly (readonly BlockedMark[])[];
  readonly variables: readonly Readonly<Record<string, VariablesView | null>>[];
  /**
   * When the worker had run its script, recorded the steps and made their views (epoch ms:
   * `performance.timeOrigin + performance.now()` there), for the page's load marks.
   */
  readonly timing?: {
    readonly ready: number;
    readonly recorded: number;
    readonly viewed: number;
  };
}

/** Builds `count` frames of `source` (from step 0) as plain data that can be posted. */
export function previewFrames(id: string, source: FrameSource, count: number): PreviewFrames {
  const n = Math.max(1, Math.min(source.length, Math.floor(count)));
  const at = Array.from({ length: n }, (_, i) => i);
  const frames = at.map((i) => source.frame(i));
  return {
    id,
    meta: source.meta,
    sourceText: source.sourceText,
    statechart: source.statechart,
    frames,
    summaries: at.map((i) => source.summary(i)),
    blocked: at.map((i) => source.blocked(i)),
    variables: frames.map((f) =>
      Object.fromEntries(
        f.threads.map((t) => [t.name, source.variables?.(f.index, t.name) ?? null]),
      ),
    ),
  };
}

/** The frames as a source: as long as they are, and recording (the rest of the run follows). */
export function previewSource(preview: PreviewFrames): FrameSource {
  const last = preview.frames.length - 1;
  const at = (index: number) => Math.min(Math.max(0, Math.floor(index)), last);
  return {
    meta: preview.meta,
    sourceText: preview.sourceText,
    length: preview.frames.length,
    recording: true,
    statechart: preview.statechart,
    frame: (index) => preview.frames[at(index)] as FrameView,
    summary: (index) => preview.summaries[at(index)] as StepSummary,
    blocked: (index) => preview.blocked[at(index)] ?? [],
    variables: (index, thread) => preview.variables[at(index)]?.[thread] ?? null,
  };
}
