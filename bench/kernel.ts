/**
 * Kernel throughput, memory per step and time travel on a generated workload: 16 threads (4 servers
 * in ReplyWait loops, 10 clients calling them with 1–4 words, 2 sleepers that also ThreadSwitch),
 * 100,000 steps. Heap numbers need `--expose-gc` (the `bench` script passes it).
 */
import { timePeriod } from '../src/kernel/abi/time';
import { boot, recordTrace, step } from '../src/kernel/index';
import type { BootSpec, Programs, World } from '../src/kernel/index';
import { scriptProgram } from '../src/kernel/scriptProgram';
import type { ScriptAction } from '../src/kernel/scriptProgram';
import { tid } from '../src/kernel/testKit';
import { cpuSeconds, medianOf } from './measure';
import type { BenchResult } from './report';

const STEPS = 100_000;

export function workload(): { spec: BootSpec; programs: Programs } {
  const servers = [0, 1, 2, 3].map((i) => ({
    name: `server${i}`,
    space: `srv${i}`,
    priority: 150,
  }));
  const clients = Array.from({ length: 10 }, (_, i) => ({
    name: `client${i}`,
    space: `app${i % 3}`,
    priority: 100,
  }));
  const sleepers = [0, 1].map((i) => ({ name: `sleeper${i}`, space: 'app0', priority: 200 }));
  const spec: BootSpec = {
    spaces: ['srv0', 'srv1', 'srv2', 'srv3', 'app0', 'app1', 'app2'].map((name) => ({ name })),
    options: { timesliceUs: 50 },
    threads: [...servers, ...clients, ...sleepers],
  };
  const programs: Programs = {};
  const add = (name: string, code: ScriptAction[]) =>
    Object.assign(programs, { [name]: scriptProgram(code, { record: false }) });
  servers.forEach((s) =>
    add(s.name, [
      { op: 'ipc', wrapper: 'L4_Wait', args: [] },
      { op: 'nop' },
      { op: 'tag', label: 0x77n, u: 1 },
      { op: 'loadMr', index: 1, value: 0x1000n },
      { op: 'ipc', wrapper: 'L4_ReplyWait', args: [0n], toSender: true },
      { op: 'goto', to: 1 },
    ]),
  );
  clients.forEach((c, i) => {
    const server = tid(spec, `server${i % 4}`);
    const u = 1 + (i % 4);
    add(c.name, [
      { op: 'tag', label: BigInt(i), u },
      { op: 'loadMrs', start: 1, values: Array.from({ length: u }, (_, k) => BigInt(i * 16 + k)) },
      { op: 'ipc', wrapper: 'L4_Call', args: [server] },
      { op: 'nop' },
      { op: 'goto', to: 0 },
    ]);
  });
  sleepers.forEach((s, i) =>
    add(s.name, [
      { op: 'ipc', wrapper: 'L4_Sleep', args: [timePeriod(BigInt(300 + 100 * i), 'amd64')] },
      { op: 'threadSwitch', dest: 0n },
      { op: 'goto', to: 0 },
    ]),
  );
  return { spec, programs };
}

const now = () => performance.now();
const gc = (globalThis as { gc?: () => void }).gc;
const heap = () => {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
};

/** A deterministic pseudo-random sequence for picking frames (bench only). */
function* frames(count: number, length: number) {
  let x = 0x2545f491;
  for (let i = 0; i < count; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    yield Math.abs(x) % length;
  }
}

export function run(): BenchResult[] {
  const { spec, programs } = workload();
  // Warm up (JIT, statechart memo).
  let w: World = boot(spec, programs);
  for (let i = 0; i < 20_000; i++) w = step(w, programs).world;

  let statements = 0;
  const stepsPerSecond = medianOf(5, () => {
    let world = boot(spec, programs);
    statements = 0;
    const seconds = cpuSeconds(() => {
      for (let i = 0; i < STEPS && world.outcome === null; i++) {
        const r = step(world, programs);
        if (r.effects[0]?.kind === 'statement') statements++;
        world = r.world;
      }
    });
    return STEPS / seconds;
  });
  const statementsPerSecond = (stepsPerSecond * statements) / STEPS;

  const before = heap();
  const t1 = now();
  const trace = recordTrace(boot(spec, programs), programs, STEPS);
  const recordSeconds = (now() - t1) / 1000;
  const bytesCheckpointed = (heap() - before) / STEPS;

  const seeks: number[] = [];
  for (const i of frames(200, trace.length)) {
    const s = now();
    trace.frameAt(i);
    seeks.push(now() - s);
  }
  seeks.sort((a, b) => a - b);
  const near: number[] = [];
  for (let i = 5000; i < 5200; i++) {
    const s = now();
    trace.frameAt(i);
    near.push(now() - s);
  }

  const beforeAll = heap();
  const all = recordTrace(boot(spec, programs), programs, STEPS, { checkpointEvery: 1 });
  const bytesAll = (heap() - beforeAll) / STEPS;
  if (all.length !== trace.length) throw new Error('traces differ in length');

  const results: BenchResult[] = [
    { name: 'statements per second (step loop)', value: statementsPerSecond, unit: 'stmt/s' },
    {
      name: 'kernel steps per CPU second (step loop, median of 5)',
      value: stepsPerSecond,
      unit: 'steps/s',
      target: '≥ 500,000',
    },
    { name: 'steps per second (recordTrace)', value: STEPS / recordSeconds, unit: 'steps/s' },
    { name: 'trace length', value: trace.length, unit: 'frames' },
    {
      name: 'jump to a random step, median',
      value: seeks[Math.floor(seeks.length / 2)] ?? 0,
      unit: 'ms',
      target: '≤ 16.7',
    },
    {
      name: 'jump to a random step, worst of 200',
      value: seeks[seeks.length - 1] ?? 0,
      unit: 'ms',
      target: '≤ 16.7',
    },
    {
      name: 'next/back within a segment, mean',
      value: near.reduce((a, b) => a + b, 0) / near.length,
      unit: 'ms',
    },
  ];
  if (gc !== undefined) {
    results.push(
      {
        name: 'bytes per step (checkpoint every 32)',
        value: bytesCheckpointed,
        unit: 'B/step',
        target: '≤ 527',
      },
      { name: 'bytes per step (every world kept)', value: bytesAll, unit: 'B/step' },
    );
  } else
    results.push({ name: 'heap: run with --expose-gc for bytes per step', value: 0, unit: '' });
  return results;
}
