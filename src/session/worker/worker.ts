// The scenario worker: compiles and records off the page's thread. A message `{ id, request }` is
// a RunRequest, answered by `{ id, reply }` (the whole run); `{ id, preview }` asks for a lesson's
// first frames as views (previewJob.ts), answered by `{ id, preview }` (null: none) and then
// `{ id, previewMore }` (the frames after them; null: none). A message `{ id, record }` starts a
// recording in parts (recordJob.ts), answered by `{ id, part }` messages until the last one; parts
// are recorded in slices of about PART_MS (a part is also capped in steps and bytes, so that the
// page takes each one in a few ms; a slice posts as many as fit), and `{ id, cancel: true }` stops
// it between slices. The page answers each part it has taken in with `{ id, ack: true }`; at most
// MAX_IN_FLIGHT parts wait for that, so a page slower than the worker (a loaded machine) is never
// buried under a queue of parts. Started by browserRunner.ts.
import { loadCapnpCodec, mayUseCapnp } from '../../lang';
import { BUILTIN_FILES } from '../../scenarios/builtinFiles';
import { lessonPath, LESSONS } from '../../scenarios/index';
import { previewJob, previewLesson } from './previewJob';
import type { Preview } from './previewJob';
import type { PreviewRequest, RecordMessage, RecordRequest, RunRequest } from './protocol';
import { PART_MAX_STEPS, startRecording } from './recordJob';
import type { Recording } from './recordJob';
import { runJob } from './runJob';

type Job =
  | { readonly id: number; readonly request: RunRequest }
  | { readonly id: number; readonly record: RecordRequest }
  | { readonly id: number; readonly preview: PreviewRequest }
  | { readonly id: number; readonly cancel: true }
  | { readonly id: number; readonly ack: true };

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<Job>) => void) | null;
  postMessage(message: unknown): void;
};

/** Worker time per part; recordJob.ts also caps a part by steps and bytes (PART_MAX_STEPS, PART_BYTES). */
const PART_MS = 16;

/** Parts posted and not yet taken in by the page, at most. */
const MAX_IN_FLIGHT = 2;

interface Live {
  readonly recording: Recording;
  /** Parts posted that the page has not answered yet. */
  inFlight: number;
  /** Steps to ask the next part for (sized to about PART_MS). */
  steps: number;
  /** A pump is scheduled. */
  scheduled: boolean;
}

const recordings = new Map<number, Live>();

const schedule = (id: number, live: Live) => {
  if (live.scheduled || live.inFlight >= MAX_IN_FLIGHT) return;
  live.scheduled = true;
  setTimeout(() => pump(id), 0);
};

const internal = (error: unknown): string =>
  `internal error while recording: ${error instanceof Error ? error.message : String(error)}`;

const failed = (message: string): RecordMessage => ({
  kind: 'failed',
  diagnostics: [{ line: 1, column: 1, endColumn: 2, severity: 'error', message }],
});

/** Records and posts parts for about PART_MS (a part can be far shorter), then yields to messages. */
function pump(id: number): void {
  const live = recordings.get(id);
  if (live === undefined) return; // cancelled
  live.scheduled = false;
  const slice = performance.now();
  while (recordings.has(id) && live.inFlight < MAX_IN_FLIGHT) {
    const start = performance.now();
    let part: RecordMessage | null;
    try {
      part = live.recording.more(live.steps);
    } catch (error) {
      part = failed(internal(error));
    }
    const ms = Math.max(0.01, performance.now() - start);
    if (part === null || part.kind !== 'part' || part.done) recordings.delete(id);
    if (part !== null) scope.postMessage({ id, part });
    live.inFlight++;
    live.steps = Math.max(64, Math.min(PART_MAX_STEPS, Math.floor((live.steps * PART_MS) / ms)));
    if (performance.now() - slice >= PART_MS) break;
  }
  if (recordings.has(id)) schedule(id, live);
}

function record(id: number, request: RecordRequest): void {
  let recording: Recording;
  try {
    recording = startRecording(request, BUILTIN_FILES);
  } catch (error) {
    scope.postMessage({ id, part: failed(internal(error)) });
    return;
  }
  scope.postMessage({ id, part: recording.first });
  if (recording.first.kind !== 'part' || recording.first.done) return;
  const live: Live = { recording, inFlight: 1, steps: 2000, scheduled: false };
  recordings.set(id, live);
  schedule(id, live);
}

/** The epoch's ms now (the page puts the worker's times on its own clock: session/marks.ts). */
const epochNow = () => performance.timeOrigin + performance.now();
/** When this script had run (a first preview reports it). */
const ready = epochNow();

/** The texts a job runs (its own; the built-in servers never name Cap'n Proto). */
function textsOf(job: Job): string[] {
  if ('record' in job) return [job.record.text, ...Object.values(job.record.files)];
  if ('request' in job) return [job.request.text, ...Object.values(job.request.files)];
  if ('preview' in job) {
    const lesson = previewLesson(job.preview, LESSONS, BUILTIN_FILES);
    return lesson === undefined ? [] : [lesson.id, BUILTIN_FILES[lessonPath(lesson.id)] ?? ''];
  }
  return [];
}

/**
 * Set once a job needed the Cap'n Proto codec (capnp-es, its own chunk, loaded then): every job
 * after it waits on this chain, so jobs still run in the order they came.
 */
let inOrder: Promise<void> | null = null;

scope.onmessage = (event) => {
  const job = event.data;
  if (inOrder === null && mayUseCapnp(textsOf(job)))
    inOrder = loadCapnpCodec().then(
      () => undefined,
      () => undefined, // the run then says that Cap'n Proto support is not loaded
    );
  if (inOrder === null) handle(job);
  else inOrder = inOrder.then(() => handle(job));
};

function handle(job: Job): void {
  if ('cancel' in job) {
    recordings.delete(job.id);
    return;
  }
  if ('ack' in job) {
    const live = recordings.get(job.id);
    if (live === undefined) return;
    live.inFlight = Math.max(0, live.inFlight - 1);
    schedule(job.id, live);
    return;
  }
  if ('record' in job) {
    record(job.id, job.record);
    return;
  }
  if ('preview' in job) {
    let preview: Preview | null = null;
    try {
      preview = previewJob(job.preview, LESSONS, BUILTIN_FILES, { now: epochNow, ready });
    } catch {
      // No preview: the page opens the lesson itself, and says what went wrong.
    }
    scope.postMessage({ id: job.id, preview: preview?.first ?? null });
    if (preview === null) return;
    const later = preview;
    // The frames after it, once the page has the first ones (a message of its own).
    setTimeout(() => {
      let frames = null;
      try {
        frames = later.more();
      } catch {
        // The page keeps the first frames until the whole run comes.
      }
      scope.postMessage({ id: job.id, previewMore: frames });
    }, 0);
    return;
  }
  const { id, request } = job;
  try {
    scope.postMessage({ id, reply: runJob(request, BUILTIN_FILES) });
  } catch (error) {
    scope.postMessage({
      id,
      reply: {
        ok: false,
        diagnostics: [
          { line: 1, column: 1, endColumn: 2, severity: 'error', message: internal(error) },
        ],
      },
    });
  }
}
