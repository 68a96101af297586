/** Runtime faults halt the thread with a reason and a position; nothing throws. */
import { describe, expect, it } from 'vitest';
import {
  FakeThread,
  HEADER_LINES,
  compileMain,
  runMain,
  threadOf,
} from '../testSupport/fakeKernel';

/** A `main` that calls L4_Yield, and the context its program is stepped with. */
function yieldingMain() {
  const def = threadOf(compileMain('void main(void) {\nL4_Yield();\n}'), 'main');
  const ctx = {
    abi: 'amd64' as const,
    self: def.globalId,
    utcb: new FakeThread(def, 'amd64').utcb,
  };
  return { def, ctx };
}

/** The fault of running `void main(void) {\n<body>\n}`, with its line counted from the body's first line. */
function faultOf(body: string, before = ''): { reason: string; at: string } {
  const t = runMain(`${before}void main(void) {\n${body}\n}`);
  const trap = t.steps[t.steps.length - 1]?.trap;
  if (trap?.kind !== 'fault') throw new Error(`expected a fault, got ${JSON.stringify(trap)}`);
  const offset = HEADER_LINES + 1 + before.split('\n').length - 1;
  return {
    reason: trap.reason,
    at: trap.loc === null ? '-' : `${trap.loc.line - offset}:${trap.loc.column}`,
  };
}

describe('runtime faults', () => {
  it.each([
    [
      'L4_Word_t i = 64;\nL4_LoadMR(i, 1);',
      'L4_LoadMR: MR index 64 is out of range: message registers are MR0..MR63',
      '2:1',
    ],
    [
      'L4_Word_t w[8];\nint i = 60;\nL4_StoreMRs(i, 8, w);',
      'L4_StoreMRs(60, 8, ...) reaches MR67: message registers are MR0..MR63',
      '3:1',
    ],
    [
      'int b = 33;\nL4_LoadBR(b, 1);',
      'L4_LoadBR: BR index 33 is out of range: buffer registers are BR0..BR32',
      '2:1',
    ],
    ['int z = 0;\nint x = 10 / z;', 'division by zero', '2:12'],
    ['int z = 0;\nint x = 10;\nx %= z;', 'modulo by zero', '3:3'],
    [
      'L4_Word_t a[4];\nint i = 4;\na[i] = 1;',
      'index 4 is out of range for a (4 elements: 0..3)',
      '3:2',
    ],
    [
      'L4_Word_t a[4];\nint i = -1;\nL4_LoadMR(1, a[i]);',
      'index -1 is out of range for a (4 elements: 0..3)',
      '3:15',
    ],
    [
      'struct r { L4_Word_t a, b, c; } req;\nL4_StoreMRs(1, 4, (L4_Word_t *)&req);',
      "L4_StoreMRs writes 4 words of 'req', which has only 3 words",
      '2:1',
    ],
    ['L4_Word_t *p = NULL;\n*p = 3;', '*p: the pointer is NULL', '2:4'],
    [
      'L4_Word_t w[2];\nL4_Word_t *p = w + 2;\nL4_LoadMR(1, *p);',
      "*p reads 1 word starting at word 2 of 'w', which has only 2 words",
      '3:14',
    ],
    [
      'L4_Msg_t m;\nL4_MsgClear(&m);\nfor (int i = 0; i < 64; i++) L4_MsgAppendWord(&m, i);',
      'L4_MsgAppendWord: the message already holds 63 words (u + t) and a message has room for 63',
      '3:30',
    ],
    [
      'L4_Fpage_t f = L4_Fpage(0x1000, 0);',
      'L4_Fpage: size 0 is undefined (the header takes the log2 of 0)',
      '1:16',
    ],
    [
      'L4_Word_t n = 0;\nwhile (n < 100000) n++;',
      'ran 10000 statements without a system call: is a loop endless?',
      '2:1',
    ],
    ['while (1) { }', 'ran 10000 statements without a system call: is a loop endless?', '1:1'],
  ])('%s', (body, reason, at) => {
    expect(faultOf(body)).toEqual({ reason, at });
  });

  it('halts endless recursion', () => {
    expect(faultOf('down(1);', 'void down(int n) { down(n + 1); }\n').reason).toBe(
      'more than 200 nested calls: is a recursion endless?',
    );
  });

  it('halts a function that ends without returning its value', () => {
    expect(faultOf('L4_LoadMR(1, f(0));', 'L4_Word_t f(int x) { if (x) return 1; }\n').reason).toBe(
      "function 'f' ended without returning a value",
    );
  });

  it('counts statements since the last system call, not in total', () => {
    const def = threadOf(
      compileMain(
        'void main(void) {\n  for (int k = 0; k < 5; k++) {\n    for (int i = 0; i < 1500; i++) { }\n    L4_Yield();\n  }\n}',
      ),
      'main',
    );
    const t = new FakeThread(def, 'amd64');
    expect(t.run(100_000).kind).toBe('exit');
    expect(t.syscalls).toHaveLength(5);
  });

  it('stays halted: later steps report the same fault and change nothing', () => {
    const def = threadOf(
      compileMain('void main(void) {\nint z = 0;\nL4_LoadMR(1, 1 / z);\n}'),
      'main',
    );
    const t = new FakeThread(def, 'amd64');
    const fault = t.run();
    const state = t.state;
    const again = t.step();
    expect(again.trap).toEqual(fault);
    expect(again.state).toBe(state);
    expect(def.program.nextLoc(state)).toEqual(fault.kind === 'fault' ? fault.loc : null);
  });

  it('a fault in one thread leaves the others running', () => {
    const s = compileMain(
      'void main(void) { int z = 0; L4_LoadMR(1, 1 / z); }\nvoid other(void) { L4_LoadMR(1, 7); L4_Yield(); L4_LoadMR(2, 8); }',
      'amd64',
      '',
      '// @thread main space=apps\n// @thread other space=apps\n',
    );
    const a = new FakeThread(threadOf(s, 'main'), 'amd64');
    const b = new FakeThread(threadOf(s, 'other'), 'amd64');
    expect(a.run().kind).toBe('fault');
    expect(b.run().kind).toBe('exit');
    expect(b.utcb.mrs.slice(1, 3)).toEqual([7n, 8n]);
  });

  it('a thread that has ended keeps reporting exit', () => {
    const def = threadOf(compileMain('void main(void) { }'), 'main');
    const t = new FakeThread(def, 'amd64');
    expect(t.run().kind).toBe('exit');
    expect(t.step().trap).toEqual({ kind: 'exit' });
    expect(def.program.nextLoc(t.state)).toBeNull();
  });

  it('stepping a blocked thread without its result is reported, not thrown', () => {
    const { def, ctx } = yieldingMain();
    const s1 = def.program.step(def.program.init(ctx), ctx, null);
    expect(s1.trap.kind).toBe('syscall');
    const s2 = def.program.step(s1.state, ctx, null);
    expect(s2.trap).toMatchObject({
      kind: 'fault',
      reason: 'internal: stepped while waiting for L4_Yield to return',
    });
  });

  it('a corrupt state is reported as a fault, not thrown', () => {
    const { def, ctx } = yieldingMain();
    const bad = { ...def.program.init(ctx), frames: [{ fn: 99, pc: 0, locals: [] }] };
    const s = def.program.step(bad, ctx, null);
    expect(s.trap.kind).toBe('fault');
    expect(s.trap.kind === 'fault' ? s.trap.reason : '').toMatch(
      /^internal error in the interpreter: /,
    );
  });
});
