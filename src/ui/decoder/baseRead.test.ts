import { describe, expect, it } from 'vitest';
import { baseRead } from './baseRead';

describe('baseRead', () => {
  it('says hex for 0x words and decimal (with its hex) for plain digits', () => {
    expect(baseRead('0x12340005')).toBe('read as hex');
    expect(baseRead(' 0X1f ')).toBe('read as hex');
    expect(baseRead('305397765')).toBe('read as decimal = 0x12340005');
    expect(baseRead('10')).toBe('read as decimal = 0xa');
  });

  it('says nothing for what is not a number (the error message speaks)', () => {
    for (const text of ['', '12ab', 'ff', '0x', '-1', '1e3']) expect(baseRead(text)).toBe('');
  });
});
