// From a scenario's text to a FrameSource: compile, run on the kernel, adapt. Never throws: a
// scenario that does not compile or boot comes back as one message with line and column.
import { runScenario } from '../scenarios/runner';
import type { RunOptions } from '../scenarios/runner';
import type { Protocol } from '../servers/protocols';
import { scenarioSource } from './scenarioSource';
import type { FrameSource } from './viewModel';

export type OpenedScenario =
  | { readonly ok: true; readonly source: FrameSource }
  | { readonly ok: false; readonly message: string };

export function openScenarioText(
  text: string,
  protocols: readonly Protocol[] = [],
  options: RunOptions = {},
): OpenedScenario {
  try {
    const run = runScenario(text, options);
    if (!run.ok) {
      const first = run.diagnostics.find((d) => d.severity === 'error') ?? run.diagnostics[0];
      const where = first ? `line ${first.line}, column ${first.column}: ` : '';
      return {
        ok: false,
        message: `The scenario does not compile: ${where}${first?.message ?? 'unknown error'}`,
      };
    }
    return { ok: true, source: scenarioSource(run, { protocols }) };
  } catch (error) {
    return {
      ok: false,
      message: `The scenario could not be run: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
