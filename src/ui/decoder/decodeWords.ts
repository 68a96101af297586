// From what the user typed to what the decoder shows: the words parsed for the ABI, their bit
// layouts and the decoded fields, or one message saying what is wrong. Never throws.
import { AbiInputError, decodeKind, parseWord, wordCount } from '../../kernel/abi/kinds';
import type { Json, WordKind } from '../../kernel/abi/kinds';
import { wordLayouts } from '../../kernel/abi/layout';
import type { WordLayout } from '../../kernel/abi/layout';
import type { Abi, Word } from '../../kernel/abi/word';

export type Decoded =
  | {
      readonly ok: true;
      readonly words: readonly Word[];
      readonly layouts: readonly WordLayout[];
      readonly fields: Readonly<Record<string, Json>>;
    }
  | { readonly ok: false; readonly message: string };

/** A message quotes at most 100 characters of one pasted word ('…' marks the cut). */
function clipped(message: string): string {
  return message.replace(/\S{101,}/g, (w) => `${w.slice(0, 100)}…`);
}

/** The error's one-line message. */
function reason(error: unknown): string {
  if (error instanceof AbiInputError) return clipped(error.message);
  return `cannot decode this word (${error instanceof Error ? error.message : String(error)})`;
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `texts[i]` is the text of word field i; a kind that takes one word ignores the second. */
export function decodeWords(kind: WordKind, texts: readonly string[], abi: Abi): Decoded {
  const count = wordCount(kind);
  const words: Word[] = [];
  for (let i = 0; i < count; i++) {
    const which = count === 2 ? `Word ${i}` : 'The word';
    const text = (texts[i] ?? '').trim();
    if (text === '') {
      return { ok: false, message: `${which} is empty: type a number, decimal or 0x hex.` };
    }
    try {
      words.push(parseWord(text, abi));
    } catch (error) {
      const message = count === 2 ? `${which}: ${reason(error)}` : sentence(reason(error));
      return { ok: false, message };
    }
  }
  try {
    const fields = decodeKind(kind, words, abi);
    return { ok: true, words, layouts: wordLayouts(kind, words, abi), fields };
  } catch (error) {
    return { ok: false, message: sentence(reason(error)) };
  }
}

/** A decoded JSON value as one line of text: strings as they are, arrays comma-separated. */
export function formatJson(value: Json): string {
  if (value === null) return '—';
  if (Array.isArray(value)) return value.map(formatJson).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
