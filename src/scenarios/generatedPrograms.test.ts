// Generated whole programs in the scenario language (src/scenarios/testSupport/generatedScenario.ts),
// each run with every kernel invariant checked after every step and replayed
// (src/scenarios/testSupport/checkedScenario.ts). `npm run bench -- reliability` runs 10,000.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../lang';
import { checkScenario } from './testSupport/checkedScenario';
import { genScenario, scenarioText } from './testSupport/generatedScenario';

/** Steps per generated run in `npm test` (the bench uses more). */
const STEPS = 300;

describe('generated programs', { timeout: 120_000 }, () => {
  it('every generated scenario compiles', () => {
    fc.assert(
      fc.property(genScenario, (g) => {
        const r = compileScenario(scenarioText(g));
        expect(r.ok ? [] : r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('500 runs: every invariant holds after every step, and each replay is identical', () => {
    const outcomes = new Set<string>();
    fc.assert(
      fc.property(genScenario, (g) => {
        const run = checkScenario(scenarioText(g), STEPS);
        outcomes.add(run.outcome);
        expect(run.violations).toEqual([]);
      }),
      { numRuns: 500 },
    );
    // The generator reaches every way a run can end.
    expect([...outcomes].sort()).toEqual(['deadlock', 'finished', 'idle', 'max-steps']);
  });
});
