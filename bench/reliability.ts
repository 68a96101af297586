/**
 * `npm run bench -- reliability`: 10,000 generated programs in the scenario language
 * (src/scenarios/testSupport/generatedScenario.ts), each run for up to 500 steps with every kernel
 * invariant checked after every step and replayed (src/scenarios/testSupport/checkedScenario.ts).
 * A violation stops the run; fast-check shrinks the program and it is written to
 * src/scenarios/regressions/ (where src/scenarios/regressions.test.ts runs it) and printed.
 * `RELIABILITY_RUNS=n` and `RELIABILITY_SEED=s` change the count and the seed.
 */
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { checkScenario } from '../src/scenarios/testSupport/checkedScenario';
import { scenarioText, genScenario } from '../src/scenarios/testSupport/generatedScenario';
import type { BenchResult } from './report';

const STEPS = 500;

export function run(): BenchResult[] {
  const runs = Number(process.env.RELIABILITY_RUNS ?? 10_000);
  const seed = Number(process.env.RELIABILITY_SEED ?? Date.now() % 0x7fffffff);
  let count = 0;
  let steps = 0;
  const outcomes = new Map<string, number>();
  const started = process.hrtime.bigint();
  const details = fc.check(
    fc.property(genScenario, (g) => {
      const result = checkScenario(scenarioText(g), STEPS);
      count++;
      steps += result.steps;
      outcomes.set(result.outcome, (outcomes.get(result.outcome) ?? 0) + 1);
      return result.violations.length === 0;
    }),
    { numRuns: runs, seed },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  let violations = 0;
  if (details.failed && details.counterexample !== null) {
    violations = 1;
    const text = scenarioText(details.counterexample[0]);
    const found = checkScenario(text, STEPS).violations;
    const file = new URL(`../src/scenarios/regressions/found-${seed}.c`, import.meta.url);
    writeFileSync(
      file,
      `// Found by npm run bench -- reliability (seed ${seed}), shrunk by fast-check: ${found[0] ?? ''}\n` +
        text.replace('@scenario generated', `@scenario found-${seed}`),
    );
    console.log(`violation (seed ${seed}): ${found.join('; ')}\nkept as ${file.pathname}`);
  }
  console.log(`seed ${seed}; outcomes: ${[...outcomes].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  return [
    { name: 'generated programs run', value: count, unit: 'runs', target: `${runs}` },
    { name: 'steps checked (every invariant, every step)', value: steps, unit: 'steps' },
    { name: 'invariant violations', value: violations, unit: 'programs', target: '0' },
    { name: 'time', value: seconds, unit: 's' },
  ];
}
