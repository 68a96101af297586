// Where the session gets its scenarios: the built-in lessons by id, or a scenario's text (a draft,
// a generated run for the bench). Opening never throws: a bad id or a scenario that fails to build
// gives a message. This module and what it opens (the compiler, the kernel) are loaded after the
// page's first paint: see loadCatalog.ts.
import { DEFAULT_MAX_STEPS } from '../scenarios/runner';
import type { Diagnostic, FileMap } from '../lang';
import { loadCapnpCodec, lookupIn, mayUseCapnp } from '../lang';
import { openScenarioText } from '../store/openScenario';
import type { Recorded } from '../store/openScenario';
import type { Protocol } from '../servers/protocols';
import { openRecording } from './worker/follow';
import type { RecordingRunner, RunnerPort } from './worker/protocol';
import { restore } from './worker/restore';

/** A scenario the picker lists. */
export interface ScenarioChoice {
  readonly id: string;
  readonly title: string;
}

/** An opened scenario: its source so far, and how to record the rest (see openScenario.ts). */
export type OpenResult =
  | ({
      readonly ok: true;
      /** A text's warnings (a built-in has none). */
      readonly diagnostics?: readonly Diagnostic[];
      /** The run stopped at the step cap. */
      readonly capped?: boolean;
    } & Recorded)
  | {
      readonly ok: false;
      readonly message: string;
      /** A text's errors, each with file, line, column and end column. */
      readonly diagnostics?: readonly Diagnostic[];
    };

export interface OpenOptions {
  /** Record at least this many steps before the result comes back; the rest through `more`. */
  readonly firstSteps?: number;
  /** Stop the run after this many steps (default: the runner's cap). */
  readonly maxSteps?: number;
  /**
   * The step shown first. When it is among the first few, a recording in parts may show those
   * steps (recorded on the page) before the worker's first part; unknown, it waits for the part.
   */
  readonly showStep?: number;
}

/** A scenario given as text: its own files (a forked server, a helper) and its path among them. */
export interface TextOptions extends OpenOptions {
  /** Files its `#include`s read before the built-ins (`servers/memory.c` forks the built-in one). */
  readonly files?: FileMap;
  /** Its path (`draft.c`, `lessons/call-reply.c`): includes are looked up from its folder first. */
  readonly path?: string;
}

export interface ScenarioCatalog {
  /** Opened when the URL names none, or names one that does not exist. */
  readonly defaultId: string;
  /** What the picker lists (reads every lesson's header: ask once the first frame is up). */
  choices(): readonly ScenarioChoice[];
  open(id: string, options?: OpenOptions): Promise<OpenResult>;
  /**
   * Compiles and runs a scenario given as text (not a built-in; it may include the built-ins):
   * through the catalog's runner when it has one (a Web Worker in the page), else in-process.
   */
  openText(text: string, options?: TextOptions): Promise<OpenResult>;
  /** The built-in files (`lessons/<id>.c`, `servers/<name>.c`) an editor shows and forks. */
  readonly files: FileMap;
  /** The same catalog, its texts run by `runner` (the page's Web Worker). */
  withRunner(runner: RunnerPort): ScenarioCatalog;
}

/** A built-in scenario as the catalog sees it: its id, and how to run it. */
export interface CatalogEntry {
  readonly id: string;
  /** Compiles and runs the scenario; throws with a message when it cannot. */
  readonly open: (options: OpenOptions) => Recorded;
  /** Its file among the catalog's `files` and its protocols: a worker can record it from these. */
  readonly text?: { readonly path: string; readonly protocols: readonly Protocol[] };
}

const recorderOf = (runner: RunnerPort | undefined): RecordingRunner | undefined =>
  runner !== undefined && 'record' in runner ? (runner as RecordingRunner) : undefined;

/**
 * Loads the Cap'n Proto codec (its own chunk) before a scenario that may use it runs on the page:
 * null when done or not needed, else why it could not be loaded.
 */
async function capnpFor(texts: readonly string[]): Promise<OpenResult | null> {
  if (!mayUseCapnp(texts)) return null;
  try {
    await loadCapnpCodec();
    return null;
  } catch (error) {
    return { ok: false, message: `Cap'n Proto support could not be loaded: ${describe(error)}` };
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A catalog over `builtIns` (the scenario registry's entries, in course order). `choices` lists
 * them with their titles; it is called once, when first needed. `files` are the built-in files a
 * text may include. With a `runner` that records in parts (the page's worker), built-ins and
 * texts are compiled and recorded by it: the first part is shown as soon as it comes and the rest
 * follows (`follow`); with a runner that only runs, a text is recorded whole by it; without one, or
 * when the worker cannot start, on this thread: its first steps now, the rest through `more` in
 * idle time.
 */
export function createCatalog(
  builtIns: readonly CatalogEntry[],
  choices: () => readonly ScenarioChoice[],
  files: FileMap = {},
  runner?: RunnerPort,
): ScenarioCatalog {
  let listed: readonly ScenarioChoice[] | null = null;
  const recorder = recorderOf(runner);
  return {
    defaultId: builtIns[0]?.id ?? '',
    choices() {
      listed ??= choices();
      return listed;
    },
    async open(id, options = {}) {
      const entry = builtIns.find((s) => s.id === id);
      if (!entry) {
        const shown = id.length > 100 ? `${id.slice(0, 100)}…` : id;
        return Promise.resolve({ ok: false, message: `There is no scenario "${shown}".` });
      }
      const text = entry.text === undefined ? undefined : files[entry.text.path];
      const capnp = await capnpFor([id, text ?? '']);
      if (capnp !== null) return capnp;
      if (recorder !== undefined && entry.text !== undefined && text !== undefined) {
        const maxSteps = options.maxSteps ?? DEFAULT_MAX_STEPS;
        const request = {
          text,
          files: {},
          path: entry.text.path,
          maxSteps,
          firstSteps: options.firstSteps ?? maxSteps,
        };
        const recorded = await openRecording(
          recorder,
          request,
          files,
          entry.text.protocols,
          options.showStep,
        );
        if (recorded !== null) return recorded;
      }
      try {
        return Promise.resolve({ ok: true, ...entry.open(options) });
      } catch (error) {
        return Promise.resolve({
          ok: false,
          message: `Scenario "${id}" could not be run: ${describe(error)}`,
        });
      }
    },
    files,
    withRunner(other) {
      return createCatalog(builtIns, choices, files, other);
    },
    async openText(text, options = {}) {
      const { files: own = {}, path = 'scenario.c', ...rest } = options;
      const capnp = await capnpFor([text, ...Object.values(own)]);
      if (capnp !== null) return capnp;
      const inProcess = () =>
        openScenarioText(text, [], { ...rest, files: lookupIn(own, files), path });
      if (runner === undefined) return inProcess();
      const request = { text, files: own, path, maxSteps: rest.maxSteps ?? DEFAULT_MAX_STEPS };
      if (recorder !== undefined) {
        const first = { ...request, firstSteps: rest.firstSteps ?? request.maxSteps };
        return (
          (await openRecording(recorder, first, files, undefined, rest.showStep)) ?? inProcess()
        );
      }
      try {
        return restore(request, await runner.run(request), files);
      } catch (error) {
        return { ok: false, message: `The scenario could not be run: ${describe(error)}` };
      }
    },
  };
}
