// The main thread's half of a worker run: the text is compiled again here (milliseconds: it gives
// the programs the frames between checkpoints are replayed with), and the trace the worker recorded
// is rebuilt around them. The recording itself, the slow part, never runs on the page's thread.
import { traceFromParts } from '../../kernel/index';
import type { Diagnostic, FileMap } from '../../lang';
import { compileScenario, lookupIn } from '../../lang';
import { protocolsOfFiles } from '../../scenarios/index';
import { bootSpecOf, runOutcome } from '../../scenarios/runner';
import type { ScenarioRun } from '../../scenarios/runner';
import type { Protocol } from '../../servers/protocols';
import { failureMessage, recorded } from '../../store/openScenario';
import type { Recorded } from '../../store/openScenario';
import type { RunReply, RunRequest } from './protocol';

export type Restored =
  | ({
      readonly ok: true;
      readonly diagnostics: readonly Diagnostic[];
      readonly capped: boolean;
    } & Recorded)
  | { readonly ok: false; readonly message: string; readonly diagnostics: readonly Diagnostic[] };

/** The protocols of the built-in servers a scenario's lines come from. */
export function protocolsOf(origins: readonly { readonly file: string }[]): Protocol[] {
  return protocolsOfFiles([...new Set(origins.map((o) => o.file))]);
}

/** The run a worker's recorded parts make, replayed with the page's own compile of the text. */
export function runFromParts(
  compiled: Extract<ReturnType<typeof compileScenario>, { ok: true }>,
  parts: Parameters<typeof traceFromParts>[0],
): ScenarioRun {
  const { spec, programs } = bootSpecOf(compiled.scenario);
  const trace = traceFromParts(parts, programs);
  return {
    scenario: compiled.scenario,
    spec,
    programs,
    trace,
    outcome: runOutcome(trace.outcome),
    diagnostics: compiled.diagnostics,
  };
}

export function restore(request: RunRequest, reply: RunReply, builtins: FileMap): Restored {
  if (!reply.ok) {
    return {
      ok: false,
      message: failureMessage(reply.diagnostics),
      diagnostics: reply.diagnostics,
    };
  }
  const compiled = compileScenario(request.text, {
    files: lookupIn(request.files, builtins),
    path: request.path,
    ...(request.abi === undefined ? {} : { abi: request.abi }),
  });
  if (!compiled.ok) {
    return {
      ok: false,
      message: failureMessage(compiled.diagnostics),
      diagnostics: compiled.diagnostics,
    };
  }
  const run = runFromParts(compiled, reply.parts);
  const { trace } = run;
  return {
    ok: true,
    diagnostics: reply.diagnostics,
    capped: reply.capped,
    ...recorded(run, protocolsOf(compiled.scenario.origins), trace.length - 1),
  };
}
