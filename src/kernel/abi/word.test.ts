import { describe, expect, it } from 'vitest';
import { hex, toWord, wordBits } from './word';

describe('word', () => {
  it('wraps to the ABI word width like C unsigned arithmetic', () => {
    expect(toWord(-1n, 'ia32')).toBe(0xffffffffn);
    expect(toWord(-1n, 'amd64')).toBe(0xffffffffffffffffn);
    expect(toWord(1n << 32n, 'ia32')).toBe(0n);
    expect(wordBits('ia32')).toBe(32);
  });
  it('prints lowercase hex without padding', () => {
    expect(hex(0x12340005n)).toBe('0x12340005');
    expect(hex(0n)).toBe('0x0');
  });
});
