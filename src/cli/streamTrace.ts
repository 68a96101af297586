/**
 * `cli run`'s trace: the kernel steps and each step's events go to the one trace writer
 * (src/scenarios/traceWriter.ts, docs/trace-format.md) at once, so a run of 10,000,000 steps
 * prints without holding its steps: memory stays that of one world. The page's trace export feeds
 * the same writer the recorded frames, so both print the same bytes.
 */
import { boot, step } from '../kernel';
import type { World } from '../kernel';
import { hex } from '../kernel/abi/word';
import { bootSpecOf, runOutcome } from '../scenarios/runner';
import { eventsOf, traceHead, traceTail } from '../scenarios/traceJson';
import { traceWriter } from '../scenarios/traceWriter';
import type { ScenarioDef } from '../lang';

/** Writes the trace of `scenario` run for at most `maxSteps` steps; throws `BootError`. */
export function streamTrace(
  scenario: ScenarioDef,
  maxSteps: number,
  write: (chunk: string) => void,
): void {
  const { spec, programs } = bootSpecOf(scenario);
  let world: World = boot(spec, programs);
  const names = new Map(world.threads.map((t) => [hex(t.id), t.name]));
  const writer = traceWriter(traceHead(scenario.id, world.abi), write);
  let steps = 0;
  for (; steps < maxSteps && world.outcome === null; steps++) {
    const result = step(world, programs);
    world = result.world;
    writer.events(eventsOf(result.effects, steps + 1, world.now, names));
  }
  writer.end(traceTail(world, steps, runOutcome(world.outcome)));
}
