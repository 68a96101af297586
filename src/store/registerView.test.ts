import { describe, expect, it } from 'vitest';
import { mapItem, grantItem, stringItem } from '../kernel/abi/typedItem';
import { fpageAddRights, fpageLog2 } from '../kernel/abi/fpage';
import { timeouts, timePeriodConst } from '../kernel/abi/time';
import { acceptorView, registerView, typedItems } from './registerView';
import { lessonSource } from './testSupport/lessonSource';

describe('typed items decoded in place', () => {
  it('a map item and a grant item: the send base, then the fpage with its size and rights', () => {
    const page = fpageAddRights(fpageLog2(0x100000n, 12, 'amd64'), 6, 'amd64');
    const [m0, m1] = mapItem(page, 0x100000n, 'amd64');
    const [g0, g1] = grantItem(page, 0x101000n, 'amd64');
    const mrs = [0x80n | (4n << 6n), m0, m1, g0, g1];
    const tag = { raw: mrs[0] ?? 0n, label: 0n, u: 0, t: 4, flags: 0 };
    expect(typedItems(mrs, tag, 'amd64')).toEqual({
      1: 'map item: send base 0x100000',
      2: 'fpage 0x100000, 4 KB, rw-',
      3: 'grant item: send base 0x101000',
      4: 'fpage 0x100000, 4 KB, rw-',
    });
  });

  it('a string item: its length and where the string is', () => {
    const [s0, s1] = stringItem(0x40n, 0x2000n, 'ia32');
    const tag = { raw: 0x80n, label: 0n, u: 1, t: 2, flags: 0 };
    expect(typedItems([tag.raw, 7n, s0, s1], tag, 'ia32')).toEqual({
      2: 'string item: 0x40 bytes',
      3: 'string at 0x2000',
    });
  });

  it('the register view of the map-grant receiver names the items; the timeouts read in µs', () => {
    const src = lessonSource('map-grant');
    let found = '';
    for (let i = 0; i < src.length && found === ''; i++) {
      const r = src.frame(i).threads.find((t) => t.name === 'receiver')?.registers;
      found = r?.typed?.[1] ?? '';
    }
    expect(found).toBe('map item: send base 0x100000');
    const view = registerView({
      mrs: [0n],
      abi: 'amd64',
      changed: [],
      errorCode: null,
      br0: acceptorView(0n, 'amd64'),
      timeouts: timeouts(timePeriodConst(1000n), 0n, 'amd64'),
    });
    expect(view.timeouts?.text).toBe('1000 µs / never');
  });
});
