import { describe, expect, it } from 'vitest';
import { hex } from '../../kernel/abi/word';
import type { Abi } from '../../kernel/abi/word';
import { FakeThread, compileMain, ipcDone, runMain, threadOf } from '../testSupport/fakeKernel';

/** Runs `void main(void) { body }` to its end and returns MR1..MRn as hex. */
function mrs(body: string, n: number, abi: Abi = 'amd64', before = ''): string[] {
  const t = runMain(`${before}\nvoid main(void) {\n${body}\n}`, abi);
  const last = t.steps[t.steps.length - 1];
  expect(last?.trap.kind, JSON.stringify(last?.trap)).toBe('exit');
  return t.utcb.mrs.slice(1, n + 1).map(hex);
}

describe('C semantics at the word width', () => {
  const arithmetic = `
    int a = -7; unsigned b = -7; L4_Word_t big = ~0UL;
    L4_LoadMR(1, a / 2); L4_LoadMR(2, a % 2); L4_LoadMR(3, a >> 1); L4_LoadMR(4, b >> 1);
    L4_LoadMR(5, a < 0); L4_LoadMR(6, b < 0); L4_LoadMR(7, big + 2); L4_LoadMR(8, 3 - 5);
    L4_LoadMR(9, (L4_Word_t)1 << 40); L4_LoadMR(10, big * big); L4_LoadMR(11, -a * 3 ^ 0xf0 | 1 & 3);`;

  it.each([
    [
      'wraps and signs as 64-bit C on amd64',
      'amd64',
      [
        '0xfffffffffffffffd',
        '0xffffffffffffffff',
        '0xfffffffffffffffc',
        '0x7ffffffffffffffc',
        '0x1',
        '0x0',
        '0x1',
        '0xfffffffffffffffe',
        '0x10000000000',
        '0x1',
        '0xe5',
      ],
    ],
    [
      'wraps and signs as 32-bit C on ia32 (shift counts are taken modulo 32, as x86 does)',
      'ia32',
      [
        '0xfffffffd',
        '0xffffffff',
        '0xfffffffc',
        '0x7ffffffc',
        '0x1',
        '0x0',
        '0x1',
        '0xfffffffe',
        '0x100',
        '0x1',
        '0xe5',
      ],
    ],
  ] as const)('%s', (_title, abi, expected) => {
    expect(mrs(arithmetic, 11, abi)).toEqual(expected);
  });

  it('short-circuits && and ||, and evaluates ?: lazily', () => {
    expect(
      mrs(
        `int x = 0; int calls = 0;
      if (x != 0 && 10 / x > 1) x = 5;
      if (x == 0 || 10 / x > 1) L4_LoadMR(1, 0x11);
      L4_LoadMR(2, x ? 10 / x : 0x22);
      L4_LoadMR(3, (x = 4) && x == 4);
      L4_LoadMR(4, !x + !!x);`,
        4,
      ),
    ).toEqual(['0x11', '0x22', '0x1', '0x1']);
  });

  it('does compound assignment, ++ and -- (prefix and postfix)', () => {
    expect(
      mrs(
        `L4_Word_t a[3] = { 5, 6, 7 }; int i = 1, x = 10;
      x += 5; x -= 1; x *= 2; x /= 4; x %= 5; x <<= 3; x >>= 1; x |= 1; x &= 0xd; x ^= 0xff;
      L4_LoadMR(1, x);
      L4_LoadMR(2, a[i]++); L4_LoadMR(3, a[i]); L4_LoadMR(4, ++a[i]); L4_LoadMR(5, a[i--]); L4_LoadMR(6, i);
      a[2] += a[0]; L4_LoadMR(7, a[2]);`,
        7,
      ),
    ).toEqual(['0xf6', '0x6', '0x7', '0x8', '0x8', '0x0', '0xc']);
  });

  it('runs while, do/while, for, break, continue and switch with fall-through', () => {
    expect(
      mrs(
        `int k = 0, i, n = 0;
      for (i = 0; i < 10; i++) { if (i == 3) continue; if (i == 6) break; k += i; }
      L4_LoadMR(1, k);
      while (n < 5) n++;
      do { n += 10; } while (n < 30);
      L4_LoadMR(2, n);
      switch (k) { case 12: L4_LoadMR(3, 0x12); case 13: L4_LoadMR(4, 0x13); break; default: L4_LoadMR(3, 0xdd); }
      switch (n) { case 1: L4_LoadMR(5, 1); break; default: L4_LoadMR(5, 0xde); }
      for (;;) { if (++n > 40) break; }
      L4_LoadMR(6, n);`,
        6,
      ),
    ).toEqual(['0xc', '0x23', '0x12', '0x13', '0xde', '0x29']);
  });

  it('calls functions: recursion, struct parameters by value, pointers to the caller’s variables', () => {
    const before = `struct pt { L4_Word_t x; L4_Word_t y; };
      void setx(struct pt *p, L4_Word_t v) { p->x = v; }
      L4_Word_t sum(struct pt p) { p.x = 100; return p.x + p.y; }
      int fact(int n) { return n <= 1 ? 1 : n * fact(n - 1); }
      void fill(L4_Word_t *w, int n) { for (int i = 0; i < n; i++) w[i] = i * 10; }
      struct pt make(L4_Word_t x) { struct pt r = { x, x + 1 }; return r; }`;
    expect(
      mrs(
        `struct pt p = { .y = 7 }; L4_Word_t arr[3];
      setx(&p, 5); L4_LoadMR(1, p.x); L4_LoadMR(2, sum(p)); L4_LoadMR(3, p.x);
      L4_LoadMR(4, fact(5)); fill(arr, 3); L4_LoadMR(5, arr[2]); p = make(0x40); L4_LoadMR(6, p.y);
      L4_LoadMR(7, make(3).x);`,
        7,
        'amd64',
        before,
      ),
    ).toEqual(['0x5', '0x6b', '0x5', '0x78', '0x14', '0x41', '0x3']);
  });

  it('copies structs by value on assignment', () => {
    expect(
      mrs(
        `struct pt { L4_Word_t x; L4_Word_t y; }; struct pt a = { 1, 2 }, b;
      b = a; a.x = 9; L4_LoadMR(1, b.x); L4_LoadMR(2, a.x);`,
        2,
      ),
    ).toEqual(['0x1', '0x9']);
  });

  it('handles arrays, nested structs, pointers into them, and sizeof in bytes', () => {
    const before =
      'struct inner { L4_Word_t a; L4_Word_t b[2]; };\nstruct outer { L4_Word_t tag; struct inner in[2]; };';
    expect(
      mrs(
        `struct outer o = { 1, { { 2, { 3, 4 } }, { .b = { 5, 6 } } } };
      L4_Word_t w[4] = { 1, 2, [3] = 9 }; L4_Word_t *p = w; int i = 1;
      p += 2; *p = 33; p[-1] = 22;
      L4_LoadMR(1, w[1] + w[2] + w[3]); L4_LoadMR(2, p - w);
      L4_LoadMR(3, o.in[i].b[1]); o.in[i].b[i - 1] = 0x50; L4_LoadMR(4, o.in[1].b[0]);
      struct inner *q = &o.in[0]; q->b[1] += 1; L4_LoadMR(5, o.in[0].b[1]);
      L4_LoadMR(6, sizeof(struct outer)); L4_LoadMR(7, sizeof w / sizeof(L4_Word_t));
      L4_LoadMR(8, sizeof(L4_Msg_t));`,
        8,
        'amd64',
        before,
      ),
    ).toEqual(['0x40', '0x2', '0x6', '0x50', '0x5', '0x38', '0x4', '0x200']);
  });

  it('gives sizeof in 4-byte words on ia32', () => {
    expect(
      mrs(
        'struct r { L4_Word_t a, b, c; } v; L4_LoadMR(1, sizeof(v)); L4_LoadMR(2, sizeof(L4_Msg_t));',
        2,
        'ia32',
      ),
    ).toEqual(['0xc', '0x100']);
  });

  it('evaluates #define and enum constants, and reads .raw of L4 types', () => {
    expect(
      mrs(
        `L4_ThreadId_t t = main; L4_MsgTag_t tag; tag.raw = LABEL << 16 | OP_FREE;
      L4_LoadMR(1, LABEL); L4_LoadMR(2, OP_FREE); L4_LoadMR(3, tag.raw); L4_LoadMR(4, t.raw == L4_Myself().raw);`,
        4,
        'amd64',
        '#define LABEL (0x1230 + 4)\nenum mem_opcode { OP_ALLOC, OP_FREE = 5 };',
      ),
    ).toEqual(['0x1234', '0x5', '0x12340005', '0x1']);
  });

  it('initializes one-word L4 types as the unions they are: { 0 } and { .raw = w }', () => {
    expect(
      mrs(
        'L4_MsgTag_t a = { 0 }; L4_ThreadId_t b = { .raw = 0x4200000001 }; L4_LoadMR(1, a.raw); L4_LoadMR(2, b.raw);',
        2,
      ),
    ).toEqual(['0x0', '0x4200000001']);
  });

  it('gives each local a zero start value and keeps it across loop iterations', () => {
    expect(mrs('L4_Word_t x; L4_Msg_t m; L4_LoadMR(1, x); L4_LoadMR(2, m.msg[63]);', 2)).toEqual([
      '0x0',
      '0x0',
    ]);
  });
});

describe('program state', () => {
  it('is never changed by a step: re-running a step from an old state gives the same result', () => {
    const s = compileMain(`struct r { L4_Word_t a[3]; L4_ThreadId_t who; };
void put(struct r *p, int i, L4_Word_t v) { p->a[i] = v; }
void main(void) {
  struct r x; L4_Msg_t m; L4_ThreadId_t from; int n = 0;
  for (;;) {
    L4_MsgTag_t tag = L4_Wait(&from);
    put(&x, n % 3, tag.raw);
    x.who = from;
    L4_MsgClear(&m); L4_MsgAppendWord(&m, x.a[0] + x.a[1] + x.a[2]); L4_MsgLoad(&m);
    n++;
  }
}`);
    const def = threadOf(s, 'main');
    let k = 0;
    const t = new FakeThread(def, 'amd64', () => ({
      result: ipcDone(BigInt(++k), 0x4100000001n),
    }));
    const states = [];
    for (let i = 0; i < 60; i++) {
      states.push({ state: t.state, copy: structuredClone(t.state), utcb: t.utcb });
      t.step();
    }
    states.forEach(({ state, copy }) => expect(state).toEqual(copy));
    states.forEach(({ state, utcb }, i) => {
      const again = def.program.step(
        state,
        { abi: 'amd64', self: def.globalId, utcb },
        t.resumes[i] ?? null,
      );
      expect(again.state).toEqual(t.steps[i]?.state);
      expect(again.utcb).toEqual(t.steps[i]?.utcb);
    });
    expect(t.utcb.mrs[1]).toBeGreaterThan(0n);
  });
});
