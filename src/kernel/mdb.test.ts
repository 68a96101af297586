/**
 * The mapping database. Expected trees follow Pistachio `kernel/src/generic/mapping.cc`: `mdb_map`
 * adds the receiver's node as a child of the sender's (a grant moves the node instead), and
 * `mdb_flush` walks the subtree, removing nodes when the unmapped fpage has all of rwx
 * (`fp.is_rwx()`) and otherwise revoking only its rights; `unmap_self` (the flush bit of
 * `sys_unmap`, `kernel/src/api/v4/space.cc`) includes the caller's own node.
 */
import { describe, expect, it } from 'vitest';
import { COMPLETE_ADDRESS_SPACE, fpageLog2 } from './abi/fpage';
import { mapGrantItems } from './abi/acceptor';
import { grantItem, mapItem } from './abi/typedItem';
import { parentOf } from './mdb';
import { scriptProgram } from './scriptProgram';
import type { ScriptAction } from './scriptProgram';
import { effectsOf, runChecked, tid } from './testKit';
import type { BootSpec, World } from './types';

const fp = (base: bigint, s: number, rights: number) =>
  fpageLog2(base, s, 'amd64') | BigInt(rights);

const spec: BootSpec = {
  spaces: [
    { name: 'A', mappings: [{ base: 0x10_0000n, sizeLog2: 16, rights: 7 }] },
    { name: 'B' },
    { name: 'C' },
  ],
  threads: [
    { name: 'c', space: 'C', priority: 220 },
    { name: 'b', space: 'B', priority: 210 },
    { name: 'a', space: 'A', priority: 100 },
  ],
};
const accept: ScriptAction = {
  op: 'loadBr',
  index: 0,
  value: mapGrantItems(COMPLETE_ADDRESS_SPACE, 'amd64'),
};
const sendItem = (to: string, item: readonly [bigint, bigint]): ScriptAction[] => [
  { op: 'tag', label: 0n, u: 0, t: 2 },
  { op: 'loadMrs', start: 1, values: [...item] },
  { op: 'ipc', wrapper: 'L4_Send', args: [tid(spec, to)] },
];
const unmap = (f: bigint, flush = false): ScriptAction[] => [
  { op: 'loadMr', index: 0, value: f },
  { op: 'unmap', control: flush ? 0x40n : 0n },
];
const spaceOf = (w: World, name: string) => w.spaces.find((s) => s.name === name)?.mappings ?? [];

/** a maps 0x100000 (4 KB) to b, b maps it on to c; then `aThen` runs in a. */
function chain(aThen: ScriptAction[], bItem: 'map' | 'grant' = 'map') {
  const page = fp(0x10_0000n, 12, 7);
  return runChecked(spec, {
    c: scriptProgram([accept, { op: 'ipc', wrapper: 'L4_Receive', args: [tid(spec, 'b')] }]),
    b: scriptProgram([
      accept,
      { op: 'ipc', wrapper: 'L4_Receive', args: [tid(spec, 'a')] },
      ...sendItem('c', (bItem === 'map' ? mapItem : grantItem)(page, 0x10_0000n, 'amd64')),
    ]),
    a: scriptProgram([...sendItem('b', mapItem(page, 0x10_0000n, 'amd64')), ...aThen]),
  });
}

describe('mapping database (generic/mapping.cc)', () => {
  it('map creates a child: b’s page comes from a’s, c’s from b’s', () => {
    const run = chain([]);
    const [b] = spaceOf(run.final, 'B');
    const [c] = spaceOf(run.final, 'C');
    expect(b?.from).toEqual({ space: 0, base: 0x10_0000n });
    expect(c?.from).toEqual({ space: 1, base: 0x10_0000n });
    expect(b && parentOf(run.final.spaces, b)?.space).toBe(0);
    expect(c && parentOf(run.final.spaces, c)?.mapping).toEqual(b);
  });

  it('grant moves the node: c takes b’s place under a, and b has nothing left', () => {
    const run = chain([], 'grant');
    expect(spaceOf(run.final, 'B')).toEqual([]);
    expect(spaceOf(run.final, 'C')[0]?.from).toEqual({ space: 0, base: 0x10_0000n });
  });

  it('unmap revokes recursively: a unmaps, the page vanishes from b and c, a keeps it', () => {
    const run = chain(unmap(fp(0x10_0000n, 12, 7)));
    expect(spaceOf(run.final, 'B')).toEqual([]);
    expect(spaceOf(run.final, 'C')).toEqual([]);
    expect(spaceOf(run.final, 'A')).toEqual([{ base: 0x10_0000n, sizeLog2: 16, rights: 7 }]);
    expect(effectsOf(run.effects, 'unmap')[0]?.revoked.map((r) => [r.space, r.left])).toEqual([
      ['B', 0],
      ['C', 0],
    ]);
  });

  it('unmap from the middle of the tree leaves the parent: b unmaps, only c loses the page', () => {
    const page = fp(0x10_0000n, 12, 7);
    const run = runChecked(spec, {
      c: scriptProgram([accept, { op: 'ipc', wrapper: 'L4_Receive', args: [tid(spec, 'b')] }]),
      b: scriptProgram([
        accept,
        { op: 'ipc', wrapper: 'L4_Receive', args: [tid(spec, 'a')] },
        ...sendItem('c', mapItem(page, 0x10_0000n, 'amd64')),
        ...unmap(page),
      ]),
      a: scriptProgram(sendItem('b', mapItem(page, 0x10_0000n, 'amd64'))),
    });
    expect(spaceOf(run.final, 'B')).toHaveLength(1);
    expect(spaceOf(run.final, 'C')).toEqual([]);
  });

  it('Flush also removes the caller’s own mapping (unmap_self)', () => {
    const run = chain(unmap(fp(0x10_0000n, 12, 7), true));
    expect(spaceOf(run.final, 'C')).toEqual([]);
    expect(spaceOf(run.final, 'A').some((m) => m.base === 0x10_0000n)).toBe(false);
    expect(spaceOf(run.final, 'A')).toHaveLength(4); // 0x101000/12, 0x102000/13, 0x104000/14, 0x108000/15
  });

  it('unmap with fewer than all rights only reduces them, down the whole subtree', () => {
    const run = chain(unmap(fp(0x10_0000n, 12, 2))); // revoke write
    expect(spaceOf(run.final, 'B')[0]?.rights).toBe(5);
    expect(spaceOf(run.final, 'C')[0]?.rights).toBe(5);
    expect(spaceOf(run.final, 'C')[0]?.from).toEqual({ space: 1, base: 0x10_0000n });
  });

  it('L4_Unmap returns each fpage with its access bits, which the model does not track (0)', () => {
    const run = chain(unmap(fp(0x10_0000n, 12, 7)));
    const a = run.final.threads.find((t) => t.name === 'a');
    expect(a?.utcb.mrs[0]).toBe(fp(0x10_0000n, 12, 0));
  });
});
