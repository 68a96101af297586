// What the main thread asks the scenario worker and what it answers: a scenario's text and files
// in, its diagnostics and its recorded trace (as plain data, `TraceParts`) out. The worker
// (worker.ts) and the in-process runner the tests use (inProcess.ts) both answer with `runJob`.
import type { Abi } from '../../kernel/abi/word';
import type { TraceParts } from '../../kernel/index';
import type { Diagnostic, FileMap } from '../../lang';
import type { PackedParts } from './sharedParts';

export interface RunRequest {
  readonly text: string;
  /** The scenario's own files, read before the built-ins by its `#include`s. */
  readonly files: FileMap;
  /** Its path among them (`draft.c`, `lessons/call-reply.c`). */
  readonly path: string;
  /** The step cap. */
  readonly maxSteps: number;
  readonly abi?: Abi;
}

export type RunReply =
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] }
  | {
      readonly ok: true;
      /** Warnings. */
      readonly diagnostics: readonly Diagnostic[];
      readonly parts: TraceParts;
      /** The run stopped at the step cap (it did not finish, go idle or deadlock). */
      readonly capped: boolean;
    };

/** Something that compiles and records a scenario: a Web Worker, or the page itself in tests. */
export interface RunnerPort {
  run(request: RunRequest): Promise<RunReply>;
}

/** A recording in parts: the first part once `firstSteps` steps are recorded, then the rest. */
export interface RecordRequest extends RunRequest {
  /** Steps in the first part (the page paints its first frame from it). */
  readonly firstSteps: number;
}

/** One message of a recording in parts, in order; the last one is `done`, `failed` or `unavailable`. */
export type RecordMessage =
  | { readonly kind: 'failed'; readonly diagnostics: readonly Diagnostic[] }
  /** There is no worker (it could not start, or stopped): the page records on its own thread. */
  | { readonly kind: 'unavailable'; readonly message: string }
  | {
      readonly kind: 'part';
      /** Warnings (with the first part; empty after). */
      readonly diagnostics: readonly Diagnostic[];
      /**
       * The whole trace so far (first part), then what each part adds (`parts(from)`), packed
       * against the last world of the part before (`unpackParts` in sharedParts.ts).
       */
      readonly parts: TraceParts | PackedParts;
      /** The run is recorded to its end or its step cap. */
      readonly done: boolean;
      /** With `done`: the run stopped at the step cap. */
      readonly capped: boolean;
    };

/** A runner that can also record in parts (the page's worker). */
export interface RecordingRunner extends RunnerPort {
  /** Starts a recording; `onMessage` is told each part. Returns a function that stops it. */
  record(request: RecordRequest, onMessage: (message: RecordMessage) => void): () => void;
}

/** A preview is made only for a first step up to this one (its frames are all posted). */
export const PREVIEW_MAX_STEP = 200;
/** Frames after the first one shown that a preview also holds (the learner may step on). */
export const PREVIEW_AHEAD = 12;

/** A built-in lesson's first frames, asked for before the page has the lessons (previewJob.ts). */
export interface PreviewRequest {
  /** The lesson's id; null for the first lesson (the catalog's default). */
  readonly lesson: string | null;
  /** The step shown first: the preview holds it and a few after it. */
  readonly step: number;
}
