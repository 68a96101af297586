/** The memory server's heap and the scheduler server's run queue, with their views and effects. */
import { describe, expect, it } from 'vitest';
import { heapView, runQueueView } from '../serverViews';
import { FakeThread, compileMain, ipcDone, runMain, threadOf } from '../testSupport/fakeKernel';
import { heapAlloc, heapFree, newHeap } from './heap';

describe('heap', () => {
  it('allocates first fit in 16-byte steps, merges on free, and returns 0 when out of memory', () => {
    let h = newHeap(0x1000n, 0x100n);
    const a = heapAlloc(h, 0x10n, 7n);
    const b = heapAlloc(a.heap, 0x21n, 8n);
    expect([a.addr, b.addr]).toEqual([0x1000n, 0x1010n]);
    h = b.heap;
    expect(h.blocks).toEqual([
      { base: 0x1000n, size: 0x10n, owner: 7n },
      { base: 0x1010n, size: 0x30n, owner: 8n },
      { base: 0x1040n, size: 0xc0n, owner: null },
    ]);
    expect(heapAlloc(h, 0x100n, 9n).addr).toBe(0n);
    expect(heapAlloc(h, 0n, 9n).addr).toBe(0n);
    const freed = heapFree(h, 0x1010n);
    expect(freed?.block).toEqual({ base: 0x1010n, size: 0x30n, owner: 8n });
    expect(freed?.heap.blocks).toEqual([
      { base: 0x1000n, size: 0x10n, owner: 7n },
      { base: 0x1010n, size: 0xf0n, owner: null },
    ]);
    expect(heapFree(h, 0x1020n)).toBeNull();
    const all = heapFree(freed?.heap ?? h, 0x1000n);
    expect(all?.heap.blocks).toEqual([{ base: 0x1000n, size: 0x100n, owner: null }]);
  });

  const SERVER = `void main(void) {
  L4_ThreadId_t from;
  L4_MsgTag_t tag = L4_Wait(&from);
  L4_Word_t a = heap_alloc(0x20);
  L4_Word_t b = heap_alloc(0x100000);
  heap_free(a);
  heap_free(0x1234);
  heap_free(0);
  L4_LoadMR(1, a); L4_LoadMR(2, b);
}`;

  it('runs in the thread that declares it; blocks belong to the last sender', () => {
    const s = compileMain(SERVER, 'amd64', '// @heap main 0x10000000 0x10000\n');
    const t = new FakeThread(threadOf(s, 'main'), 'amd64', () => ({
      result: ipcDone(0n, 0x4100000001n),
    }));
    const start = t.state;
    expect(heapView(start)).toEqual({
      base: 0x10000000n,
      size: 0x10000n,
      blocks: [{ base: 0x10000000n, size: 0x10000n, owner: null, free: true }],
    });
    t.step();
    t.step();
    expect(heapView(t.state)?.blocks).toEqual([
      { base: 0x10000000n, size: 0x20n, owner: 0x4100000001n, free: false },
      { base: 0x10000020n, size: 0xffe0n, owner: null, free: true },
    ]);
    expect(heapView(start)?.blocks).toHaveLength(1);
    t.run();
    expect(t.utcb.mrs.slice(1, 3)).toEqual([0x10000000n, 0n]);
    expect(t.effects('server')).toEqual([
      {
        kind: 'server',
        op: 'heap_alloc',
        detail: { size: '0x20', addr: '0x10000000', owner: '0x4100000001', result: 'ok' },
      },
      {
        kind: 'server',
        op: 'heap_alloc',
        detail: { size: '0x100000', addr: '0x0', owner: '0x4100000001', result: 'out of memory' },
      },
      {
        kind: 'server',
        op: 'heap_free',
        detail: { addr: '0x10000000', size: '0x20', owner: '0x4100000001', result: 'ok' },
      },
      {
        kind: 'server',
        op: 'heap_free',
        detail: { addr: '0x1234', result: 'not an allocated block' },
      },
    ]);
    expect(heapView(t.state)?.blocks).toEqual([
      { base: 0x10000000n, size: 0x10000n, owner: null, free: true },
    ]);
  });

  it('faults in a thread without a heap', () => {
    const s = compileMain(
      'void main(void) { heap_alloc(16); }\nvoid other(void) { }',
      'amd64',
      '// @heap other 0x1000 0x1000\n',
      '// @thread main space=apps\n// @thread other space=apps\n',
    );
    const t = new FakeThread(threadOf(s, 'main'), 'amd64');
    expect(t.run()).toMatchObject({
      kind: 'fault',
      reason:
        'heap_alloc: thread main has no heap (declare one in the header: // @heap main <base> <size>)',
    });
    expect(heapView(t.state)).toBeNull();
  });
});

describe('run queue', () => {
  it('pushes and pops thread ids in order; pop on empty gives nilthread', () => {
    const t = runMain(`void main(void) {
  L4_LoadMR(1, rq_empty());
  rq_push(main);
  rq_push(L4_GlobalId(0x200, 1));
  L4_LoadMR(2, rq_empty());
  L4_LoadMR(3, rq_pop().raw);
  L4_LoadMR(4, rq_pop().raw);
  L4_LoadMR(5, rq_pop().raw);
}`);
    expect(t.utcb.mrs.slice(1, 6)).toEqual([1n, 0n, 0x10000000001n, 0x20000000001n, 0n]);
    expect(
      t
        .effects('server')
        .map((e) => (e.kind === 'server' ? [e.op, e.detail.thread, e.detail.length] : [])),
    ).toEqual([
      ['rq_push', '0x10000000001', '1'],
      ['rq_push', '0x20000000001', '2'],
      ['rq_pop', '0x10000000001', '1'],
      ['rq_pop', '0x20000000001', '0'],
      ['rq_pop', '0x0', '0'],
    ]);
  });

  it('is visible through runQueueView at every step', () => {
    const s = compileMain('void main(void) {\nrq_push(main);\nrq_push(main);\nrq_pop();\n}');
    const t = new FakeThread(threadOf(s, 'main'), 'amd64');
    const views = [runQueueView(t.state)];
    for (let i = 0; i < 3; i++) {
      t.step();
      views.push(runQueueView(t.state));
    }
    expect(views.map((v) => v.length)).toEqual([0, 1, 2, 1]);
  });

  it('halts a thread that overfills it', () => {
    const t = runMain('void main(void) { for (int i = 0; i < 300; i++) rq_push(main); }');
    expect(t.steps[t.steps.length - 1]?.trap).toMatchObject({
      kind: 'fault',
      reason: 'rq_push: the run queue is full (256 threads)',
    });
  });
});
