// A recording in parts, as the scenario worker runs it: compile the text and record its first
// steps (the first part), then `more(steps)` records up to that many more and gives what they added.
// A part is also capped by its size: at most PART_MAX_STEPS steps and about PART_BYTES of what it
// carries (each part is measured and the next one sized from it), so the page decodes each part in
// a few ms even on a 64-thread run. Every part after the first is packed against the last world of
// the part before (sharedParts.ts), so it carries what changed, not a copy of a world. Pure: the
// worker drives it in time slices (worker.ts), the tests call it directly.
import type { Trace, TraceParts, World } from '../../kernel/index';
import type { Diagnostic, FileMap } from '../../lang';
import { lookupIn } from '../../lang';
import { runScenario } from '../../scenarios/index';
import { recordedSteps } from '../../scenarios/runner';
import type { RecordMessage, RecordRequest } from './protocol';
import { packParts } from './sharedParts';
import type { PackedParts } from './sharedParts';

export interface Recording {
  /** The first part (or why there is none). */
  readonly first: RecordMessage;
  /** The next part, of up to `steps` more steps; null once the last part was given. */
  more(steps: number): RecordMessage | null;
}

/** At most this many steps per part, whatever the speed (bounds what the page takes in at once). */
export const PART_MAX_STEPS = 4_000;
/** About this many bytes per part (structured-clone size, as `packParts` estimates it). */
export const PART_BYTES = 64 * 1024;

/** The most steps the next part holds when the last one carried `bytes` for `steps` steps. */
export function partStepCap(bytes: number, steps: number): number {
  const fit = Math.floor((Math.max(1, steps) * PART_BYTES) / Math.max(1, bytes));
  return Math.max(64, Math.min(PART_MAX_STEPS, fit));
}

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
  const part = (
    parts: TraceParts | PackedParts,
    diagnostics: readonly Diagnostic[],
  ): RecordMessage => {
    const done = ended();
    return { kind: 'part', diagnostics, parts, done, capped: done && trace.outcome === null };
  };
  let over = ended();
  /** The world the next part is packed against: the last one sent. */
  let sent: World = trace.parts(trace.length).last;
  /** Start small (64 steps), then size each part from the bytes of the one before. */
  let cap = 64;
  return {
    first: part(trace.parts(), run.diagnostics),
    more(steps) {
      if (over) return null;
      const from = trace.length;
      const wanted = Math.max(1, Math.min(Math.floor(steps), cap, maxSteps - (from - 1)));
      trace = trace.extend(wanted);
      over = ended();
      const parts = trace.parts(from);
      const { packed, bytes } = packParts(parts, sent);
      sent = parts.last;
      cap = partStepCap(bytes, parts.effects.length);
      return part(packed, []);
    },
  };
}
