import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapGrantItems } from './abi/acceptor';
import { COMPLETE_ADDRESS_SPACE, fpageLog2 } from './abi/fpage';
import { globalId } from './abi/threadId';
import { NEVER, timePeriod, ZERO_TIME } from './abi/time';
import { grantItem, mapItem, stringItem } from './abi/typedItem';
import type { Abi, Word } from './abi/word';
import type { IpcWrapper } from './program';
import { scriptProgram } from './scriptProgram';
import type { ScriptAction } from './scriptProgram';
import { runChecked, tid } from './testKit';
import type { BootSpec, Programs } from './types';
import { WRAPPER_SIGNATURES } from './wrappers';

const COMMON: IpcWrapper[] = [
  'L4_Call',
  'L4_Send',
  'L4_Wait',
  'L4_ReplyWait',
  'L4_Receive',
  'L4_Reply',
];
const wrapper = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...COMMON) },
  { weight: 1, arbitrary: fc.constantFrom(...(Object.keys(WRAPPER_SIGNATURES) as IpcWrapper[])) },
);

/** A target: a thread of the scenario, a stale version of one, nil, any or any-local. */
type Target =
  { kind: 'thread'; n: number } | { kind: 'stale'; n: number } | { kind: 'word'; w: Word };
const target = (threads: number): fc.Arbitrary<Target> =>
  fc.oneof(
    { weight: 12, arbitrary: fc.nat(threads - 1).map((n) => ({ kind: 'thread' as const, n })) },
    { weight: 1, arbitrary: fc.nat(threads - 1).map((n) => ({ kind: 'stale' as const, n })) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(0n, 0xffffffffffffffffn, 0xffffffffffffffc0n)
        .map((w) => ({ kind: 'word' as const, w })),
    },
  );
const time = fc.constantFrom(NEVER, NEVER, NEVER, ZERO_TIME, 3n, 17n, 0x400n + 5n);

type Gen =
  | { g: 'ipc'; wrapper: IpcWrapper; args: (Target | { kind: 'time'; w: Word })[] }
  | { g: 'tag'; u: number; item: number }
  | { g: 'mr'; i: number; v: number }
  | { g: 'accept'; kind: number }
  | { g: 'switch'; to: Target }
  | { g: 'call'; n: number; u: number }
  | { g: 'serve' }
  | { g: 'nop' }
  | { g: 'loop' }
  | { g: 'exit' };

const action = (threads: number): fc.Arbitrary<Gen> =>
  fc.oneof(
    {
      weight: 8,
      arbitrary: wrapper.chain((wrapper) =>
        fc
          .tuple(
            ...WRAPPER_SIGNATURES[wrapper].args.map((name) =>
              /Timeout|^t$|Timeouts/.test(name)
                ? time.map((w) => ({ kind: 'time' as const, w }))
                : target(threads),
            ),
          )
          .map((args) => ({ g: 'ipc' as const, wrapper, args })),
      ),
    },
    {
      weight: 2,
      arbitrary: fc.record({ g: fc.constant('tag' as const), u: fc.nat(4), item: fc.nat(4) }),
    },
    {
      weight: 2,
      arbitrary: fc.record({ g: fc.constant('mr' as const), i: fc.nat(63), v: fc.nat(0xffff) }),
    },
    { weight: 1, arbitrary: fc.record({ g: fc.constant('accept' as const), kind: fc.nat(2) }) },
    { weight: 1, arbitrary: target(threads).map((to) => ({ g: 'switch' as const, to })) },
    {
      weight: 4,
      arbitrary: fc.record({
        g: fc.constant('call' as const),
        n: fc.nat(threads - 1),
        u: fc.nat(5),
      }),
    },
    { weight: 4, arbitrary: fc.constant({ g: 'serve' as const }) },
    { weight: 1, arbitrary: fc.constant({ g: 'nop' as const }) },
    { weight: 1, arbitrary: fc.constant({ g: 'loop' as const }) },
    { weight: 1, arbitrary: fc.constant({ g: 'exit' as const }) },
  );

interface Scenario {
  readonly abi: Abi;
  readonly timeslice: number;
  readonly threads: readonly { space: number; priority: number; code: Gen[] }[];
}

const scenario: fc.Arbitrary<Scenario> = fc.integer({ min: 1, max: 5 }).chain((threads) =>
  fc.record({
    abi: fc.constantFrom<Abi>('amd64', 'amd64', 'ia32'),
    timeslice: fc.constantFrom(0, 2, 7, 100),
    threads: fc.array(
      fc.record({
        space: fc.nat(1),
        priority: fc.constantFrom(10, 100, 100, 200),
        code: fc.array(action(threads), { maxLength: 8 }),
      }),
      { minLength: threads, maxLength: threads },
    ),
  }),
);

function build(s: Scenario): { spec: BootSpec; programs: Programs } {
  const spec: BootSpec = {
    abi: s.abi,
    options: { timesliceUs: s.timeslice },
    spaces: [
      { name: 's0', mappings: [{ base: 0x100000n, sizeLog2: 16, rights: 7 }] },
      { name: 's1' },
    ],
    threads: s.threads.map((t, i) => ({
      name: `t${i}`,
      space: `s${t.space}`,
      priority: t.priority,
    })),
  };
  const word = (x: Target | { kind: 'time'; w: Word }): Word => {
    if (x.kind === 'time') return x.kind === 'time' && x.w === 0x405n ? timePeriod(5n, s.abi) : x.w;
    if (x.kind === 'word') return s.abi === 'ia32' ? x.w & 0xffffffffn : x.w;
    const id = tid(spec, `t${x.n}`);
    return x.kind === 'thread' ? id : globalId(BigInt(0x100 + x.n), 2n, s.abi);
  };
  const items: readonly (readonly [Word, Word])[] = [
    mapItem(fpageLog2(0x100000n, 12, s.abi) | 7n, 0x100000n, s.abi),
    grantItem(fpageLog2(0x101000n, 12, s.abi) | 6n, 0x101000n, s.abi),
    stringItem(8n, 0x2000n, s.abi),
  ];
  const programs: Programs = Object.fromEntries(
    s.threads.map((t, i) => {
      const code: ScriptAction[] = t.code.flatMap((g): ScriptAction[] => {
        switch (g.g) {
          case 'ipc':
            return [{ op: 'ipc', wrapper: g.wrapper, args: g.args.map(word) }];
          case 'tag': {
            const item = items[g.item];
            if (item === undefined) return [{ op: 'tag', label: BigInt(g.u + 1), u: g.u }];
            return [
              { op: 'tag', label: 1n, u: g.u, t: 2 },
              { op: 'loadMrs', start: g.u + 1, values: [...item] },
            ];
          }
          case 'mr':
            return [{ op: 'loadMr', index: g.i, value: BigInt(g.v) }];
          case 'accept':
            return [
              {
                op: 'loadBr',
                index: 0,
                value: [0n, mapGrantItems(COMPLETE_ADDRESS_SPACE, s.abi), 1n][g.kind] ?? 0n,
              },
            ];
          case 'switch':
            return [{ op: 'threadSwitch', dest: word(g.to) }];
          case 'call':
            return [
              { op: 'tag', label: 0x42n, u: g.u },
              { op: 'ipc', wrapper: 'L4_Call', args: [tid(spec, `t${g.n}`)] },
            ];
          case 'serve':
            return [
              { op: 'ipc', wrapper: 'L4_Wait', args: [] },
              { op: 'tag', label: 0x43n, u: 1 },
              { op: 'ipc', wrapper: 'L4_ReplyWait', args: [0n], toSender: true },
            ];
          case 'nop':
            return [{ op: 'nop' }];
          case 'loop':
            return [{ op: 'nop' }, { op: 'goto', to: 0 }];
          case 'exit':
            return [{ op: 'exit' }];
        }
      });
      return [`t${i}`, scriptProgram(code)];
    }),
  );
  return { spec, programs };
}

// Hundreds of random runs: generous time so a loaded CI machine does not fail them by the clock.
describe('properties over random small programs', { timeout: 60_000 }, () => {
  it('every invariant holds after every step (runChecked checks them all)', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { spec, programs } = build(s);
        const run = runChecked(spec, programs, 400);
        expect(run.worlds.length).toBeGreaterThan(1);
      }),
      { numRuns: 400 },
    );
  });

  it('replay identity: the same scenario gives the same trace and the same final world', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const a = build(s);
        const b = build(s);
        const first = runChecked(a.spec, a.programs, 300);
        const second = runChecked(b.spec, b.programs, 300);
        expect(second.steps).toEqual(first.steps);
        expect(second.final).toEqual(first.final);
      }),
      { numRuns: 100 },
    );
  });

  it('a run that stops reports why, and only when nothing can run', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { spec, programs } = build(s);
        const run = runChecked(spec, programs, 400);
        const o = run.final.outcome;
        if (o === null) return;
        expect(run.final.current).toBeNull();
        expect(run.final.timeouts).toEqual([]);
        if (o.kind === 'finished')
          expect(run.final.threads.every((t) => t.halt !== null)).toBe(true);
        if (o.kind === 'deadlock') expect(o.waits.length).toBeGreaterThan(0);
      }),
      { numRuns: 150 },
    );
  });
});
