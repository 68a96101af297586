import { describe, expect, it } from 'vitest';
import {
  AbiInputError,
  decodeKind,
  encodeKind,
  parseKind,
  parseNumber,
  parseWord,
  WORD_KINDS,
  wordCount,
} from './kinds';
import { kindCases } from './vectors/kindCases';

const cases = kindCases();

describe('encodeKind / decodeKind against the Pistachio vectors (both ABIs)', () => {
  it('covers every kind on both ABIs', () => {
    for (const kind of WORD_KINDS) {
      for (const abi of ['amd64', 'ia32'] as const) {
        expect(cases.some((c) => c.kind === kind && c.abi === abi && c.params)).toBe(true);
      }
    }
  });

  it.each(cases.filter((c) => c.params).map((c) => [c.name, c] as const))('encode %s', (_n, c) => {
    expect(encodeKind(c.kind, c.params ?? {}, c.abi)).toEqual(c.encoded);
  });

  it.each(cases.map((c) => [c.name, c] as const))('decode %s', (_n, c) => {
    const words = c.words.map((w) => parseWord(w, c.abi));
    expect(decodeKind(c.kind, words, c.abi)).toMatchObject(c.decoded);
  });
});

describe('decodeKind JSON', () => {
  it('gives every documented field, in order, with the documented types', () => {
    expect(decodeKind('msgtag', [0x12340005n], 'amd64')).toStrictEqual({
      raw: '0x12340005',
      label: '0x1234',
      u: 5,
      t: 0,
      flags: 0,
      propagated: false,
      redirected: false,
      xcpu: false,
      error: false,
    });
    expect(Object.keys(decodeKind('threadid', [0x108001n], 'ia32'))).toEqual([
      'raw',
      'threadNo',
      'version',
      'isGlobal',
      'isLocal',
      'isNil',
      'isAny',
      'isAnyLocal',
    ]);
    expect(decodeKind('fpage', [0x17n], 'ia32')).toStrictEqual({
      raw: '0x17',
      address: '0x16', // L4_Address keeps bits above s = 1: the header's quirk
      size: '0x2',
      sizeLog2: 1,
      rights: 7,
      extended: false,
      isNil: false,
      isComplete: true,
    });
    expect(decodeKind('mapitem', [0x300009n, 0x300147n], 'amd64')).toStrictEqual({
      words: ['0x300009', '0x300147'],
      sndBase: '0x300000',
      fpage: '0x300147',
      continuation: true,
    });
    expect(decodeKind('stringitem', [0x4000n, 0x8000a000n], 'ia32')).toStrictEqual({
      words: ['0x4000', '0x8000a000'],
      length: '0x10',
      ptr: '0x8000a000',
      continuation: false,
    });
    expect(decodeKind('acceptor', [0x100142n], 'ia32')).toStrictEqual({
      raw: '0x100142',
      strings: false,
      ctrlXfer: true,
      window: '0x100140',
    });
    expect(decodeKind('time', [0n], 'ia32')).toStrictEqual({
      raw: '0x0',
      kind: 'never',
      exponent: 0,
      mantissa: 0,
      us: null,
      text: 'never',
    });
    expect(decodeKind('time', [0x400n], 'ia32')).toMatchObject({ kind: 'zero', us: '0x0' });
    expect(decodeKind('timeouts', [0x40003e8n], 'amd64')).toStrictEqual({
      raw: '0x40003e8',
      snd: '0x400',
      rcv: '0x3e8',
      text: '0 µs (zero) / 1000 µs',
    });
    expect(decodeKind('timeouts', [0x3e80000n], 'amd64')).toMatchObject({
      text: '1000 µs / never',
    });
    expect(decodeKind('errorcode', [0x1239n], 'amd64')).toStrictEqual({
      raw: '0x1239',
      phase: 'receive',
      code: 4,
      name: 'message_overflow',
      offset: '0x123',
    });
  });
});

describe('encodeKind rules', () => {
  it('wraps narrow fields like the C bitfields', () => {
    expect(
      encodeKind('msgtag', { label: '0x10000', u: '64', t: '65', flags: '0x1f' }, 'ia32'),
    ).toEqual({
      raw: '0xf040',
    });
  });
  it('builds an fpage from a log2 size or a size, then adds rights', () => {
    expect(encodeKind('fpage', { base: '0x300000', sizeLog2: '20', rights: '7' }, 'amd64')).toEqual(
      {
        raw: '0x300147',
      },
    );
    expect(encodeKind('fpage', { base: '0x40000000', size: '4097' }, 'ia32')).toEqual({
      raw: '0x400000d0',
    });
  });
  it('encodes the ia32 µs truncation of L4_TimePeriod', () => {
    expect(encodeKind('time', { us: '0x141dd76000' }, 'ia32')).toEqual({ raw: '0x4fba' });
    expect(encodeKind('time', { us: '0x141dd76000' }, 'amd64')).toEqual({ raw: '0x6e83' });
  });
});

describe('bad input', () => {
  const bad = (f: () => unknown): string => {
    try {
      f();
    } catch (error) {
      expect(error).toBeInstanceOf(AbiInputError);
      return (error as Error).message;
    }
    throw new Error('expected an AbiInputError');
  };

  it('names what is wrong in one line', () => {
    expect(bad(() => parseNumber('12z'))).toBe("not a number: '12z' (use decimal or 0x hex)");
    expect(bad(() => parseNumber('-1'))).toBe("not a number: '-1' (use decimal or 0x hex)");
    expect(bad(() => parseWord('0x100000000', 'ia32'))).toBe(
      '0x100000000 is wider than an ia32 word (32 bits)',
    );
    expect(bad(() => parseKind('tag'))).toBe(
      "unknown kind 'tag' (kinds: msgtag, threadid, fpage, mapitem, grantitem, stringitem, acceptor, time, timeouts, errorcode)",
    );
    expect(bad(() => decodeKind('mapitem', [8n], 'ia32'))).toBe('mapitem takes 2 words, got 1');
    expect(bad(() => decodeKind('msgtag', [1n, 2n], 'ia32'))).toBe('msgtag takes 1 word, got 2');
    expect(bad(() => decodeKind('msgtag', [1n << 32n], 'ia32'))).toBe(
      '0x100000000 is wider than an ia32 word (32 bits)',
    );
    expect(bad(() => decodeKind('time', [0x10000n], 'amd64'))).toBe(
      '0x10000 is wider than an L4_Time_t (16 bits)',
    );
    expect(bad(() => encodeKind('msgtag', { label: '1', u: '1', t: '0' }, 'ia32'))).toBe(
      "msgtag: missing key 'flags'",
    );
    expect(bad(() => encodeKind('threadid', { threadNo: '1', version: '1', x: '1' }, 'ia32'))).toBe(
      "threadid: unknown key 'x' (keys: threadNo, version)",
    );
    expect(bad(() => encodeKind('threadid', { threadNo: 'one', version: '1' }, 'ia32'))).toBe(
      "threadid: threadNo: not a number: 'one' (use decimal or 0x hex)",
    );
    expect(
      bad(() => encodeKind('threadid', { threadNo: '0x1ffffffff', version: '1' }, 'ia32')),
    ).toBe('threadid: threadNo: 0x1ffffffff is wider than an ia32 word (32 bits)');
    expect(bad(() => encodeKind('fpage', { base: '0' }, 'ia32'))).toBe(
      "fpage: missing key 'sizeLog2' (or 'size')",
    );
    expect(bad(() => encodeKind('fpage', { base: '0', size: '1', sizeLog2: '1' }, 'ia32'))).toBe(
      'fpage: give sizeLog2= or size=, not both',
    );
    expect(bad(() => encodeKind('acceptor', { window: '0x10', strings: '2' }, 'ia32'))).toBe(
      'acceptor: strings must be 0 or 1',
    );
    expect(
      bad(() => encodeKind('errorcode', { phase: 'both', code: '1', offset: '0' }, 'ia32')),
    ).toBe("errorcode: phase must be send or receive, got 'both'");
    expect(bad(() => encodeKind('timeouts', { snd: '0x10000', rcv: '0' }, 'ia32'))).toBe(
      'timeouts: snd: 0x10000 is wider than an L4_Time_t (16 bits)',
    );
  });

  it('counts words per kind', () => {
    expect(WORD_KINDS.filter((k) => wordCount(k) === 2)).toEqual([
      'mapitem',
      'grantitem',
      'stringitem',
    ]);
  });
});
