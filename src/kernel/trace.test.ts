import { describe, expect, it } from 'vitest';
import { timePeriodConst } from './abi/time';
import { boot } from './boot';
import { scriptProgram } from './scriptProgram';
import type { ScriptAction } from './scriptProgram';
import { step } from './step';
import { tid } from './testKit';
import { recordTrace } from './trace';
import type { BootSpec, Programs, World } from './types';

const spec: BootSpec = {
  spaces: [{ name: 'C' }, { name: 'S' }],
  options: { timesliceUs: 5 },
  threads: [
    { name: 'server', space: 'S', priority: 150 },
    ...Array.from({ length: 4 }, (_, i) => ({ name: `c${i}`, space: 'C' })),
  ],
};
const SERVER = tid(spec, 'server');
const client = (i: number): ScriptAction[] => [
  { op: 'tag', label: BigInt(i), u: 1 },
  { op: 'loadMr', index: 1, value: BigInt(i * 100) },
  { op: 'ipc', wrapper: 'L4_Call', args: [SERVER] },
  { op: 'nop' },
  { op: 'goto', to: 0 },
];
const programs: Programs = {
  server: scriptProgram(
    [
      { op: 'ipc', wrapper: 'L4_Wait', args: [] },
      { op: 'ipc', wrapper: 'L4_ReplyWait', args: [0n], toSender: true },
      { op: 'goto', to: 1 },
    ],
    { record: false },
  ),
  ...Object.fromEntries(
    [0, 1, 2, 3].map((i) => [`c${i}`, scriptProgram(client(i), { record: false })]),
  ),
};

function direct(n: number): World[] {
  const worlds = [boot(spec, programs)];
  for (let i = 0; i < n; i++) worlds.push(step(worlds[i] as World, programs).world);
  return worlds;
}

describe('time travel', () => {
  const worlds = direct(300);
  const trace = recordTrace(worlds[0] as World, programs, 300, { checkpointEvery: 16 });

  it('any frame equals the world reached by stepping from boot, without replaying from the start', () => {
    expect(trace.length).toBe(301);
    for (const i of [0, 1, 15, 16, 17, 150, 299, 300, 7])
      expect(trace.frameAt(i).world).toEqual(worlds[i]);
    expect(trace.frameAt(42).effects).toEqual(step(worlds[41] as World, programs).effects);
  });

  it('consecutive frames share every thread the step did not touch, and unchanged UTCBs', () => {
    let touchedTotal = 0;
    for (let i = 0; i < 300; i++) {
      const a = trace.frameAt(i).world;
      const { world: b, effects } = trace.frameAt(i + 1);
      const named = new Set(
        effects.flatMap((e) => Object.values(e).filter((v) => typeof v === 'string')),
      );
      b.threads.forEach((t, j) => {
        const before = a.threads[j];
        if (t === before || before === undefined) return;
        touchedTotal++;
        // Only threads the step reports on (or whose timeslice it charged) are new objects.
        expect(named.has(t.name) || a.accounted === j || b.accounted === j).toBe(true);
        const ran = effects[0]?.kind === 'statement' && effects[0].thread === t.name;
        if (
          !ran &&
          JSON.stringify(t.utcb, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ===
            JSON.stringify(before.utcb, (_k, v: unknown) =>
              typeof v === 'bigint' ? v.toString() : v,
            )
        ) {
          expect(t.utcb).toBe(before.utcb);
        }
      });
      expect(b.spaces).toBe(a.spaces);
    }
    expect(touchedTotal / 300).toBeLessThan(2.5);
  });

  it("sharing is exactly the recording's, across checkpoint boundaries too", () => {
    const all = recordTrace(worlds[0] as World, programs, 300, { checkpointEvery: 1 });
    const sharing = (t: typeof trace, i: number) => {
      const a = t.frameAt(i).world;
      const b = t.frameAt(i + 1).world;
      return b.threads.map((x, j) => [x === a.threads[j], x.utcb === a.threads[j]?.utcb]).flat();
    };
    for (let i = 0; i < 300; i++)
      expect([i, ...sharing(trace, i)]).toEqual([i, ...sharing(all, i)]);
  });

  it('extending a trace gives the same frames as recording it in one go', () => {
    const short = recordTrace(worlds[0] as World, programs, 100, { checkpointEvery: 16 }).extend(
      200,
    );
    expect(short.length).toBe(301);
    expect(short.frameAt(250).world).toEqual(trace.frameAt(250).world);
  });

  it("a frame's clock is read without replay, and equals its world's", () => {
    for (let i = 0; i <= 300; i++) expect(trace.clockAt(i)).toBe(worlds[i]?.now);
    // Statements costing 3 µs, and a sleep that leaves every thread blocked: the clock jumps.
    const slow: BootSpec = { ...spec, options: { usPerStatement: 3, timesliceUs: 5 } };
    const sleeper: Programs = {
      ...programs,
      server: scriptProgram(
        [
          { op: 'ipc', wrapper: 'L4_Sleep', args: [timePeriodConst(200n)] },
          { op: 'goto', to: 0 },
        ],
        { record: false },
      ),
    };
    const stepped = [boot(slow, sleeper)];
    for (let i = 0; i < 200; i++) stepped.push(step(stepped[i] as World, sleeper).world);
    const run = recordTrace(stepped[0] as World, sleeper, 200, { checkpointEvery: 8 });
    const jumps = Array.from({ length: run.length }, (_, i) => run.effectsAt(i)).filter((e) =>
      e.some((x) => x.kind === 'time.advance'),
    );
    expect(jumps.length).toBeGreaterThan(0);
    // No frame was rebuilt: each clock comes from a checkpoint and the effects after it.
    for (let i = 0; i < run.length; i++) expect(run.clockAt(i)).toBe(stepped[i]?.now);
    // Out of order too (each read may go on from the one before, or start at its checkpoint).
    for (let i = run.length - 1; i >= 0; i -= 3) expect(run.clockAt(i)).toBe(stepped[i]?.now);
    expect(() => run.clockAt(run.length)).toThrow(RangeError);
  });

  it('out-of-range frames are a clear error', () => {
    expect(() => trace.frameAt(301)).toThrow(/outside the trace/);
    expect(() => trace.frameAt(-1)).toThrow(RangeError);
  });

  it('the same run twice gives the same trace (replay identity)', () => {
    const again = recordTrace(boot(spec, programs), programs, 300);
    for (let i = 0; i < 301; i += 37) expect(again.effectsAt(i)).toEqual(trace.effectsAt(i));
    expect(again.frameAt(300).world).toEqual(trace.frameAt(300).world);
  });
});
