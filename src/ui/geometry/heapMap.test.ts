import { describe, expect, it } from 'vitest';
import { heapLayout } from './heapMap';

describe('heapLayout', () => {
  it('lays blocks where their addresses put them, with the free gaps between', () => {
    const layout = heapLayout(
      {
        server: 'memserver',
        base: 0x1000n,
        size: 0x1000n,
        blocks: [
          { start: 0x1800n, size: 0x400n, owner: 'logger' },
          { start: 0x1000n, size: 0x100n, owner: 'app' },
        ],
      },
      400,
    );
    expect(layout.segments.map((s) => [s.start, s.size, s.owner])).toEqual([
      [0x1000n, 0x100n, 'app'],
      [0x1100n, 0x700n, null],
      [0x1800n, 0x400n, 'logger'],
      [0x1c00n, 0x400n, null],
    ]);
    expect(layout.segments[2]?.x).toBeCloseTo(200);
    expect(layout.segments[2]?.width).toBeCloseTo(100);
    expect(layout.used).toBe(0x500n);
    expect(layout.free).toBe(0xb00n);
  });

  it('an empty heap is one free segment across the whole width', () => {
    const layout = heapLayout({ server: 's', base: 0n, size: 0x100n, blocks: [] }, 300);
    expect(layout.segments).toEqual([{ start: 0n, size: 0x100n, owner: null, x: 0, width: 300 }]);
  });

  it('a tiny block is still wide enough to see', () => {
    const layout = heapLayout(
      { server: 's', base: 0n, size: 0x100000n, blocks: [{ start: 0n, size: 0x10n, owner: 'a' }] },
      300,
    );
    expect(layout.segments[0]?.width).toBeGreaterThanOrEqual(3);
  });
});
