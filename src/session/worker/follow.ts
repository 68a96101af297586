// The page's half of a recording in parts: the worker compiles and records (recordJob.ts); the page
// compiles the same text too (milliseconds: it gives the programs that frames between checkpoints
// are replayed with) while the worker records the first part, shows that part as soon as it comes,
// and appends each later part to the trace (`appendParts`, no copy of what it has), its objects
// shared with the part before put back (`unpackParts`). When the step
// to show is among the first LOCAL_STEPS, the page does not wait for the worker's start: it records
// those few steps itself (a few ms) and shows them; a run that ends within them is all there is (no
// worker is asked); otherwise the worker's first part, which begins with the same steps (a run is
// deterministic), takes their place, and its later parts follow. A worker that cannot start after
// the page has shown its own steps ends the recording with a notice (a page without workers, the
// single file, has no runner: it records on its own thread from the start).
import type { World } from '../../kernel/index';
import type { Diagnostic, FileMap } from '../../lang';
import { compileScenario, lookupIn } from '../../lang';
import { recordedSteps, runCompiled, runOutcome } from '../../scenarios/runner';
import type { ScenarioRun } from '../../scenarios/runner';
import type { Protocol } from '../../servers/protocols';
import type { FollowListener } from '../../store/openScenario';
import { scenarioSource } from '../../store/scenarioSource';
import { mark, MARK } from '../marks';
import { capNotice } from '../openRequest';
import type { RecordingRunner, RecordMessage, RecordRequest } from './protocol';
import { failureMessage } from '../../store/openScenario';
import { protocolsOf, runFromParts } from './restore';
import type { Restored } from './restore';
import { unpackParts } from './sharedParts';
import type { Strings } from './sharedParts';

/** A first part packed against a part before it: none came, so it cannot be read. */
const PACKED_FIRST = 'Recording the run stopped: its first part refers to one before it.';

/** At most this many steps are recorded on the page for its first frame (see above). */
export const LOCAL_STEPS = 256;

/**
 * Starts `request` on `runner` and resolves with its first part as a run to show (following the
 * rest), with its diagnostics when it fails, or null when there is no worker to record it.
 * `showStep` is the step the page shows first (unknown: the page waits for the worker's part).
 */
export function openRecording(
  runner: RecordingRunner,
  request: RecordRequest,
  builtins: FileMap,
  protocols?: readonly Protocol[],
  showStep?: number,
): Promise<Restored | null> {
  return new Promise((resolve) => {
    let run: ScenarioRun | null = null;
    /** The last world of the last part: what the next part is packed against. */
    let last: World | null = null;
    const strings: Strings = new Map();
    let shown: readonly Protocol[] = [];
    let listener: FollowListener | null = null;
    let end: { readonly notice: string | null } | null = null;
    let failed: string | null = null;
    let untold = false;
    let stopped = false;
    let compiled: ReturnType<typeof compileScenario> | null = null;
    const compile = () => {
      if (compiled !== null) return compiled;
      mark(MARK.compileStart);
      compiled = compileScenario(request.text, {
        files: lookupIn(request.files, builtins),
        path: request.path,
        ...(request.abi === undefined ? {} : { abi: request.abi }),
      });
      mark(MARK.compileEnd);
      return compiled;
    };

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
      mark(MARK.firstPart);
      if (m.kind === 'unavailable') return resolve(null);
      if (m.kind === 'failed') {
        return resolve({
          ok: false,
          message: failureMessage(m.diagnostics),
          diagnostics: m.diagnostics,
        });
      }
      if ('shared' in m.parts) {
        stop();
        return resolve({ ok: false, message: PACKED_FIRST, diagnostics: [] });
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
      last = m.parts.last;
      show(compiled, runFromParts(compiled, m.parts), m.done, m.capped, m.diagnostics);
    };

    const show = (
      compiled: Extract<ReturnType<typeof compileScenario>, { ok: true }>,
      first: ScenarioRun,
      done: boolean,
      capped: boolean,
      diagnostics: readonly Diagnostic[],
    ) => {
      run = first;
      shown = protocols ?? protocolsOf(compiled.scenario.origins);
      if (done) end = { notice: capped ? capNotice(first.trace.length - 1) : null };
      resolve({
        ok: true,
        diagnostics,
        capped: done && capped,
        source: source(),
        more: null,
        ...(done ? {} : { follow }),
      });
    };

    /**
     * The first steps recorded here and shown, when the step to show is among them (see above);
     * true when they are the whole run (no worker is asked).
     */
    let here = false;
    const recordHere = (): boolean => {
      const maxSteps = recordedSteps(request.maxSteps);
      const steps = Math.min(request.firstSteps, LOCAL_STEPS, maxSteps);
      if (showStep === undefined || showStep >= steps) return false;
      const compiled = compile();
      if (!compiled.ok) return false; // the worker's first answer says why
      const local = runCompiled(compiled.scenario, { maxSteps: steps }, compiled.diagnostics);
      if (!local.ok) return false;
      here = true;
      mark(MARK.firstPart);
      const { trace } = local;
      const done = trace.outcome !== null || trace.length - 1 >= maxSteps;
      show(compiled, local, done, done && trace.outcome === null, compiled.diagnostics);
      return done;
    };

    /** The worker's first part after the page's own: it starts with the same steps, and has more. */
    const replace = (m: RecordMessage) => {
      const compiled = compile();
      if (m.kind !== 'part' || !compiled.ok) return later(m);
      if (stopped || run === null || end !== null || failed !== null) return;
      if ('shared' in m.parts) {
        failed = PACKED_FIRST;
        stop();
      } else if (m.parts.effects.length >= run.trace.length) {
        run = runFromParts(compiled, m.parts);
        last = m.parts.last;
      } else return;
      if (failed === null && m.done) {
        end = { notice: m.capped ? capNotice(run.trace.length - 1) : null };
      }
      untold = true;
      tell();
    };

    const later = (m: RecordMessage) => {
      if (stopped || run === null || end !== null || failed !== null) return;
      if (m.kind !== 'part') {
        failed = `Recording the run stopped: ${m.kind === 'failed' ? failureMessage(m.diagnostics) : m.message}`;
      } else if (last === null) {
        failed = 'Recording the run stopped: a part came before the first one.';
        stop();
      } else {
        try {
          const parts = 'shared' in m.parts ? unpackParts(m.parts, last, strings) : m.parts;
          const trace = run.trace.appendParts(parts);
          last = parts.last;
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
    mark(MARK.recordAsked);
    if (recordHere()) return;
    stop = runner.record(request, (m) => {
      if (started) later(m);
      else {
        started = true;
        if (here) replace(m);
        else first(m);
      }
    });
    // While the worker records the first part, the same text is compiled here.
    compile();
  });
}
