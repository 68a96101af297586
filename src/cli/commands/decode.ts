/** `decode <kind> <word> [<word2>] [--abi amd64|ia32]`: one word kind as JSON. */
import { decodeKind, parseKind, parseWord, WORD_KINDS, wordCount } from '../../kernel/abi/kinds';
import { takeAbi } from '../abiOption';
import { CliUsageError, jsonResult } from '../command';
import type { CliCommand } from '../command';

export const decodeCommand: CliCommand = {
  name: 'decode',
  summary: 'decode one word (two for typed items) of a kind into its fields, as JSON',
  usage: ['decode <kind> <word> [<word2>] [--abi amd64|ia32]'],
  batchable: true,
  run(args) {
    const { abi, rest } = takeAbi(args);
    const [kindText, ...wordTexts] = rest;
    if (kindText === undefined) {
      throw new CliUsageError(`decode: missing kind (kinds: ${WORD_KINDS.join(', ')})`);
    }
    const kind = parseKind(kindText);
    const count = wordCount(kind);
    if (wordTexts.length !== count) {
      const want = count === 1 ? '1 word' : `${count} words`;
      throw new CliUsageError(`${kind} takes ${want}, got ${wordTexts.length}`);
    }
    const words = wordTexts.map((text) => parseWord(text, abi));
    return jsonResult(decodeKind(kind, words, abi));
  },
};
