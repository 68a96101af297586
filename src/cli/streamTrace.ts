/**
 * `cli run`'s trace writer: the same `rendezvous-trace` JSON object as `traceJson`
 * (src/scenarios/traceJson.ts, docs/trace-format.md), written while the kernel steps, so a run of
 * 10,000,000 steps prints without holding its steps: memory stays that of one world. Only the
 * order of the top-level keys differs — `steps`, `outcome` and `time` follow `events`, since they
 * are known at the end.
 */
import { boot, step } from '../kernel';
import type { World } from '../kernel';
import { hex } from '../kernel/abi/word';
import { bootSpecOf, runOutcome } from '../scenarios/runner';
import { eventsOf, threadJson, TRACE_FORMAT, TRACE_VERSION } from '../scenarios/traceJson';
import type { ScenarioDef } from '../lang';

/** Output is handed on in chunks of about this many characters. */
const CHUNK = 1 << 16;

/** Writes the trace of `scenario` run for at most `maxSteps` steps; throws `BootError`. */
export function streamTrace(
  scenario: ScenarioDef,
  maxSteps: number,
  write: (chunk: string) => void,
): void {
  const { spec, programs } = bootSpecOf(scenario);
  let world: World = boot(spec, programs);
  const names = new Map(world.threads.map((t) => [hex(t.id), t.name]));
  const head = {
    format: TRACE_FORMAT,
    version: TRACE_VERSION,
    scenario: scenario.id,
    abi: world.abi,
  };
  let buffer = `${JSON.stringify(head).slice(0, -1)},"events":[`;
  let first = true;
  let steps = 0;
  for (; steps < maxSteps && world.outcome === null; steps++) {
    const result = step(world, programs);
    world = result.world;
    for (const event of eventsOf(result.effects, steps + 1, world.now, names)) {
      buffer += first ? JSON.stringify(event) : `,${JSON.stringify(event)}`;
      first = false;
    }
    if (buffer.length >= CHUNK) {
      write(buffer);
      buffer = '';
    }
  }
  const end = world;
  const tail = {
    steps,
    outcome: runOutcome(end.outcome),
    time: end.now,
    threads: Object.fromEntries(end.threads.map((t) => [t.name, threadJson(end, t)])),
    spaces: Object.fromEntries(
      end.spaces.map((s) => [
        s.name,
        s.mappings.map((m) => ({ base: hex(m.base), sizeLog2: m.sizeLog2, rights: m.rights })),
      ]),
    ),
  };
  write(`${buffer}],${JSON.stringify(tail).slice(1)}\n`);
}
