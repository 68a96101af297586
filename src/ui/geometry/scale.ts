// The two scales the geometry uses, without d3-scale: its linear scale brings d3-interpolate,
// d3-color, d3-format and d3-array into the first chunk (~17 KB gzipped) for one multiply-add.

/** [d0, d1] → [r0, r1], linear, not clamped (as d3's `scaleLinear().domain().range()`). */
export function linearScale(
  [d0, d1]: readonly [number, number],
  [r0, r1]: readonly [number, number],
): (value: number) => number {
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return (value) => (d1 === d0 ? (r0 + r1) / 2 : r0 + (value - d0) * k);
}

export interface PointScale {
  (name: string): number | undefined;
  /** Distance between two neighbouring points. */
  readonly step: number;
}

/**
 * `names` spread evenly over [r0, r1] with `padding` steps of room at each end (as d3's
 * `scalePoint().domain().range().padding()`); a single name sits in the middle.
 */
export function pointScale(
  names: readonly string[],
  [r0, r1]: readonly [number, number],
  padding: number,
): PointScale {
  const step = (r1 - r0) / Math.max(1, names.length - 1 + 2 * padding);
  const start = r0 + (r1 - r0 - step * (names.length - 1)) / 2;
  const at = new Map(names.map((name, i) => [name, start + i * step]));
  return Object.assign((name: string) => at.get(name), { step });
}
