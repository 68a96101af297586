// From a scenario's text to a FrameSource: compile, run on the kernel, adapt. Never throws: a
// scenario that does not compile or boot comes back as one message with line and column.
// A long run can be shown before it is all recorded: with `firstSteps`, the source holds that many
// steps (flagged `recording`) and `more(n)` records up to n more, giving a longer source of the same
// run, until the run ends or reaches its step limit (`more` is then null).
import type { Diagnostic } from '../lang';
import { fileLabel } from '../scenarios/files';
import { DEFAULT_MAX_STEPS, recordedSteps, runOutcome, runScenario } from '../scenarios/runner';
import type { RunOptions, ScenarioRun } from '../scenarios/runner';
import type { Protocol } from '../servers/protocols';
import { scenarioSource } from './scenarioSource';
import type { FrameSource } from './viewModel';

/** Told the rest of a run recorded elsewhere (the page's worker), part by part. */
export interface FollowListener {
  /**
   * More of the run is here: `source()` gives the run so far as a source (call it only to show
   * it); with `end`, it is the whole run, and `end.notice` says why it stopped early, if it did.
   */
  readonly part: (
    source: () => FrameSource,
    end: { readonly notice: string | null } | null,
  ) => void;
  /** The recording stopped: the store keeps what it had. */
  readonly failed: (message: string) => void;
}

/** What is recorded so far of a run, and how to record more of it. */
export interface Recorded {
  readonly source: FrameSource;
  /** Records up to `steps` more steps; null once the run has ended or reached its step limit. */
  readonly more: ((steps: number) => Recorded) | null;
  /**
   * Set when the rest is being recorded elsewhere (a worker) and comes in parts: subscribes to
   * them (once); returns a function that stops the recording.
   */
  readonly follow?: (listener: FollowListener) => () => void;
}

export type OpenedScenario =
  ({ readonly ok: true } & Recorded) | { readonly ok: false; readonly message: string };

export interface OpenOptions extends RunOptions {
  /** Steps to record before returning (default: the whole run); `more` records the rest. */
  readonly firstSteps?: number;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A run as a frame source (flagged `recording` until it ends or reaches `maxSteps`). */
export function recorded(
  run: ScenarioRun,
  protocols: readonly Protocol[],
  maxSteps: number,
): Recorded {
  const steps = run.trace.length - 1;
  const done = run.trace.outcome !== null || steps >= maxSteps;
  return {
    source: scenarioSource(run, { protocols, recording: !done }),
    more: done
      ? null
      : (n) => {
          const trace = run.trace.extend(Math.max(1, Math.min(Math.floor(n), maxSteps - steps)));
          return recorded(
            { ...run, trace, outcome: runOutcome(trace.outcome) },
            protocols,
            maxSteps,
          );
        },
  };
}

/**
 * The first error as one sentence, `file, line 3, column 5: message`, the file named as on the
 * editor's tab (`call-reply.c`, `servers/memory.c`), so the notice and the problem list agree.
 */
export function failureMessage(diagnostics: readonly Diagnostic[]): string {
  const first = diagnostics.find((d) => d.severity === 'error') ?? diagnostics[0];
  if (first === undefined) return 'The scenario does not compile.';
  const file = first.file === undefined ? '' : `${fileLabel(first.file)}, `;
  return `The scenario does not compile: ${file}line ${first.line}, column ${first.column}: ${first.message}`;
}

export function openScenarioText(
  text: string,
  protocols: readonly Protocol[] = [],
  options: OpenOptions = {},
): OpenedScenario {
  try {
    const { firstSteps, ...runOptions } = options;
    const maxSteps = recordedSteps(runOptions.maxSteps ?? DEFAULT_MAX_STEPS);
    const steps = Math.max(0, Math.min(maxSteps, Math.floor(firstSteps ?? maxSteps)));
    const run = runScenario(text, { ...runOptions, maxSteps: steps });
    if (!run.ok) {
      return { ok: false, message: failureMessage(run.diagnostics) };
    }
    return { ok: true, ...recorded(run, protocols, maxSteps) };
  } catch (error) {
    return { ok: false, message: `The scenario could not be run: ${describe(error)}` };
  }
}
