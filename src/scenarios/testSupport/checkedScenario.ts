/**
 * Runs a scenario's text with every kernel invariant checked after every step
 * (src/kernel/invariants.ts, `checkInvariants` and `checkStepInvariants`), then runs it a second
 * time from a fresh compile and compares every step's effects and the final world (replay
 * identity). Used by the generated-program property test and `npm run bench -- reliability`.
 */
import { boot, step } from '../../kernel';
import type { KernelEffect, World } from '../../kernel';
import { checkInvariants, checkStepInvariants } from '../../kernel/invariants';
import { compileScenario } from '../../lang';
import { bootSpecOf } from '../runner';

export interface CheckedScenario {
  /** Steps taken (each checked). */
  readonly steps: number;
  /** `finished`, `deadlock`, `idle` or `max-steps`. */
  readonly outcome: string;
  /** Every violation found, `step n: …`; empty when the run is consistent. */
  readonly violations: readonly string[];
}

function once(text: string, maxSteps: number, check: boolean) {
  const compiled = compileScenario(text);
  if (!compiled.ok) {
    const d = compiled.diagnostics[0];
    throw new Error(`generated scenario does not compile: ${d?.line}:${d?.column}: ${d?.message}`);
  }
  const { spec, programs } = bootSpecOf(compiled.scenario);
  let world: World = boot(spec, programs);
  const violations: string[] = check ? checkInvariants(world).map((e) => `boot: ${e}`) : [];
  const effects: (readonly KernelEffect[])[] = [];
  let n = 0;
  for (; n < maxSteps && world.outcome === null; n++) {
    const result = step(world, programs);
    if (check) {
      const errors = [
        ...checkInvariants(result.world),
        ...checkStepInvariants(world, result.world, result.effects, programs),
      ];
      violations.push(...errors.map((e) => `step ${n + 1}: ${e}`));
    }
    effects.push(result.effects);
    world = result.world;
  }
  return { world, effects, violations, steps: n };
}

const json = (x: unknown): string =>
  JSON.stringify(x, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));

/** Runs `text` for at most `maxSteps` steps, checked, and replays it. */
export function checkScenario(text: string, maxSteps: number): CheckedScenario {
  const first = once(text, maxSteps, true);
  const second = once(text, maxSteps, false);
  const violations = [...first.violations];
  if (second.steps !== first.steps) {
    violations.push(`replay took ${second.steps} steps, the first run ${first.steps}`);
  } else {
    const at = first.effects.findIndex((e, i) => json(e) !== json(second.effects[i]));
    if (at >= 0) violations.push(`replay differs at step ${at + 1}`);
    else if (json(second.world) !== json(first.world)) violations.push('replay ends elsewhere');
  }
  const outcome = first.world.outcome?.kind ?? 'max-steps';
  return { steps: first.steps, outcome, violations };
}
