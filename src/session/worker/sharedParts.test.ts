import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { endlessYieldsText } from '../../../bench/workloads/endlessYields';
import { stressScenarioText } from '../../../bench/workloads/stressScenario';
import type { TraceParts } from '../../kernel/index';
import { runScenario } from '../../scenarios/index';
import { BUILTIN_FILES } from '../../scenarios/builtinFiles';
import { packParts, unpackParts } from './sharedParts';

/** A run recorded to `steps`, and the parts its next `more` steps add. */
function recorded(steps: number, more: number, text = stressScenarioText(16)) {
  const run = runScenario(text, { files: BUILTIN_FILES, maxSteps: steps });
  if (!run.ok) throw new Error('did not compile');
  const before = run.trace;
  const after = before.extend(more);
  return {
    before,
    after,
    base: before.parts(before.length).last,
    parts: after.parts(before.length),
  };
}

/** Arrays and records reachable from `root` that `base` does not hold: what a part costs. */
function newObjects(root: unknown, base: unknown): number {
  /** Every object reachable from `x` that `skip` does not hold, added to `into`. */
  const walk = (x: unknown, into: Set<unknown>, skip: ReadonlySet<unknown>) => {
    const stack: unknown[] = [x];
    while (stack.length > 0) {
      const y = stack.pop();
      if (typeof y !== 'object' || y === null || into.has(y) || skip.has(y)) continue;
      into.add(y);
      stack.push(...(Object.values(y) as unknown[]));
    }
    return into;
  };
  const old = walk(base, new Set(), new Set());
  return walk(root, new Set(), old).size;
}

describe('a part packed against the world before it (what the worker posts)', () => {
  it('unpacks, after a structured clone, to the same frames, sharing the objects the page has', () => {
    const { before, after, base, parts } = recorded(500, 300);
    const { packed } = packParts(parts, base);
    const page = structuredClone(base);
    const unpacked = unpackParts(structuredClone(packed), page);
    expect(unpacked).toEqual(parts);
    const trace = before.appendParts(unpacked);
    for (const i of [500, 501, 512, 700, 800]) expect(trace.frameAt(i)).toEqual(after.frameAt(i));
    // A thread the part's first checkpoint did not touch is the page's own object, not a copy.
    const first = unpacked.checkpoints[0];
    const same = first?.threads.filter((t, j) => t === page.threads[j]).length ?? 0;
    const untouched = parts.checkpoints[0]?.threads.filter((t, j) => t === base.threads[j]).length;
    expect(same).toBe(untouched);
    expect(same).toBeGreaterThan(0);
  });

  it('holds as many new objects on the page as in the worker, and its size estimate is close', () => {
    const { base, parts } = recorded(500, 256, endlessYieldsText(64));
    const { packed, bytes } = packParts(parts, base);
    const page = structuredClone(base);
    const unpacked = unpackParts(structuredClone(packed), page);
    expect(newObjects(unpacked, page)).toBe(newObjects(parts, base));
    // Sent as is, the part would bring a second copy of the world's untouched objects.
    expect(newObjects(structuredClone(parts), page)).toBeGreaterThan(newObjects(parts, base));
    // The estimate the worker sizes parts with is within a factor of two of the real clone.
    const sent = serialize(packed).length;
    expect(bytes).toBeGreaterThan(sent / 2);
    expect(bytes).toBeLessThan(sent * 2);
  });

  it('a part unpacked against a world of another shape is refused, not misread', () => {
    const { base, parts } = recorded(500, 300);
    const { packed } = packParts(parts, base);
    const fewer = { ...base, threads: base.threads.slice(1) };
    expect(() => unpackParts(structuredClone(packed), fewer)).toThrow(/does not follow/);
  });

  it('leaves plain values, bigints and shared objects inside the part as they were', () => {
    const word = 0xffff_ffff_ffff_ffffn;
    const shared = { words: [word, 1n] };
    const base = { threads: [], spaces: [], marker: { kept: true } } as unknown as Parameters<
      typeof packParts
    >[1];
    const parts = {
      every: 32,
      from: 1,
      checkpoints: [],
      effects: [[shared], [shared, { again: shared, text: 'x' }]],
      last: base,
    } as unknown as TraceParts;
    const { packed } = packParts(parts, base);
    const unpacked = unpackParts(structuredClone(packed), base);
    expect(unpacked.last).toBe(base);
    const [a, b] = unpacked.effects as unknown as [
      [typeof shared],
      [typeof shared, { again: unknown }],
    ];
    expect(a[0]).toEqual(shared);
    expect(b[0]).toBe(a[0]);
    expect(b[1].again).toBe(a[0]);
  });
});
