/**
 * Cap'n Proto pointers and the stream framing, decoded from raw 64-bit words as the encoding spec
 * gives them (capnproto.org/encoding.html, doc/encoding.md in capnproto/capnproto):
 * struct (A = 0), list (A = 1), far (A = 2), other / capability (A = 3), and the segment table.
 */

export type Pointer =
  | { readonly kind: 'null' }
  | {
      readonly kind: 'struct';
      /** Signed offset in words from the end of the pointer to the data section. */
      readonly offset: number;
      readonly dataWords: number;
      readonly pointers: number;
    }
  | {
      readonly kind: 'list';
      readonly offset: number;
      /** 0 void, 1 bit, 2 byte, 3 two bytes, 4 four bytes, 5 eight bytes, 6 pointer, 7 composite. */
      readonly elementSize: number;
      /** Elements, or for composite lists the words of the content without the tag. */
      readonly count: number;
    }
  | {
      readonly kind: 'far';
      /** Landing pad is two words (double-far). */
      readonly double: boolean;
      readonly padOffset: number;
      readonly segment: number;
    }
  | { readonly kind: 'capability'; readonly index: number }
  | { readonly kind: 'other'; readonly raw: bigint };

export const ELEMENT_SIZES = [
  'void',
  '1 bit',
  '1 byte',
  '2 bytes',
  '4 bytes',
  '8 bytes',
  'pointer',
  'composite',
] as const;

/** Bits per element of a list of element size `c` (composite: see the tag). */
export const ELEMENT_BITS = [0, 1, 8, 16, 32, 64, 64, 0] as const;

function signed30(x: bigint): number {
  const v = Number(x & 0x3fff_ffffn);
  return v >= 0x2000_0000 ? v - 0x4000_0000 : v;
}

export function decodePointer(w: bigint): Pointer {
  if (w === 0n) return { kind: 'null' };
  const a = Number(w & 3n);
  const lo = (w >> 2n) & 0x3fff_ffffn;
  const hi = w >> 32n;
  switch (a) {
    case 0:
      return {
        kind: 'struct',
        offset: signed30(lo),
        dataWords: Number(hi & 0xffffn),
        pointers: Number(hi >> 16n),
      };
    case 1:
      return {
        kind: 'list',
        offset: signed30(lo),
        elementSize: Number(hi & 7n),
        count: Number(hi >> 3n),
      };
    case 2:
      return {
        kind: 'far',
        double: (w & 4n) !== 0n,
        padOffset: Number((w >> 3n) & 0x1fff_ffffn),
        segment: Number(hi),
      };
    default:
      return lo === 0n ? { kind: 'capability', index: Number(hi) } : { kind: 'other', raw: w };
  }
}

export interface Framing {
  /** Words of the segment table (including padding). */
  readonly headerWords: number;
  /** Each segment's size in words. */
  readonly sizes: readonly number[];
}

/** The segment table at the start of `words`, or a reason it is not one. */
export function decodeFraming(words: readonly bigint[]): Framing | string {
  const first = words[0];
  if (first === undefined) return 'no words';
  const count = Number(first & 0xffff_ffffn) + 1;
  if (count > 512) return `the segment table claims ${count} segments`;
  const headerWords = Math.ceil((4 + 4 * count) / 8);
  const sizes: number[] = [];
  for (let i = 0; i < count; i++) {
    const byte = 4 + 4 * i;
    const w = words[Math.floor(byte / 8)] ?? 0n;
    sizes.push(Number((w >> BigInt((byte % 8) * 8)) & 0xffff_ffffn));
  }
  const total = headerWords + sizes.reduce((a, b) => a + b, 0);
  if (total > words.length)
    return `the segment table promises ${total} words, but only ${words.length} are here`;
  return { headerWords, sizes };
}

/** Words of `bytes`, 8 little-endian bytes each (the last zero-padded). */
export function capnpWords(bytes: Uint8Array): bigint[] {
  const out: bigint[] = [];
  for (let i = 0; i < bytes.length; i += 8) {
    let w = 0n;
    for (let b = 7; b >= 0; b--) w = (w << 8n) | BigInt(bytes[i + b] ?? 0);
    out.push(w);
  }
  return out;
}
