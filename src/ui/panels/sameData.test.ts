import { describe, expect, it } from 'vitest';
import { sameData } from './sameData';

// A memoised card or row is drawn again exactly when sameData says its view changed: a false
// "same" would leave a stale word on the screen.
describe('sameData', () => {
  const registers = {
    mrs: [0x1n, 0x51fn, 0n],
    tag: { raw: 0x1n, label: 0n, u: 1, t: 0, flags: 0 },
    changed: [1],
    errorCode: null,
    br0: { raw: 0n, summary: 'untyped words only' },
  };

  it('takes two views with the same words for the same, though they are new objects', () => {
    expect(sameData(registers, structuredClone(registers))).toBe(true);
  });

  it('tells a changed word, a changed mark or a missing field apart, however deep', () => {
    expect(sameData(registers, { ...registers, mrs: [0x1n, 0x520n, 0n] })).toBe(false);
    expect(sameData(registers, { ...registers, changed: [] })).toBe(false);
    expect(sameData(registers, { ...registers, tag: { ...registers.tag, flags: 8 } })).toBe(false);
    const { errorCode: _dropped, ...fewer } = registers;
    expect(sameData(registers, { ...fewer, timeouts: null })).toBe(false);
  });

  it('does not take an array for a record with the same keys', () => {
    expect(sameData([1, 2], { 0: 1, 1: 2 })).toBe(false);
  });
});
