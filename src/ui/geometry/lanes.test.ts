import { describe, expect, it } from 'vitest';
import { clipLabel, laneLayout } from './lanes';

const names = (n: number) => Array.from({ length: n }, (_, i) => `client${i + 1}`);

describe('laneLayout', () => {
  it('one thread sits in the middle of the chart', () => {
    const l = laneLayout(['solo'], 600, 15);
    expect(l.lanes).toHaveLength(1);
    expect(l.lanes[0]?.x).toBeCloseTo(300);
    expect(l.rows).toBe(1);
  });

  it('three threads are evenly spaced, half a step in from each side, left to right in order', () => {
    const l = laneLayout(['client', 'memserver', 'logger'], 616, 15);
    const xs = l.lanes.map((lane) => lane.x);
    expect(xs[1]! - xs[0]!).toBeCloseTo(l.step);
    expect(xs[2]! - xs[1]!).toBeCloseTo(l.step);
    expect(xs[0]! - 8).toBeCloseTo(l.step / 2);
    expect(l.x('memserver')).toBe(xs[1]);
    expect(l.lanes.map((lane) => lane.label)).toEqual(['client', 'memserver', 'logger']);
  });

  it('sixteen threads in a narrow chart stagger their names over two rows and keep them apart', () => {
    const l = laneLayout(names(16), 640, 15);
    expect(l.rows).toBe(2);
    expect(l.lanes.filter((lane) => lane.row === 1)).toHaveLength(8);
    for (const lane of l.lanes) {
      expect(lane.x).toBeGreaterThan(0);
      expect(lane.x).toBeLessThan(640);
    }
    // Names on the same row are two steps apart: each label fits in that room.
    for (const lane of l.lanes)
      expect(lane.label.length * 0.62 * 15).toBeLessThanOrEqual(2 * l.step);
  });

  it('an unknown name maps to the middle rather than failing', () => {
    expect(laneLayout(['a', 'b'], 400, 15).x('nobody')).toBe(200);
  });

  it('clipLabel keeps short names and shortens long ones with an ellipsis', () => {
    expect(clipLabel('adder', 200, 15)).toBe('adder');
    expect(clipLabel('a_very_long_thread_name', 60, 15)).toMatch(/^a_v.*…$/);
  });
});
