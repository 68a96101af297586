// Where the visualizer gets its scenarios: the built-in lessons, and two generated runs reachable by
// URL only: `__fake` (a closed-form stand-in, no kernel: `?scenario=__fake&threads=16&steps=10000`)
// and `__stress` (a generated lesson on the real kernel, used by the bench). Opening never throws: a
// bad id or a scenario that fails to build gives a message. This module and what it opens (the
// compiler, the kernel) are loaded after the page's first paint: see loadCatalog.ts.
import { openScenarioText } from '../../store/openScenario';
import type { Recorded } from '../../store/openScenario';
import type { ScenarioChoice } from '../panels/ScenarioPicker';

/** An opened scenario: its source so far, and how to record the rest (see openScenario.ts). */
export type OpenResult =
  ({ readonly ok: true } & Recorded) | { readonly ok: false; readonly message: string };

export interface OpenOptions {
  /** Record at least this many steps before the result comes back; the rest through `more`. */
  readonly firstSteps?: number;
}

export interface ScenarioCatalog {
  /** Opened when the URL names none, or names one that does not exist. */
  readonly defaultId: string;
  /** What the picker lists (reads every lesson's header: ask once the first frame is up). */
  choices(): readonly ScenarioChoice[];
  open(id: string, query: URLSearchParams, options?: OpenOptions): Promise<OpenResult>;
}

/** A built-in scenario as the catalog sees it: its id, and how to run it. */
export interface CatalogEntry {
  readonly id: string;
  /** Compiles and runs the scenario; throws with a message when it cannot. */
  readonly open: (options: OpenOptions) => Recorded;
}

export const FAKE_ID = '__fake';
export const STRESS_ID = '__stress';
const MAX_FAKE_STEPS = 1_000_000;

function intParam(
  query: URLSearchParams,
  key: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const n = Number(query.get(key));
  return Number.isInteger(n) && n >= min && n <= max ? n : fallback;
}

async function openFake(query: URLSearchParams): Promise<OpenResult> {
  const { fakeFrameSource } = await import('../../store/fake/fakeFrameSource');
  const threads = intParam(query, 'threads', 3, 2, 64);
  const steps = intParam(query, 'steps', 1 + 5 * (threads - 1) * 2, 1, MAX_FAKE_STEPS);
  return { ok: true, source: fakeFrameSource({ threads, steps }), more: null };
}

/** A generated lesson run on the real kernel: `threads` threads, `steps` steps (for the bench). */
async function openStress(query: URLSearchParams, options: OpenOptions): Promise<OpenResult> {
  const { stressScenarioText } = await import('../../store/fake/stressScenario');
  const threads = intParam(query, 'threads', 16, 2, 64);
  const steps = intParam(query, 'steps', 10_000, 1, MAX_FAKE_STEPS);
  return openScenarioText(stressScenarioText(threads), [], { ...options, maxSteps: steps });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const STAND_IN: ScenarioChoice = {
  id: FAKE_ID,
  title: 'Generated demo: a memory server and two clients',
};

/**
 * A catalog over `builtIns` (the scenario registry's entries, in course order), with the stand-in
 * always openable. `choices` lists them with their titles; it is called once, when first needed.
 */
export function createCatalog(
  builtIns: readonly CatalogEntry[],
  choices: () => readonly ScenarioChoice[],
): ScenarioCatalog {
  let listed: readonly ScenarioChoice[] | null = null;
  return {
    defaultId: builtIns[0]?.id ?? FAKE_ID,
    choices() {
      listed ??= builtIns.length === 0 ? [STAND_IN] : choices();
      return listed;
    },
    async open(id, query, options = {}) {
      if (id === FAKE_ID) return openFake(query);
      if (id === STRESS_ID) return openStress(query, options);
      const entry = builtIns.find((s) => s.id === id);
      if (!entry) return { ok: false, message: `There is no scenario "${id}".` };
      try {
        return { ok: true, ...entry.open(options) };
      } catch (error) {
        return { ok: false, message: `Scenario "${id}" could not be run: ${describe(error)}` };
      }
    },
  };
}
