// Counterexamples the generated-program runs found (shrunk by fast-check) and hostile programs,
// kept as scenario files under src/scenarios/regressions/: each runs with every invariant checked
// after every step, and replays identically.
import { describe, expect, it } from 'vitest';
import { checkScenario } from './testSupport/checkedScenario';

const files = import.meta.glob<string>('./regressions/*.c', {
  query: '?raw',
  import: 'default',
  eager: true,
});

describe('regression scenarios', () => {
  it('the folder holds some', () => {
    expect(Object.keys(files).length).toBeGreaterThan(0);
  });
  for (const [path, text] of Object.entries(files)) {
    it(`${path}: no invariant violated in 2,000 steps`, () => {
      expect(checkScenario(text, 2000).violations).toEqual([]);
    });
  }
});
