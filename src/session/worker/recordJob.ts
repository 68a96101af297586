// A recording in parts, as the scenario worker runs it: compile the text and record its first
// steps (the first part), then `more(steps)` records up to that many more and gives what they added.
// Pure: the worker drives it in time slices (worker.ts), the tests call it directly.
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
  return {
    first: part(trace.parts(), run.diagnostics),
    more(steps) {
      if (over) return null;
      const from = trace.length;
      trace = trace.extend(Math.max(1, Math.min(Math.floor(steps), maxSteps - (from - 1))));
      over = ended();
      return part(trace.parts(from), []);
    },
  };
}
