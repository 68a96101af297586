import { describe, expect, it } from 'vitest';
import { lessonSource } from './testSupport/lessonSource';
import type { VariableView } from './viewModel';

function find(vars: readonly VariableView[], path: string): VariableView | undefined {
  for (const v of vars) {
    if (v.path === path) return v;
    const f = find(v.children, path);
    if (f) return f;
  }
  return undefined;
}

describe('variables view', () => {
  const src = lessonSource('memory-alloc-free');

  it('shows a variable assigned by a step, marked changed, with hex, decimal and a named constant', () => {
    // Find the step in which app's `a` becomes the first block (memory_alloc returned).
    let step = -1;
    for (let i = 1; i < src.length && step < 0; i++) {
      const v = src.variables?.(i, 'app');
      const a = v && find(v.frames[0]?.vars ?? [], 'a');
      if (a?.text === '0x10000000') step = i;
    }
    expect(step).toBeGreaterThan(0);
    const view = src.variables?.(step, 'app');
    const a = find(view?.frames[0]?.vars ?? [], 'a');
    expect(a).toMatchObject({ text: '0x10000000', decimal: '268435456', changed: true });
    const before = src.variables?.(step - 1, 'app');
    expect(find(before?.frames[0]?.vars ?? [], 'a')?.text).toBe('0x0');
    // A call in progress: the frames of memory_alloc and memory_call are listed inside app's.
    const deep = src.variables?.(step - 3, 'app');
    expect(deep?.frames.map((f) => f.fn)).toEqual(['app', 'memory_alloc', 'memory_call']);
    const op = find(deep?.frames[2]?.vars ?? [], 'op');
    expect(op?.meaning).toBe('MEM_ALLOC');
    const server = find(deep?.frames[2]?.vars ?? [], 'server');
    expect(server?.meaning).toBe('memserver');
  });

  it("lists memserver's request fields and its heap_alloc result", () => {
    let step = -1;
    for (let i = 1; i < src.length && step < 0; i++) {
      const v = src.variables?.(i, 'memserver');
      if (v?.helpers.some((h) => h.text === 'heap_alloc(0x100) → 0x10000000')) step = i;
    }
    expect(step).toBeGreaterThan(0);
    const view = src.variables?.(step, 'memserver');
    expect(find(view?.frames[0]?.vars ?? [], 'req.op')?.meaning).toBe('MEM_ALLOC');
    expect(find(view?.frames[0]?.vars ?? [], 'req.size')?.text).toBe('0x100');
    expect(find(view?.frames[0]?.vars ?? [], 'rep.addr')).toMatchObject({
      text: '0x10000000',
      changed: true,
    });
  });
});
