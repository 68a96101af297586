/** `encode <kind> key=value... [--abi amd64|ia32]`: build a word (or two) from its fields. */
import { encodeKind, parseKind, WORD_KINDS } from '../../kernel/abi/kinds';
import { takeAbi } from '../abiOption';
import { CliUsageError, jsonResult } from '../command';
import type { CliCommand } from '../command';

/**
 * The `key=value` words, kept in a Map: a key such as `__proto__` or `constructor` is a key like
 * any other (and so an unknown one), never a property of a plain object. Object.fromEntries then
 * makes own properties only.
 */
function parseParams(kind: string, texts: readonly string[]): Record<string, string> {
  const params = new Map<string, string>();
  for (const text of texts) {
    const eq = text.indexOf('=');
    if (eq <= 0) throw new CliUsageError(`encode ${kind}: expected key=value, got '${text}'`);
    const key = text.slice(0, eq);
    if (params.has(key)) throw new CliUsageError(`encode ${kind}: key '${key}' given twice`);
    params.set(key, text.slice(eq + 1));
  }
  return Object.fromEntries(params);
}

export const encodeCommand: CliCommand = {
  name: 'encode',
  summary: 'build the word(s) of a kind from key=value fields, as JSON',
  usage: ['encode <kind> key=value... [--abi amd64|ia32]'],
  batchable: true,
  run(args) {
    const { abi, rest } = takeAbi(args);
    const [kindText, ...paramTexts] = rest;
    if (kindText === undefined) {
      throw new CliUsageError(`encode: missing kind (kinds: ${WORD_KINDS.join(', ')})`);
    }
    const kind = parseKind(kindText);
    return jsonResult(encodeKind(kind, parseParams(kind, paramTexts), abi));
  },
};
