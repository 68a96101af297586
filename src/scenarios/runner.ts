/**
 * The scenario runner: scenario text → compiled scenario → kernel boot spec → recorded trace →
 * outcome. Pure and deterministic; the CLI (`run`), the tests and the visualizer use it.
 */
import type { Abi } from '../kernel/abi/word';
import { boot, BootError, recordTrace } from '../kernel';
import type { BootSpec, Outcome, Programs, Trace } from '../kernel';
import type { Diagnostic, FileLookup, FileMap } from '../lang';
import { compileScenario, lookupIn } from '../lang';
import type { ScenarioDef } from '../lang';

/** How a run ended: the kernel's outcome, or `max-steps` when the step budget ran out first. */
export type RunOutcome = 'finished' | 'deadlock' | 'idle' | 'max-steps';

export { DEFAULT_MAX_STEPS, MAX_RECORDED_STEPS } from './limits';
import { DEFAULT_MAX_STEPS, MAX_RECORDED_STEPS, recordLimitMessage } from './limits';

/** `maxSteps` as a recorded run takes it: a whole number from 0 to MAX_RECORDED_STEPS. */
export function recordedSteps(maxSteps: number): number {
  if (Number.isNaN(maxSteps)) return 0;
  return Math.max(0, Math.min(MAX_RECORDED_STEPS, Math.floor(maxSteps)));
}

export interface RunOptions {
  /** Overrides the header's `@abi`. */
  readonly abi?: Abi;
  /** Stop after this many steps (default `DEFAULT_MAX_STEPS`). */
  readonly maxSteps?: number;
  /** The trace keeps a world every N steps (see `recordTrace`). */
  readonly checkpointEvery?: number;
  /** Where `#include "..."` finds its files: a file map or a reader (none without it). */
  readonly files?: FileMap | FileLookup;
  /** The scenario's own path among `files` (its includes are looked up from its folder first). */
  readonly path?: string;
}

export interface ScenarioRun {
  readonly scenario: ScenarioDef;
  readonly spec: BootSpec;
  readonly programs: Programs;
  readonly trace: Trace;
  readonly outcome: RunOutcome;
  /** Warnings from the compiler. */
  readonly diagnostics: readonly Diagnostic[];
  /** Set when `maxSteps` was cut to MAX_RECORDED_STEPS: says so, for the user. */
  readonly notice?: string;
}

export type RunResult =
  | ({ readonly ok: true } & ScenarioRun)
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** The kernel's view of a compiled scenario: spaces with their regions, threads with their code. */
export function bootSpecOf(scenario: ScenarioDef): { spec: BootSpec; programs: Programs } {
  const spec: BootSpec = {
    abi: scenario.abi,
    options: scenario.options,
    spaces: scenario.spaces.map((s) => ({
      name: s.name,
      mappings: s.regions.map((r) => ({ base: r.base, sizeLog2: r.sizeLog2, rights: r.rights })),
    })),
    threads: scenario.threads.map((t) => ({
      name: t.name,
      space: t.space,
      priority: t.priority,
      threadNo: t.threadNo,
      version: t.version,
    })),
  };
  const programs: Programs = Object.fromEntries(scenario.threads.map((t) => [t.name, t.program]));
  return { spec, programs };
}

export function runOutcome(outcome: Outcome | null): RunOutcome {
  return outcome === null ? 'max-steps' : outcome.kind;
}

function bootFailure(error: unknown): RunResult {
  const message = error instanceof Error ? error.message : String(error);
  return {
    ok: false,
    diagnostics: [{ line: 1, column: 1, endColumn: 2, severity: 'error', message }],
  };
}

/** Runs an already compiled scenario. */
export function runCompiled(
  scenario: ScenarioDef,
  options: RunOptions = {},
  diagnostics: readonly Diagnostic[] = [],
): RunResult {
  const { spec, programs } = bootSpecOf(scenario);
  let world;
  try {
    world = boot(spec, programs);
  } catch (error) {
    if (error instanceof BootError) return bootFailure(error);
    throw error;
  }
  const maxSteps = recordedSteps(options.maxSteps ?? DEFAULT_MAX_STEPS);
  const trace = recordTrace(
    world,
    programs,
    maxSteps,
    options.checkpointEvery === undefined ? {} : { checkpointEvery: options.checkpointEvery },
  );
  return {
    ok: true,
    scenario,
    spec,
    programs,
    trace,
    outcome: runOutcome(trace.outcome),
    diagnostics,
    ...((options.maxSteps ?? 0) > MAX_RECORDED_STEPS ? { notice: recordLimitMessage() } : {}),
  };
}

/** Compiles and runs a scenario file's text. Compile errors come back as diagnostics. */
export function runScenario(text: string, options: RunOptions = {}): RunResult {
  const { abi, files, path } = options;
  const compiled = compileScenario(text, {
    ...(abi === undefined ? {} : { abi }),
    ...(files === undefined
      ? {}
      : { files: typeof files === 'function' ? files : lookupIn(files) }),
    ...(path === undefined ? {} : { path }),
  });
  if (!compiled.ok) return { ok: false, diagnostics: compiled.diagnostics };
  return runCompiled(compiled.scenario, options, compiled.diagnostics);
}

/** Runs a built-in lesson: its text, with its includes read from the file map it came from. */
export function runBuiltin(
  lesson: { readonly source: string; readonly path: string; readonly files: FileMap },
  options: Omit<RunOptions, 'files' | 'path'> = {},
): RunResult {
  return runScenario(lesson.source, { ...options, files: lesson.files, path: lesson.path });
}
