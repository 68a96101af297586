import { scaleLinear, scalePoint } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { linearScale, pointScale } from './scale';

describe('the geometry scales place things where d3-scale would', () => {
  it('a linear scale maps the domain onto the range, reversed domains included', () => {
    const ours = linearScale([64, 0], [8, 992]);
    const d3 = scaleLinear().domain([64, 0]).range([8, 992]);
    for (const bit of [0, 1, 31, 63, 64]) expect(ours(bit)).toBeCloseTo(d3(bit));
  });

  it('a point scale spreads lanes evenly with half a step of room at each end', () => {
    for (const names of [['a'], ['a', 'b'], ['a', 'b', 'c', 'd', 'e']]) {
      const ours = pointScale(names, [8, 1272], 0.5);
      const d3 = scalePoint<string>().domain(names).range([8, 1272]).padding(0.5);
      for (const name of names) expect(ours(name)).toBeCloseTo(d3(name) ?? NaN);
      expect(ours.step).toBeCloseTo(d3.step());
    }
    expect(pointScale(['a'], [0, 100], 0.5)('b')).toBeUndefined();
  });
});
