// Pasted words the decoder cannot take: too wide for the ABI, not a number, empty, huge. Each is
// one message; nothing else changes (docs/reliability.md).
import { describe, expect, it } from 'vitest';
import { decodeWords } from './decodeWords';

describe('pasted words', () => {
  it.each([
    ['too wide for ia32', ['0x100000000'], 'ia32', /wider than an ia32 word \(32 bits\)/],
    ['too wide for amd64', ['0x1' + '0'.repeat(16)], 'amd64', /wider than an amd64 word/],
    ['not hex', ['0xzz'], 'amd64', /not a number/i],
    ['words with spaces', ['12 34'], 'amd64', /not a number/i],
    ['empty', [''], 'amd64', /^The word is empty: type a number, decimal or 0x hex\.$/],
    ['only blanks', ['   \t'], 'amd64', /^The word is empty/],
    ['100,000 digits', ['9'.repeat(100_000)], 'amd64', /wider than an amd64 word/],
    ['markup', ['<img src=x onerror=alert(1)>'], 'amd64', /not a number/i],
  ] as const)('%s', (_name, texts, abi, message) => {
    const r = decodeWords('msgtag', texts, abi);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toMatch(message);
      expect(r.message.length).toBeLessThan(300);
    }
  });
  it('a two-word kind names the empty word', () => {
    const r = decodeWords('mapitem', ['0x300008', ''], 'amd64');
    expect(r).toEqual({ ok: false, message: 'Word 1 is empty: type a number, decimal or 0x hex.' });
  });
});
