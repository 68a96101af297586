import { describe, expect, it } from 'vitest';
import { threadStatechart } from '../../store/fromKernelTrace';
import { boxExit, statechartLayout } from './statechartLayout';

const overlap = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  Math.abs(a.x - b.x) * 2 < a.width + b.width && Math.abs(a.y - b.y) * 2 < a.height + b.height;

describe('statechartLayout', () => {
  it('draws the kernel machine in its grid: five boxes that do not overlap, receiving listing its modes', () => {
    const l = statechartLayout(threadStatechart(), { width: 480, height: 260, fontSize: 14 });
    expect(l.nodes.map((n) => n.id)).toEqual([
      'ready',
      'running',
      'sending',
      'receiving',
      'halted',
    ]);
    for (const a of l.nodes)
      for (const b of l.nodes) if (a !== b) expect(overlap(a, b)).toBe(false);
    expect(l.nodes.find((n) => n.id === 'receiving')?.children.map((c) => c.id)).toEqual([
      'receiving.open',
      'receiving.anyLocal',
      'receiving.closed',
      'receiving.reply',
    ]);
    expect(l.topOf('receiving.reply.timed')).toBe('receiving');
    expect(l.childOf('receiving.reply.timed')).toBe('receiving.reply');
    expect(l.childOf('running')).toBeNull();
    expect(l.edges.some((e) => e.from === 'sending' && e.to === 'receiving')).toBe(true);
  });

  it('asks for more height than given when the boxes do not fit (the drawing then scales down)', () => {
    const l = statechartLayout(threadStatechart(), { width: 480, height: 100, fontSize: 14 });
    expect(l.height).toBeGreaterThan(100);
  });

  it('boxExit leaves a box on its border towards the target', () => {
    const node = { id: 'n', label: 'n', x: 100, y: 100, width: 80, height: 40, children: [] };
    expect(boxExit(node, 300, 100)).toEqual({ x: 140, y: 100 });
    expect(boxExit(node, 100, 0)).toEqual({ x: 100, y: 80 });
  });
});
