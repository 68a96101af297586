// A recording in parts, as the scenario worker runs it: compile the text and record its first
// steps (the first part), then `more(steps)` records up to that many more and gives what they added.
// A part is also capped by its size: at most PART_MAX_STEPS steps and about PART_BYTES of
// checkpoints (a world is measured once), so the page decodes each part in a few ms even on a
// 16-thread run. Pure: the worker drives it in time slices (worker.ts), the tests call it directly.
import type { Trace, TraceParts } from '../../kernel/index';
import type { Diagnostic, FileMap } from '../../lang';
import { lookupIn } from '../../lang';
import { runScenario } from '../../scenarios/index';
import { recordedSteps } from '../../scenarios/runner';
import type { RecordMessage, RecordRequest } from './protocol';

export interface Recording {
  /** The first part (or why there is none). */
  readonly first: RecordMessage;
  /** The next part, of up to `steps` more steps; null once the last part was given. */
  more(steps: number): RecordMessage | null;
}

/** At most this many steps per part, whatever the speed (bounds what the page takes in at once). */
export const PART_MAX_STEPS = 4_000;
/** About this many bytes of checkpoints per part (structured-clone size, estimated as JSON). */
export const PART_BYTES = 256 * 1024;

/** The most steps a part holds when one checkpoint (a world) is `worldBytes` long. */
export function partStepCap(worldBytes: number, every: number): number {
  const worlds = Math.max(2, Math.floor(PART_BYTES / Math.max(1, worldBytes)));
  return Math.max(64, Math.min(PART_MAX_STEPS, worlds * Math.max(1, every)));
}

/** About how many bytes `value` takes when structured-cloned (its JSON length, bigints as text). */
export function cloneBytes(value: unknown): number {
  try {
    return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))
      .length;
  } catch {
    return PART_BYTES / 64;
  }
}

const worldBytes = (trace: Trace): number => cloneBytes(trace.parts(trace.length).last);

export function startRecording(request: RecordRequest, builtins: FileMap): Recording {
  const maxSteps = recordedSteps(request.maxSteps);
  const run = runScenario(request.text, {
    files: lookupIn(request.files, builtins),
    path: request.path,
    maxSteps: Math.min(maxSteps, Math.max(1, Math.floor(request.firstSteps))),
    ...(request.abi === undefined ? {} : { abi: request.abi }),
  });
  if (!run.ok) return { first: { kind: 'failed', diagnostics: run.diagnostics }, more: () => null };
  let trace: Trace = run.trace;
  const ended = () => trace.outcome !== null || trace.length - 1 >= maxSteps;
  const part = (parts: TraceParts, diagnostics: readonly Diagnostic[]): RecordMessage => {
    const done = ended();
    return { kind: 'part', diagnostics, parts, done, capped: done && trace.outcome === null };
  };
  let over = ended();
  let cap: number | null = null;
  return {
    first: part(trace.parts(), run.diagnostics),
    more(steps) {
      if (over) return null;
      const from = trace.length;
      cap ??= partStepCap(worldBytes(trace), trace.parts(from).every);
      const wanted = Math.min(Math.floor(steps), cap, maxSteps - (from - 1));
      trace = trace.extend(Math.max(1, wanted));
      over = ended();
      return part(trace.parts(from), []);
    },
  };
}
