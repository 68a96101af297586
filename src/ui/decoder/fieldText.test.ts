import { describe, expect, it } from 'vitest';
import { bitCount, bitRange } from './fieldText';

describe('bitRange and bitCount', () => {
  it('name a range from the most significant bit down, and a single bit alone', () => {
    expect(bitRange(63, 16)).toBe('bits 63–16');
    expect(bitRange(15, 15)).toBe('bit 15');
    expect(bitCount(48)).toBe('48 bits');
    expect(bitCount(1)).toBe('1 bit');
  });
});
