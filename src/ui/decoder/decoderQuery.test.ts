import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { WORD_KINDS } from '../../kernel/abi/kinds';
import { readQuery, updateQuery } from '../../session/url/query';
import { DEFAULT_DECODER_INPUT, decoderQuery, readDecoderInput } from './decoderQuery';

describe('readDecoderInput', () => {
  it('reads kind, ABI and both words from a shared link', () => {
    expect(readDecoderInput('?kind=mapitem&abi=ia32&word=0x300008&word2=0x300147')).toEqual({
      kind: 'mapitem',
      abi: 'ia32',
      word: '0x300008',
      word2: '0x300147',
    });
  });

  it('opens on the example tag when the link says nothing', () => {
    expect(readDecoderInput('')).toEqual(DEFAULT_DECODER_INPUT);
    expect(DEFAULT_DECODER_INPUT.word).toBe('0x12340005');
  });

  it('falls back to the default kind and ABI for unknown ones, keeping the typed word', () => {
    expect(readDecoderInput('?kind=__proto__&abi=sparc&word=xyz')).toEqual({
      ...DEFAULT_DECODER_INPUT,
      word: 'xyz',
    });
    expect(readDecoderInput('?kind=MSGTAG&abi=AMD64').kind).toBe('msgtag');
    expect(readDecoderInput('?word=').word).toBe('');
  });

  it('never throws and always gives a known kind and ABI, whatever the query', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (search) => {
        const input = readDecoderInput(search);
        expect(WORD_KINDS).toContain(input.kind);
        expect(['amd64', 'ia32']).toContain(input.abi);
        expect(input.word.length).toBeLessThanOrEqual(200);
      }),
    );
  });
});

describe('decoderQuery', () => {
  it('writes word2 only for kinds that take two words, and round-trips', () => {
    const tag = { kind: 'msgtag', abi: 'ia32', word: '0x12340005', word2: 'stale' } as const;
    expect(decoderQuery(tag).word2).toBeNull();
    const item = { kind: 'grantitem', abi: 'amd64', word: '0x30000a', word2: '0x300147' } as const;
    const search = updateQuery('?theme=dark&word2=old', decoderQuery(item));
    expect(readDecoderInput(search)).toEqual(item);
    expect(readQuery(search).get('theme')).toBe('dark');
    expect(readQuery(updateQuery(search, decoderQuery(tag))).get('word2')).toBeNull();
  });
});
