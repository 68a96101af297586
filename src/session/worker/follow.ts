// The page's half of a recording in parts: the worker compiles and records (recordJob.ts); the page
// compiles the same text too (milliseconds: it gives the programs that frames between checkpoints
// are replayed with) while the worker records the first part, shows that part as soon as it comes,
// and appends each later part to the trace (`appendParts`, no copy of what it has).
import type { FileMap } from '../../lang';
import { compileScenario, lookupIn } from '../../lang';
import { runOutcome } from '../../scenarios/runner';
import type { ScenarioRun } from '../../scenarios/runner';
import type { Protocol } from '../../servers/protocols';
import type { FollowListener } from '../../store/openScenario';
import { scenarioSource } from '../../store/scenarioSource';
import { capNotice } from '../openRequest';
import type { RecordingRunner, RecordMessage, RecordRequest } from './protocol';
import { failureMessage } from '../../store/openScenario';
import { protocolsOf, runFromParts } from './restore';
import type { Restored } from './restore';

/**
 * Starts `request` on `runner` and resolves with its first part as a run to show (following the
 * rest), with its diagnostics when it fails, or null when there is no worker to record it.
 */
export function openRecording(
  runner: RecordingRunner,
  request: RecordRequest,
  builtins: FileMap,
  protocols?: readonly Protocol[],
): Promise<Restored | null> {
  return new Promise((resolve) => {
    let run: ScenarioRun | null = null;
    let shown: readonly Protocol[] = [];
    let listener: FollowListener | null = null;
    let end: { readonly notice: string | null } | null = null;
    let failed: string | null = null;
    let untold = false;
    let stopped = false;
    let compiled: ReturnType<typeof compileScenario> | null = null;
    const compile = () =>
      (compiled ??= compileScenario(request.text, {
        files: lookupIn(request.files, builtins),
        path: request.path,
        ...(request.abi === undefined ? {} : { abi: request.abi }),
      }));

    const source = () => {
      if (run === null) throw new Error('no run yet');
      return scenarioSource(run, { protocols: shown, recording: end === null });
    };
    const tell = () => {
      if (listener === null) return;
      if (failed !== null) listener.failed(failed);
      else if (untold) listener.part(source, end);
      untold = false;
    };
    const follow = (l: FollowListener) => {
      listener = l;
      tell();
      return () => {
        listener = null;
        if (stopped || end !== null || failed !== null) return;
        stopped = true;
        stop();
      };
    };

    const first = (m: RecordMessage) => {
      if (m.kind === 'unavailable') return resolve(null);
      if (m.kind === 'failed') {
        return resolve({
          ok: false,
          message: failureMessage(m.diagnostics),
          diagnostics: m.diagnostics,
        });
      }
      const compiled = compile();
      if (!compiled.ok) {
        stop();
        return resolve({
          ok: false,
          message: failureMessage(compiled.diagnostics),
          diagnostics: compiled.diagnostics,
        });
      }
      run = runFromParts(compiled, m.parts);
      const { trace } = run;
      shown = protocols ?? protocolsOf(compiled.scenario.origins);
      if (m.done) end = { notice: m.capped ? capNotice(trace.length - 1) : null };
      resolve({
        ok: true,
        diagnostics: m.diagnostics,
        capped: m.done && m.capped,
        source: source(),
        more: null,
        ...(m.done ? {} : { follow }),
      });
    };

    const later = (m: RecordMessage) => {
      if (stopped || run === null || end !== null || failed !== null) return;
      if (m.kind !== 'part') {
        failed = `Recording the run stopped: ${m.kind === 'failed' ? failureMessage(m.diagnostics) : m.message}`;
      } else {
        try {
          const trace = run.trace.appendParts(m.parts);
          run = { ...run, trace, outcome: runOutcome(trace.outcome) };
          if (m.done) end = { notice: m.capped ? capNotice(trace.length - 1) : null };
        } catch (error) {
          failed = `Recording the run stopped: ${error instanceof Error ? error.message : String(error)}`;
          stop();
        }
      }
      untold = true;
      tell();
    };

    let started = false;
    let stop: () => void = () => {
      stopped = true;
    };
    stop = runner.record(request, (m) => {
      if (started) later(m);
      else {
        started = true;
        first(m);
      }
    });
    // While the worker records the first part, the same text is compiled here.
    compile();
  });
}
