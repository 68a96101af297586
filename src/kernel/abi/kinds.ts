/**
 * The word kinds the CLI and the word decoder understand, and their JSON forms (see
 * docs/cli.md): `decodeKind` and `encodeKind` give exactly the objects `cli decode` / `cli encode`
 * print. Bad input throws AbiInputError with a one-line message.
 */
import { AbiInputError, checkWidth } from './abiInput';
import type { JsonObject } from './abiInput';
import {
  decodeAcceptorJson,
  decodeErrorCodeJson,
  decodeFpageJson,
  decodeMsgTagJson,
  decodeSendItemJson,
  decodeStringItemJson,
  decodeThreadIdJson,
  decodeTimeJson,
  decodeTimeoutsJson,
} from './kindDecode';
import { encodeWordKind } from './kindEncode';
import { wordBits } from './word';
import type { Abi, Word } from './word';

export { AbiInputError, isNumberText, parseNumber, parseWord } from './abiInput';
export type { Json, JsonObject } from './abiInput';
export { encodeKeysUsage } from './kindEncode';

export const WORD_KINDS = [
  'msgtag',
  'threadid',
  'fpage',
  'mapitem',
  'grantitem',
  'stringitem',
  'acceptor',
  'time',
  'timeouts',
  'errorcode',
] as const;

export type WordKind = (typeof WORD_KINDS)[number];

export function isWordKind(text: string): text is WordKind {
  return (WORD_KINDS as readonly string[]).includes(text);
}

/** A kind name the user typed, or AbiInputError listing the kinds. */
export function parseKind(text: string): WordKind {
  if (!isWordKind(text)) {
    throw new AbiInputError(`unknown kind '${text}' (kinds: ${WORD_KINDS.join(', ')})`);
  }
  return text;
}

/** Typed items take two words (word 0 and the fpage or pointer); everything else one. */
export function wordCount(kind: WordKind): 1 | 2 {
  return kind === 'mapitem' || kind === 'grantitem' || kind === 'stringitem' ? 2 : 1;
}

/** Checks the number of words and their width (W bits; 16 for an L4_Time_t). */
function checkWords(kind: WordKind, words: readonly Word[], abi: Abi): void {
  const count = wordCount(kind);
  if (words.length !== count) {
    const want = count === 1 ? '1 word' : `${count} words`;
    throw new AbiInputError(`${kind} takes ${want}, got ${words.length}`);
  }
  for (const w of words) {
    if (w < 0n) throw new AbiInputError(`${kind}: a word cannot be negative`);
    if (kind === 'time') checkWidth(w, 16, 'an L4_Time_t');
    else checkWidth(w, wordBits(abi), `an ${abi} word`);
  }
}

/** The JSON `cli decode <kind>` prints for these words. */
export function decodeKind(kind: WordKind, words: readonly Word[], abi: Abi): JsonObject {
  checkWords(kind, words, abi);
  const w0 = words[0] ?? 0n;
  const w1 = words[1] ?? 0n;
  switch (kind) {
    case 'msgtag':
      return decodeMsgTagJson(w0, abi);
    case 'threadid':
      return decodeThreadIdJson(w0, abi);
    case 'fpage':
      return decodeFpageJson(w0, abi);
    case 'mapitem':
    case 'grantitem':
      return decodeSendItemJson(w0, w1, abi);
    case 'stringitem':
      return decodeStringItemJson(w0, w1, abi);
    case 'acceptor':
      return decodeAcceptorJson(w0);
    case 'time':
      return decodeTimeJson(w0);
    case 'timeouts':
      return decodeTimeoutsJson(w0);
    case 'errorcode':
      return decodeErrorCodeJson(w0, abi);
  }
}

/** The JSON `cli encode <kind> key=value…` prints. */
export function encodeKind(
  kind: WordKind,
  params: Readonly<Record<string, string>>,
  abi: Abi,
): JsonObject {
  return encodeWordKind(kind, params, abi);
}
