import { describe, expect, it } from 'vitest';
import { mapGrantItems } from './abi/acceptor';
import { COMPLETE_ADDRESS_SPACE, fpageLog2, RIGHTS } from './abi/fpage';
import { grantItem, mapItem } from './abi/typedItem';
import { mapFpage, mapRegion, placeFpage, unmapRange } from './mapping';
import { scriptProgram } from './scriptProgram';
import { effectsOf, runChecked, tid } from './testKit';
import type { BootSpec, Mapping } from './types';

const fp = (base: bigint, s: number, rights = 7) => fpageLog2(base, s, 'amd64') | BigInt(rights);
const page = (base: bigint, sizeLog2: number, rights = 7): Mapping => ({ base, sizeLog2, rights });

describe('X.2 placement rule', () => {
  // Pistachio kernel/src/generic/linear_ptab_walker.cc, space_t::map_fpage: snd size ≤ window size
  // → t_addr = window base + (SndBase & base_mask(window, snd size)), aligned to its size.
  it('a send fpage smaller than the window lands at window base + (SndBase mod window size), aligned to its size', () => {
    expect(
      placeFpage({ base: 0x5000n, sizeLog2: 12 }, 0x1234_5000n, { base: 0x80_0000n, sizeLog2: 20 })
        .dst,
    ).toBe(0x84_5000n);
    expect(
      placeFpage({ base: 0x4000n, sizeLog2: 14 }, 0x0_7abcn, { base: 0x80_0000n, sizeLog2: 20 })
        .dst,
    ).toBe(0x80_4000n);
  });
  // Pistachio kernel/src/generic/linear_ptab_walker.cc, space_t::map_fpage: snd size > window size
  // → only the window-sized part of the send fpage that holds SndBase is mapped, at the window
  // base.
  it('a send fpage larger than the window: only the window-sized part around SndBase, at the window base', () => {
    const p = placeFpage({ base: 0x40_0000n, sizeLog2: 22 }, 0x52_3000n, {
      base: 0x90_0000n,
      sizeLog2: 16,
    });
    expect(p).toEqual({ src: { base: 0x52_0000n, sizeLog2: 16 }, dst: 0x90_0000n });
  });
  // Pistachio kernel/src/api/v4/fpage.h, fpage_t::is_complete_fpage: the whole space as the window;
  // generic/linear_ptab_walker.cc, space_t::map_fpage then keeps the send address.
  it('CompleteAddressSpace as the window means the same address', () => {
    expect(
      placeFpage({ base: 0x30_0000n, sizeLog2: 20 }, 0x30_0000n, { base: 0n, sizeLog2: 64 }).dst,
    ).toBe(0x30_0000n);
  });
});

describe('address-space regions', () => {
  it('mapping onto part of a region replaces that part and keeps the rest, split into aligned pieces', () => {
    const after = mapRegion([page(0x10000n, 16, 7)], page(0x14000n, 12, 4));
    expect(after).toEqual([
      page(0x10000n, 14),
      page(0x14000n, 12, 4),
      page(0x15000n, 12),
      page(0x16000n, 13),
      page(0x18000n, 15),
    ]);
  });
  it('unmapping a range removes exactly it', () => {
    expect(unmapRange([page(0x0n, 13)], { base: 0x1000n, sizeLog2: 12 })).toEqual([page(0x0n, 12)]);
  });
  // Pistachio kernel/src/generic/linear_ptab_walker.cc, space_t::map_fpage: walks the sender's page
  // table; only present pages pass, with rights = sent rights & the sender's rights.
  it('only what the sender has mapped is passed, with at most the rights it has there', () => {
    const sender = [page(0x30_0000n, 12, RIGHTS.readExecOnly), page(0x30_2000n, 12, 7)];
    const r = mapFpage(
      sender,
      [],
      false,
      { fpage: fp(0x30_0000n, 14, 6), sndBase: 0x30_0000n, grant: false },
      mapGrantItems(COMPLETE_ADDRESS_SPACE, 'amd64'),
      'amd64',
    );
    expect(r.regions).toEqual([
      { src: 0x30_0000n, dst: 0x30_0000n, sizeLog2: 12, rights: 4 },
      { src: 0x30_2000n, dst: 0x30_2000n, sizeLog2: 12, rights: 6 },
    ]);
    expect(r.sender).toBe(sender);
  });
  // Pistachio kernel/src/api/v4/ipcx.cc, extended_transfer: a grant item with snd size > rcv window
  // size calls src->get_space()->unmap_fpage(snd_fpage, true, false): the whole send fpage goes.
  it('a grant larger than the receive window flushes the whole send fpage from the sender', () => {
    const r = mapFpage(
      [page(0x40_0000n, 22)],
      [],
      false,
      { fpage: fp(0x40_0000n, 22), sndBase: 0n, grant: true },
      fpageLog2(0x80_0000n, 16, 'amd64'),
      'amd64',
    );
    expect(r.regions).toEqual([{ src: 0x40_0000n, dst: 0x80_0000n, sizeLog2: 16, rights: 7 }]);
    expect(r.sender).toEqual([]);
  });
  // Pistachio kernel/src/generic/linear_ptab_walker.cc, space_t::map_fpage: `if (f_num <
  // hw_pgshifts[0]) return;` — an fpage (or window) smaller than the smallest page maps nothing.
  it('fpages smaller than a 4 KiB page map nothing', () => {
    const r = mapFpage(
      [page(0n, 20)],
      [],
      false,
      { fpage: fp(0x1000n, 10), sndBase: 0n, grant: false },
      COMPLETE_ADDRESS_SPACE,
      'amd64',
    );
    expect(r.regions).toEqual([]);
  });
});

describe('map and grant items in IPC', () => {
  const spec: BootSpec = {
    spaces: [
      { name: 'pager', mappings: [{ base: 0x30_0000n, sizeLog2: 20, rights: 7 }] },
      { name: 'task' },
    ],
    threads: [
      { name: 'pager', space: 'pager' },
      { name: 'task', space: 'task', priority: 200 },
    ],
  };
  const TASK = tid(spec, 'task');
  const send = (item: readonly [bigint, bigint]) =>
    scriptProgram([
      { op: 'tag', label: 0n, u: 0, t: 2 },
      { op: 'loadMrs', start: 1, values: [...item] },
      { op: 'ipc', wrapper: 'L4_Send', args: [TASK] },
    ]);
  const receive = (window: bigint) =>
    scriptProgram([
      { op: 'loadBr', index: 0, value: mapGrantItems(window, 'amd64') },
      { op: 'ipc', wrapper: 'L4_Wait', args: [] },
    ]);

  // Pistachio kernel/src/api/v4/ipcx.cc, extended_transfer → generic/linear_ptab_walker.cc,
  // space_t::map_fpage(grant = false): the sender keeps its mapping.
  it("a map item appears in the receiver's space with the sent rights; the sender keeps it", () => {
    const item = mapItem(fp(0x30_0000n, 16, RIGHTS.readable), 0x30_0000n, 'amd64');
    const run = runChecked(spec, {
      pager: send(item),
      task: receive(fpageLog2(0x100_0000n, 24, 'amd64')),
    });
    // window base 0x1000000 + (SndBase 0x300000 mod 2^24)
    expect(run.final.spaces[1]?.mappings).toEqual([
      { ...page(0x130_0000n, 16, 4), from: { space: 0, base: 0x30_0000n } },
    ]);
    expect(run.final.spaces[0]?.mappings).toEqual([page(0x30_0000n, 20, 7)]);
    expect(effectsOf(run.effects, 'map')).toMatchObject([
      {
        from: 'pager',
        to: 'task',
        regions: [{ src: 0x30_0000n, dst: 0x130_0000n, sizeLog2: 16, rights: 4 }],
      },
    ]);
  });

  // Pistachio generic/linear_ptab_walker.cc, space_t::map_fpage(grant = true): the sender's entry is
  // removed as the receiver's is made.
  it('a grant item moves the mapping: it disappears from the sender', () => {
    const item = grantItem(fp(0x38_0000n, 19), 0x38_0000n, 'amd64');
    const run = runChecked(spec, { pager: send(item), task: receive(COMPLETE_ADDRESS_SPACE) });
    expect(run.final.spaces[1]?.mappings).toEqual([page(0x38_0000n, 19)]);
    expect(run.final.spaces[0]?.mappings).toEqual([page(0x30_0000n, 19)]);
    expect(effectsOf(run.effects, 'grant')).toHaveLength(1);
  });

  // Pistachio kernel/src/api/v4/ipcx.cc, extended_transfer: the receiver's acceptor.get_rcv_window()
  // bounds what space_t::map_fpage maps.
  it('the acceptor window decides: a window smaller than the fpage receives only its part', () => {
    const item = mapItem(fp(0x30_0000n, 20), 0x34_5000n, 'amd64');
    const run = runChecked(spec, {
      pager: send(item),
      task: receive(fpageLog2(0x900_0000n, 16, 'amd64')),
    });
    expect(run.final.spaces[1]?.mappings).toEqual([
      { ...page(0x900_0000n, 16), from: { space: 0, base: 0x34_0000n } },
    ]);
    expect(effectsOf(run.effects, 'map')[0]?.regions).toEqual([
      { src: 0x34_0000n, dst: 0x900_0000n, sizeLog2: 16, rights: 7 },
    ]);
  });
});

describe('typed-item edges (Pistachio kernel/src/api/v4/ipcx.cc, extended_transfer)', () => {
  const spec: BootSpec = {
    spaces: [
      { name: 'pager', mappings: [{ base: 0x10_0000n, sizeLog2: 16, rights: 7 }] },
      { name: 'task' },
    ],
    threads: [
      { name: 'pager', space: 'pager' },
      { name: 'task', space: 'task', priority: 200 },
    ],
  };
  const TASK = tid(spec, 'task');
  const receive = scriptProgram([
    { op: 'loadBr', index: 0, value: mapGrantItems(COMPLETE_ADDRESS_SPACE, 'amd64') },
    { op: 'ipc', wrapper: 'L4_Wait', args: [] },
  ]);
  const send = (t: number, words: readonly bigint[]) =>
    scriptProgram([
      { op: 'tag', label: 0n, u: 0, t },
      { op: 'loadMrs', start: 1, values: words },
      { op: 'ipc', wrapper: 'L4_Send', args: [TASK] },
    ]);

  // kernel/src/api/v4/fpage.h, mempage_t: bit 3 is `reserved`; is_mempage() looks only at the
  // x86 I/O marker (size field 2), so the reserved bit changes nothing.
  it('fpage bit 3 is ignored for memory fpages: an L4_FpageLog2 with an unaligned base still maps', () => {
    const f = fpageLog2(0x10_1008n, 12, 'amd64') | 7n; // base 0x101008: bit 3 set
    expect(f & 8n).toBe(8n);
    const run = runChecked(spec, {
      pager: send(2, mapItem(f, 0x10_1000n, 'amd64')),
      task: receive,
    });
    expect(run.final.spaces[1]?.mappings).toMatchObject([page(0x10_1000n, 12)]);
  });

  // kernel/src/glue/v4-x86/io_fpage.h, arch_fpage_t::is_valid_page(): size field 2 = I/O fpage.
  it('an x86 I/O fpage (size field 2) maps nothing, with a note saying the model has no I/O ports', () => {
    const io = (0x60n << 10n) | (2n << 4n) | 7n;
    const run = runChecked(spec, { pager: send(2, mapItem(io, 0n, 'amd64')), task: receive });
    const [m] = effectsOf(run.effects, 'map');
    expect(m?.regions).toEqual([]);
    expect(m?.note).toMatch(/I\/O/);
    expect(run.final.spaces[1]?.mappings).toEqual([]);
  });

  // extended_transfer(): `for (src_idx = u + 1; src_idx < total_mrs; )` with total_mrs = u+t+1,
  // and CHECK_MR_IDX(src_idx + 1, total_mrs) fails only when src_idx + 1 > u+t+1.
  it('the two-word typed item whose first word is the last of u+t is still read, as the reference bounds check does', () => {
    const item = mapItem(fp(0x10_0000n, 12), 0x10_0000n, 'amd64');
    const run = runChecked(spec, { pager: send(1, item), task: receive });
    expect(effectsOf(run.effects, 'ipc.transfer')[0]?.failed).toBe(false);
    expect(run.final.spaces[1]?.mappings).toMatchObject([page(0x10_0000n, 12)]);
    const task = run.final.threads[1];
    expect([task?.utcb.mrs[1], task?.utcb.mrs[2]]).toEqual([item[0], item[1]]);
  });
});
