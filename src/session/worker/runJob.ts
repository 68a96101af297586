// One job of the scenario worker: compile a text (its includes read from its own files, then the
// built-ins) and record its whole run up to the step cap. Pure: the worker and the tests call it.
import type { FileMap } from '../../lang';
import { lookupIn } from '../../lang';
import { runScenario } from '../../scenarios/index';
import type { RunReply, RunRequest } from './protocol';

export function runJob(request: RunRequest, builtins: FileMap): RunReply {
  const run = runScenario(request.text, {
    files: lookupIn(request.files, builtins),
    path: request.path,
    maxSteps: request.maxSteps,
    ...(request.abi === undefined ? {} : { abi: request.abi }),
  });
  if (!run.ok) return { ok: false, diagnostics: run.diagnostics };
  return {
    ok: true,
    diagnostics: run.diagnostics,
    parts: run.trace.parts(),
    capped: run.outcome === 'max-steps',
  };
}
