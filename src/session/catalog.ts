// Where the session gets its scenarios: the built-in lessons by id, or a scenario's text (a draft,
// a generated run for the bench). Opening never throws: a bad id or a scenario that fails to build
// gives a message. This module and what it opens (the compiler, the kernel) are loaded after the
// page's first paint: see loadCatalog.ts.
import { openScenarioText } from '../store/openScenario';
import type { Recorded } from '../store/openScenario';

/** A scenario the picker lists. */
export interface ScenarioChoice {
  readonly id: string;
  readonly title: string;
}

/** An opened scenario: its source so far, and how to record the rest (see openScenario.ts). */
export type OpenResult =
  ({ readonly ok: true } & Recorded) | { readonly ok: false; readonly message: string };

export interface OpenOptions {
  /** Record at least this many steps before the result comes back; the rest through `more`. */
  readonly firstSteps?: number;
  /** Stop the run after this many steps (default: the runner's cap). */
  readonly maxSteps?: number;
}

export interface ScenarioCatalog {
  /** Opened when the URL names none, or names one that does not exist. */
  readonly defaultId: string;
  /** What the picker lists (reads every lesson's header: ask once the first frame is up). */
  choices(): readonly ScenarioChoice[];
  open(id: string, options?: OpenOptions): Promise<OpenResult>;
  /** Compiles and runs a scenario given as text (not a built-in). */
  openText(text: string, options?: OpenOptions): Promise<OpenResult>;
}

/** A built-in scenario as the catalog sees it: its id, and how to run it. */
export interface CatalogEntry {
  readonly id: string;
  /** Compiles and runs the scenario; throws with a message when it cannot. */
  readonly open: (options: OpenOptions) => Recorded;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A catalog over `builtIns` (the scenario registry's entries, in course order). `choices` lists
 * them with their titles; it is called once, when first needed.
 */
export function createCatalog(
  builtIns: readonly CatalogEntry[],
  choices: () => readonly ScenarioChoice[],
): ScenarioCatalog {
  let listed: readonly ScenarioChoice[] | null = null;
  return {
    defaultId: builtIns[0]?.id ?? '',
    choices() {
      listed ??= choices();
      return listed;
    },
    open(id, options = {}) {
      const entry = builtIns.find((s) => s.id === id);
      if (!entry) {
        const shown = id.length > 100 ? `${id.slice(0, 100)}…` : id;
        return Promise.resolve({ ok: false, message: `There is no scenario "${shown}".` });
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
    openText(text, options = {}) {
      return Promise.resolve(openScenarioText(text, [], options));
    },
  };
}
