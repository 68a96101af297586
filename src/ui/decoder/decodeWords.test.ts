import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { WORD_KINDS, wordCount } from '../../kernel/abi/kinds';
import { vectorCases } from '../../kernel/abi/vectors/pistachioVectors';
import { bits, wordBits } from '../../kernel/abi/word';
import type { Abi } from '../../kernel/abi/word';
import { decodeWords, formatJson } from './decodeWords';

const ABIS: readonly Abi[] = ['amd64', 'ia32'];

describe('decodeWords', () => {
  it('decodes every reference message tag, in the table and the strip alike', () => {
    for (const abi of ABIS) {
      for (const c of vectorCases(abi, 'msgtag')) {
        const raw = String(c.raw);
        const d = decodeWords('msgtag', [raw], abi);
        if (!d.ok) throw new Error(`${abi} ${raw}: ${d.message}`);
        expect(d.fields.label).toBe(c.L4_Label);
        expect(d.fields.u).toBe(c.L4_UntypedWords);
        expect(d.fields.t).toBe(c.L4_TypedWords);
        expect(d.fields.error).toBe(c.L4_IpcFailed);
        const strip = d.layouts[0]!;
        const label = strip.fields.find((f) => f.name === 'label');
        const u = strip.fields.find((f) => f.name === 'u');
        expect(label?.display).toBe(c.L4_Label);
        expect(u?.value).toBe(BigInt(Number(c.L4_UntypedWords)));
      }
    }
  });

  it('gives the strip fields that tile all W bits, for every kind', () => {
    for (const abi of ABIS) {
      for (const kind of WORD_KINDS) {
        const d = decodeWords(kind, ['0x3e8', '0x300147'], abi);
        if (!d.ok) throw new Error(`${kind} ${abi}: ${d.message}`);
        expect(d.layouts).toHaveLength(wordCount(kind));
        d.layouts.forEach((layout, i) => {
          let next: number = wordBits(abi);
          for (const f of layout.fields) {
            expect(f.lsb + f.width, `${kind} ${f.name}`).toBe(next);
            expect(f.value).toBe(bits(d.words[i]!, f.lsb, f.width));
            next = f.lsb;
          }
          expect(next).toBe(0);
        });
      }
    }
  });

  it('decodes the map item of reference-semantics §7 from two words', () => {
    const d = decodeWords('mapitem', ['0x300008', ' 0x300147 '], 'amd64');
    expect(d.ok && d.fields).toMatchObject({ sndBase: '0x300000', fpage: '0x300147' });
  });

  it('says what is wrong with bad words', () => {
    const message = (kind: Parameters<typeof decodeWords>[0], texts: string[], abi: Abi) => {
      const d = decodeWords(kind, texts, abi);
      return d.ok ? null : d.message;
    };
    expect(message('msgtag', [''], 'amd64')).toMatch(/^The word is empty/);
    expect(message('msgtag', ['  '], 'amd64')).toMatch(/empty/);
    expect(message('msgtag', ['xyz'], 'amd64')).toMatch(/^Not a number: 'xyz'/);
    expect(message('msgtag', ['0x100000000'], 'ia32')).toMatch(/wider than an ia32 word/);
    expect(message('msgtag', ['0x100000000'], 'amd64')).toBeNull();
    expect(message('msgtag', ['0x10000000000000000'], 'amd64')).toMatch(/wider than an amd64/);
    expect(message('time', ['0x10000'], 'amd64')).toMatch(/L4_Time_t/);
    expect(message('mapitem', ['0x300008', ''], 'amd64')).toMatch(/^Word 1 is empty/);
    expect(message('mapitem', ['-1', '0x1'], 'amd64')).toMatch(/^Word 0: not a number/);
  });

  it('never throws, whatever is typed', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...WORD_KINDS),
        fc.constantFrom(...ABIS),
        fc.string({ maxLength: 40 }),
        fc.string({ maxLength: 40 }),
        (kind, abi, a, b) => {
          const d = decodeWords(kind, [a, b], abi);
          if (!d.ok) expect(d.message.length).toBeGreaterThan(0);
        },
      ),
    );
  });
});

describe('formatJson', () => {
  it('writes decoded values on one line', () => {
    expect(formatJson('0x1234')).toBe('0x1234');
    expect(formatJson(5)).toBe('5');
    expect(formatJson(false)).toBe('false');
    expect(formatJson(null)).toBe('—');
    expect(formatJson(['0x300008', '0x300147'])).toBe('0x300008, 0x300147');
    expect(formatJson({ a: 1 })).toBe('{"a":1}');
  });
});
