import { describe, expect, it } from 'vitest';
import { WORD_KINDS, wordCount } from './kinds';
import { wordLayouts } from './layout';
import { kindCases } from './vectors/kindCases';
import { ABIS, wordBits } from './word';

/** Words to lay out: every vector case's words, plus all-ones and zero, for every kind and ABI. */
const samples = [
  ...kindCases().map((c) => [c.name, c.kind, c.abi, c.words.map((w) => BigInt(w))] as const),
  ...ABIS.flatMap((abi) =>
    WORD_KINDS.flatMap((kind) => {
      const ones = kind === 'time' ? 0xffffn : (1n << BigInt(wordBits(abi))) - 1n;
      return [0n, ones].map(
        (w) =>
          [`${abi} ${kind} ${w}`, kind, abi, new Array<bigint>(wordCount(kind)).fill(w)] as const,
      );
    }),
  ),
];

describe('wordLayouts', () => {
  it.each(samples)(
    '%s: fields cover all W bits, MSB first, and rebuild the word',
    (_n, kind, abi, words) => {
      const layouts = wordLayouts(kind, words, abi);
      expect(layouts).toHaveLength(wordCount(kind));
      layouts.forEach((layout, i) => {
        expect(layout.raw).toBe(words[i]);
        let next: number = wordBits(abi);
        let rebuilt = 0n;
        for (const f of layout.fields) {
          expect(f.width).toBeGreaterThan(0);
          expect(f.lsb + f.width).toBe(next);
          expect(f.value >> BigInt(f.width)).toBe(0n);
          expect(f.display).not.toBe('');
          expect(f.description).not.toBe('');
          rebuilt |= f.value << BigInt(f.lsb);
          next = f.lsb;
        }
        expect(next).toBe(0);
        expect(rebuilt).toBe(words[i]);
        expect(new Set(layout.fields.map((f) => f.name)).size).toBe(layout.fields.length);
      });
    },
  );

  it('lays out a message tag with its label, flag bits and counts', () => {
    const [tag] = wordLayouts('msgtag', [0x1234f005n], 'ia32');
    expect(tag?.fields.map((f) => [f.name, f.display])).toEqual([
      ['label', '0x1234'],
      ['error', 'set'],
      ['xcpu', 'set'],
      ['redirected', 'set'],
      ['propagated', 'set'],
      ['t', '0'],
      ['u', '5'],
    ]);
  });

  it('lays out a map item’s second word as an fpage, and a local thread ID as local', () => {
    const [w0, w1] = wordLayouts('mapitem', [0x300008n, 0x300147n], 'amd64');
    expect(w0?.fields.map((f) => f.name)).toEqual(['snd_base', 'zero', 'type', 'C']);
    expect(w1?.fields.map((f) => [f.name, f.display])).toEqual([
      ['base', '0x300000'],
      ['s', '20'],
      ['extended', 'clear'],
      ['rwx', 'rwx'],
    ]);
    expect(wordLayouts('threadid', [0xffffffc0n], 'ia32')[0]?.title).toBe('thread ID (local)');
    expect(wordLayouts('threadid', [0x108001n], 'ia32')[0]?.fields.map((f) => f.display)).toEqual([
      '0x42',
      '0x1',
    ]);
  });
});
