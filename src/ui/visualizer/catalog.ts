// Where the visualizer gets its scenarios: the built-in lessons, and two generated runs reachable by
// URL only: `__fake` (a closed-form stand-in, no kernel: `?scenario=__fake&threads=16&steps=10000`)
// and `__stress` (a generated lesson on the real kernel, used by the bench). Opening never throws: a
// bad id or a scenario that fails to build gives a message.
import { openScenarioText } from '../../store/openScenario';
import type { FrameSource } from '../../store/viewModel';
import type { ScenarioChoice } from '../panels/ScenarioPicker';

export type OpenResult =
  | { readonly ok: true; readonly source: FrameSource }
  | { readonly ok: false; readonly message: string };

export interface ScenarioCatalog {
  /** What the picker lists. */
  readonly choices: readonly ScenarioChoice[];
  /** Opened when the URL names none, or names one that does not exist. */
  readonly defaultId: string;
  open(id: string, query: URLSearchParams): Promise<OpenResult>;
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
  return { ok: true, source: fakeFrameSource({ threads, steps }) };
}

/** A generated lesson run on the real kernel: `threads` threads, `steps` steps (for the bench). */
async function openStress(query: URLSearchParams): Promise<OpenResult> {
  const { stressScenarioText } = await import('../../store/fake/stressScenario');
  const threads = intParam(query, 'threads', 16, 2, 64);
  const steps = intParam(query, 'steps', 10_000, 1, MAX_FAKE_STEPS);
  return openScenarioText(stressScenarioText(threads), [], { maxSteps: steps });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A catalog over `builtIns` (the scenario registry's entries), with the stand-in always openable. */
export function createCatalog(
  builtIns: readonly (ScenarioChoice & { readonly open: () => FrameSource })[],
): ScenarioCatalog {
  const choices: ScenarioChoice[] = builtIns.map(({ id, title }) => ({ id, title }));
  if (choices.length === 0)
    choices.push({ id: FAKE_ID, title: 'Generated demo: a memory server and two clients' });
  return {
    choices,
    defaultId: choices[0]?.id ?? FAKE_ID,
    async open(id, query) {
      if (id === FAKE_ID) return openFake(query);
      if (id === STRESS_ID) return openStress(query);
      const entry = builtIns.find((s) => s.id === id);
      if (!entry) return { ok: false, message: `There is no scenario "${id}".` };
      try {
        return { ok: true, source: entry.open() };
      } catch (error) {
        return { ok: false, message: `Scenario "${id}" could not be run: ${describe(error)}` };
      }
    },
  };
}
