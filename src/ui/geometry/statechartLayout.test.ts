import { describe, expect, it } from 'vitest';
import { threadStatechart } from '../../store/fromKernelTrace';
import { boxExit, statechartLayout } from './statechartLayout';
import type { StatechartView } from '../../store/viewModel';

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

describe('statechartLayout keeps words inside their boxes', () => {
  const chart: StatechartView = {
    states: [
      { id: 'ready', label: 'ready', parent: null },
      { id: 'receiving', label: 'blocked receiving', parent: null },
      { id: 'receiving.closed', label: 'waiting for the reply', parent: 'receiving' },
      { id: 'receiving.closed.timed', label: 'timeout armed', parent: 'receiving.closed' },
      { id: 'receiving.closed.forever', label: 'no timeout', parent: 'receiving.closed' },
      { id: 'halted', label: 'halted', parent: null },
    ],
    transitions: [{ from: 'ready', to: 'receiving', event: 'ipc' }],
    grid: { ready: [0, 0], receiving: [1, 0], halted: [2, 0] },
  };

  it('at any font size the longest line fits its box, and sub-states are listed', () => {
    for (const fontSize of [14, 18, 21]) {
      const layout = statechartLayout(chart, { width: 400, height: 200, fontSize });
      const box = layout.nodes.find((n) => n.id === 'receiving');
      expect(box).toBeDefined();
      const words = 'blocked receiving'.length * 0.56 * fontSize;
      expect(box?.width ?? 0).toBeGreaterThan(words);
      expect(box?.children[0]?.subStates.map((g) => g.label)).toEqual([
        'timeout armed',
        'no timeout',
      ]);
      // The drawing widens (and the SVG scales it) rather than squeezing the boxes.
      expect(layout.width).toBeGreaterThanOrEqual(400);
      expect(layout.subOf('receiving.closed.timed')).toBe('receiving.closed.timed');
      expect(layout.childOf('receiving.closed.timed')).toBe('receiving.closed');
    }
  });

  it('no edge runs through a box (over its words), at any size and font', () => {
    for (const [width, height, fontSize] of [
      [480, 260, 14],
      [900, 500, 20],
      [300, 200, 11],
    ] as const) {
      const l = statechartLayout(threadStatechart(), { width, height, fontSize });
      for (const e of l.edges) {
        const nums = (e.d.match(/-?[\d.]+(e-?\d+)?/g) ?? []).map(Number);
        const [x0, y0, qx, qy, x1, y1] = nums as [number, number, number, number, number, number];
        for (let k = 1; k < 50; k++) {
          const t = k / 50;
          const x = (1 - t) ** 2 * x0 + 2 * (1 - t) * t * qx + t ** 2 * x1;
          const y = (1 - t) ** 2 * y0 + 2 * (1 - t) * t * qy + t ** 2 * y1;
          for (const n of l.nodes) {
            const inside =
              Math.abs(x - n.x) < n.width / 2 - 1 && Math.abs(y - n.y) < n.height / 2 - 1;
            expect(
              inside,
              `${e.key} at t=${t} inside ${n.id} (${width}×${height}, ${fontSize}px)`,
            ).toBe(false);
          }
        }
      }
    }
  });
});
