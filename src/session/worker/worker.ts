// The scenario worker: compiles and records off the page's thread. A message `{ id, request }` is
// a RunRequest, answered by `{ id, reply }` (the whole run). A message `{ id, record }` starts a
// recording in parts (recordJob.ts), answered by `{ id, part }` messages until the last one; a
// part is recorded in slices of about PART_MS so that the page can take each one in well under a
// frame, and `{ id, cancel: true }` stops it between slices. Started by browserRunner.ts.
import { installCapnp } from '../../lang';
import { BUILTIN_FILES } from '../../scenarios/builtinFiles';
import type { RecordMessage, RecordRequest, RunRequest } from './protocol';
import { PART_MAX_STEPS, startRecording } from './recordJob';
import type { Recording } from './recordJob';
import { runJob } from './runJob';

installCapnp();

type Job =
  | { readonly id: number; readonly request: RunRequest }
  | { readonly id: number; readonly record: RecordRequest }
  | { readonly id: number; readonly cancel: true };

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<Job>) => void) | null;
  postMessage(message: unknown): void;
};

/** Worker time per part; recordJob.ts also caps a part by steps and bytes (PART_MAX_STEPS, PART_BYTES). */
const PART_MS = 16;

const recordings = new Map<number, Recording>();

const internal = (error: unknown): string =>
  `internal error while recording: ${error instanceof Error ? error.message : String(error)}`;

const failed = (message: string): RecordMessage => ({
  kind: 'failed',
  diagnostics: [{ line: 1, column: 1, endColumn: 2, severity: 'error', message }],
});

function pump(id: number, steps: number): void {
  const recording = recordings.get(id);
  if (recording === undefined) return; // cancelled
  const start = performance.now();
  let part: RecordMessage | null;
  try {
    part = recording.more(steps);
  } catch (error) {
    part = failed(internal(error));
  }
  const ms = Math.max(0.01, performance.now() - start);
  if (part === null || part.kind !== 'part' || part.done) recordings.delete(id);
  if (part !== null) scope.postMessage({ id, part });
  if (!recordings.has(id)) return;
  const next = Math.max(64, Math.min(PART_MAX_STEPS, Math.floor((steps * PART_MS) / ms)));
  setTimeout(() => pump(id, next), 0);
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
  recordings.set(id, recording);
  setTimeout(() => pump(id, 2000), 0);
}

scope.onmessage = (event) => {
  const job = event.data;
  if ('cancel' in job) {
    recordings.delete(job.id);
    return;
  }
  if ('record' in job) {
    record(job.id, job.record);
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
};
