import { describe, expect, it } from 'vitest';
import {
  addAcceptor,
  CTRL_XFER_ACCEPTOR,
  hasCtrlXferItems,
  hasMapGrantItems,
  hasStringItems,
  mapGrantItems,
  rcvWindow,
  removeAcceptor,
  STRING_ITEMS_ACCEPTOR,
  UNTYPED_WORDS_ACCEPTOR,
} from './acceptor';
import { COMPLETE_ADDRESS_SPACE, fpageAddRights, fpageLog2, NILPAGE, RIGHTS } from './fpage';
import { CaseReader, rows } from './vectors/pistachioVectors';
import type { Abi } from './word';

/** A window as the generator names it: CompleteAddressSpace, Nilpage, FpageLog2(b,s)[+rwx]. */
function windowOf(name: string, abi: Abi): bigint {
  if (name === 'CompleteAddressSpace') return COMPLETE_ADDRESS_SPACE;
  if (name === 'Nilpage') return NILPAGE;
  const m = /^FpageLog2\((0x[0-9a-f]+|\d+),\s*(\d+)\)(\+rwx)?$/.exec(name);
  if (!m?.[1] || !m[2]) throw new Error(`unknown window ${name}`);
  const f = fpageLog2(BigInt(m[1]), Number(m[2]), abi);
  return m[3] ? fpageAddRights(f, RIGHTS.fullyAccessible, abi) : f;
}

describe('acceptors against the Pistachio vectors (every case, both ABIs)', () => {
  it.each(rows('acceptor'))('%s', (_label, abi, c) => {
    const r = new CaseReader(c);
    const fn = r.text('fn');
    if (fn === 'L4_MapGrantItems') {
      const window = windowOf(r.text('window'), abi);
      expect(window).toBe(r.big('window_raw'));
      const a = mapGrantItems(window, abi);
      expect(a).toBe(r.big('raw'));
      expect(hasMapGrantItems(a)).toBe(r.bool('L4_HasMapGrantItems'));
      expect(hasStringItems(a)).toBe(r.bool('L4_HasStringItems'));
      expect(rcvWindow(a)).toBe(r.big('L4_RcvWindow'));
      expect(addAcceptor(a, STRING_ITEMS_ACCEPTOR)).toBe(r.big('plus_StringItemsAcceptor_raw'));
    } else if (fn === 'L4_RemoveAcceptor(MapGrant(Complete)+Strings, Strings)') {
      const both = addAcceptor(mapGrantItems(COMPLETE_ADDRESS_SPACE, abi), STRING_ITEMS_ACCEPTOR);
      expect(removeAcceptor(both, STRING_ITEMS_ACCEPTOR)).toBe(r.big('raw'));
    } else {
      throw new Error(`unknown acceptor case ${fn}`);
    }
    expect(r.unread()).toEqual([]);
  });
});

describe('acceptor rules', () => {
  it('leaks a window’s W right into the ctrl-xfer bit, and AddAcceptor drops it again', () => {
    const a = mapGrantItems(0x100147n, 'ia32');
    expect(hasCtrlXferItems(a)).toBe(true);
    expect(hasCtrlXferItems(addAcceptor(a, UNTYPED_WORDS_ACCEPTOR))).toBe(false);
  });
  it('AddAcceptor takes the right window when it has one', () => {
    expect(addAcceptor(0x10n, 0x400001c0n)).toBe(0x400001c0n);
    expect(addAcceptor(0x11n, 0n)).toBe(0x11n);
  });
  it('RemoveAcceptor clears the window and keeps the c bit', () => {
    expect(removeAcceptor(0x100143n, 0x10n)).toBe(0x3n);
    expect(hasCtrlXferItems(CTRL_XFER_ACCEPTOR)).toBe(true);
  });
});
