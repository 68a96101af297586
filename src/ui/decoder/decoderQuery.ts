// The decoder's input in the query (`kind=msgtag&abi=ia32&word=0x12340005&word2=…`), so a link
// reproduces it. Unknown kinds and ABIs fall back to the defaults; words are kept as typed, because
// a bad word is shown with its message, not silently replaced.
import { WORD_KINDS, wordCount } from '../../kernel/abi/kinds';
import type { WordKind } from '../../kernel/abi/kinds';
import { ABIS } from '../../kernel/abi/word';
import type { Abi } from '../../kernel/abi/word';
import { pickOne, pickText, readQuery } from '../../session/url/query';

export interface DecoderInput {
  readonly kind: WordKind;
  readonly abi: Abi;
  /** The text of the word fields, as typed. */
  readonly word: string;
  readonly word2: string;
}

/** What the page shows first: reference-semantics §1's example tag, label 0x1234 and u = 5. */
export const DEFAULT_DECODER_INPUT: DecoderInput = {
  kind: 'msgtag',
  abi: 'amd64',
  word: '0x12340005',
  word2: '',
};

export function readDecoderInput(search: string): DecoderInput {
  const query = readQuery(search);
  return {
    kind: pickOne(query.get('kind'), WORD_KINDS, DEFAULT_DECODER_INPUT.kind),
    abi: pickOne(query.get('abi'), ABIS, DEFAULT_DECODER_INPUT.abi),
    word: pickText(query.get('word'), DEFAULT_DECODER_INPUT.word),
    word2: pickText(query.get('word2'), DEFAULT_DECODER_INPUT.word2),
  };
}

/**
 * The query keys for `input`: only those that differ from what the page shows first (null deletes
 * a key), so a link carries the decoder's input only once the user changed it; word2 only when the
 * kind takes two words.
 */
export function decoderQuery(input: DecoderInput): Record<string, string | null> {
  const changed = (key: keyof DecoderInput) =>
    input[key] === DEFAULT_DECODER_INPUT[key] ? null : input[key];
  return {
    kind: changed('kind'),
    abi: changed('abi'),
    word: changed('word'),
    word2: wordCount(input.kind) === 2 && input.word2 !== '' ? input.word2 : null,
  };
}

type DecoderListener = (input: Partial<DecoderInput>) => void;
const listeners = new Set<DecoderListener>();
let pending: Partial<DecoderInput> | null = null;

/**
 * Opens words in the decoder (a click on a register word): the decoder shows them when it is on
 * the page, or when it next mounts.
 */
export function openInDecoder(input: Partial<DecoderInput>): void {
  if (listeners.size === 0) pending = input;
  for (const l of listeners) l(input);
  for (const open of openers) open();
}

const openers = new Set<() => void>();

/** Whoever shows the decoder (the visualizer's dialog) hears that a word was sent to it. */
export function onDecoderRequested(open: () => void): () => void {
  openers.add(open);
  return () => {
    openers.delete(open);
  };
}

/** The decoder listens for words opened elsewhere; the returned function stops it. */
export function onOpenInDecoder(listener: DecoderListener): () => void {
  listeners.add(listener);
  if (pending !== null) {
    const p = pending;
    pending = null;
    listener(p);
  }
  return () => listeners.delete(listener);
}
