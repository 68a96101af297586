/**
 * Cap'n Proto bytes as machine words and back. A Cap'n Proto word is 8 bytes, little-endian
 * (capnproto.org/encoding.html); an L4 message register is one machine word: 8 bytes on amd64, so
 * one MR per Cap'n Proto word, 4 bytes on ia32, so two MRs (low half first, as both are
 * little-endian).
 */
import type { Abi, Word } from '../../kernel/abi/word';

export function wordBytes(abi: Abi): 4 | 8 {
  return abi === 'amd64' ? 8 : 4;
}

/** `bytes` as machine words (the last one zero-padded). */
export function bytesToWords(bytes: Uint8Array, abi: Abi): Word[] {
  const n = wordBytes(abi);
  const out: Word[] = [];
  for (let i = 0; i < bytes.length; i += n) {
    let w = 0n;
    for (let b = n - 1; b >= 0; b--) w = (w << 8n) | BigInt(bytes[i + b] ?? 0);
    out.push(w);
  }
  return out;
}

export function wordsToBytes(words: readonly Word[], abi: Abi): Uint8Array {
  const n = wordBytes(abi);
  const out = new Uint8Array(words.length * n);
  words.forEach((w, i) => {
    for (let b = 0; b < n; b++) out[i * n + b] = Number((w >> BigInt(8 * b)) & 0xffn);
  });
  return out;
}

/** Machine words a framed message of `bytes` bytes takes. */
export function wordsFor(bytes: number, abi: Abi): number {
  return Math.ceil(bytes / wordBytes(abi));
}
