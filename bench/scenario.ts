/**
 * The scenario language on the kernel, headless (the goal is at least 300,000 C statements per
 * second): a C client/memory-server loop compiled by src/lang and
 * stepped by the kernel — once as a bare step loop, once through `runScenario` (compile, record a
 * checkpointed trace), the same path as `cli run`.
 */
import { readFileSync } from 'node:fs';
import { boot, step } from '../src/kernel/index';
import { compileScenario } from '../src/lang';
import { bootSpecOf, runScenario } from '../src/scenarios/runner';
import { cpuSeconds, medianOf } from './measure';
import type { BenchResult } from './report';

const STEPS = 100_000;

export function run(): BenchResult[] {
  const text = readFileSync(new URL('./workloads/memory-loop.c', import.meta.url), 'utf8');
  const compiled = compileScenario(text);
  if (!compiled.ok) throw new Error(`bench workload: ${compiled.diagnostics[0]?.message}`);
  const { spec, programs } = bootSpecOf(compiled.scenario);

  const statementsPerSecond = medianOf(5, () => {
    let statements = 0;
    const seconds = cpuSeconds(() => {
      let world = boot(spec, programs);
      for (let i = 0; i < STEPS && world.outcome === null; i++) {
        const result = step(world, programs);
        world = result.world;
        for (const e of result.effects) if (e.kind === 'statement') statements++;
      }
    });
    return statements / seconds;
  });

  let frames = 0;
  const recorded = cpuSeconds(() => {
    const result = runScenario(text, { maxSteps: STEPS });
    if (!result.ok) throw new Error('bench workload failed to run');
    frames = result.trace.length;
  });

  return [
    {
      name: 'C statements per CPU second (step loop, median of 5)',
      value: statementsPerSecond,
      unit: 'stmt/s',
      target: '≥ 300,000',
    },
    {
      name: 'C steps per second (compile + recordTrace)',
      value: (frames - 1) / recorded,
      unit: 'steps/s',
    },
    { name: 'trace length', value: frames, unit: 'frames' },
  ];
}
