import { describe, expect, it } from 'vitest';
import { decodeTypedItem, grantItem, mapItem, stringItem, withContinuation } from './typedItem';
import { CaseReader, rows } from './vectors/pistachioVectors';
import type { Abi } from './word';

function checkSendItem(r: CaseReader, abi: Abi, kind: 'Map' | 'Grant'): void {
  const make = kind === 'Map' ? mapItem : grantItem;
  const [w0, w1] = make(r.big('fpage'), r.big('snd_base'), abi);
  expect(w0).toBe(r.big('w0'));
  expect(w1).toBe(r.big('w1'));
  const d = decodeTypedItem(w0, w1, abi);
  expect(d.continuation).toBe(false);
  if (r.has('L4_IsMapItem')) expect(d.type === 'map').toBe(r.bool('L4_IsMapItem'));
  if (r.has('L4_IsGrantItem')) expect(d.type === 'grant').toBe(r.bool('L4_IsGrantItem'));
  if (r.has(`L4_${kind}ItemSndBase`)) expect(d.sndBase).toBe(r.big(`L4_${kind}ItemSndBase`));
  if (r.has(`L4_${kind}ItemSndFpage`)) expect(d.fpage).toBe(r.big(`L4_${kind}ItemSndFpage`));
}

describe('typed items against the Pistachio vectors (every case, both ABIs)', () => {
  it.each(rows('map_grant_items'))('%s', (_label, abi, c) => {
    const r = new CaseReader(c);
    const fn = r.text('fn');
    if (fn === 'L4_MapItem') checkSendItem(r, abi, 'Map');
    else if (fn === 'L4_GrantItem') checkSendItem(r, abi, 'Grant');
    else if (fn.startsWith('L4_MapItem vs L4_GrantItem')) {
      const f = r.big('fpage');
      const base = r.big('snd_base');
      const map = mapItem(f, base, abi);
      const grant = grantItem(f, base, abi);
      expect(map[0]).toBe(r.big('map_w0'));
      expect(grant[0]).toBe(r.big('grant_w0'));
      expect(withContinuation(map[0])).toBe(r.big('map_w0_with_C_bit'));
      expect(decodeTypedItem(withContinuation(map[0]), map[1], abi).continuation).toBe(true);
      expect(map[1]).toBe(r.big('w1'));
      expect(grant[1]).toBe(r.big('w1'));
    } else {
      const m = /^L4_StringItem\(len, \(void\*\)(0x[0-9a-f]+)\)$/.exec(fn);
      if (!m?.[1]) throw new Error(`unknown typed item case ${fn}`);
      const ptr = BigInt(m[1]);
      const len = BigInt(r.num('len'));
      const [w0, w1] = stringItem(len, ptr, abi);
      expect(w0).toBe(r.big('w0'));
      expect(w1).toBe(r.big('w1'));
      const d = decodeTypedItem(w0, w1, abi);
      expect(d.type === 'string').toBe(r.bool('L4_IsStringItem'));
      expect(d.substrings).toBe(r.num('L4_Substrings'));
      expect(d.length).toBe(len);
      expect(d.ptr).toBe(ptr);
    }
    expect(r.unread()).toEqual([]);
  });
});

describe('typed item rules', () => {
  it('classifies by the type bits as the header does', () => {
    expect(decodeTypedItem(0xcn, 0n, 'ia32').type).toBe('ctrlxfer');
    expect(decodeTypedItem(0xen, 0n, 'ia32').type).toBe('unknown');
    expect(decodeTypedItem(0x6n, 0n, 'ia32').type).toBe('string');
  });
  it('drops the low 10 bits of the send base', () => {
    expect(mapItem(0x300147n, 0x3003ffn, 'amd64')).toEqual([0x300008n, 0x300147n]);
  });
  it('takes the string length as a C int, wrapped to the length field', () => {
    expect(stringItem(-1n, 0n, 'ia32')[0]).toBe(0xffff_fc00n);
    expect(stringItem(1n << 32n, 0n, 'amd64')[0]).toBe(0n);
  });
});
