/**
 * Reading numbers and words a user typed (CLI arguments, the word decoder's fields), with one-line,
 * user-facing errors. Re-exported by `kinds.ts`, which is where callers import them from.
 */
import { hex, wordBits } from './word';
import type { Abi, Word } from './word';

/** Bad user input to the ABI codecs: the message is one line, meant to be shown as it is. */
export class AbiInputError extends Error {
  override readonly name = 'AbiInputError';
}

/** A JSON value, as the CLI prints it and the decoder shows it. */
export type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

/** A JSON object: what every encode and decode gives. */
export type JsonObject = { [k: string]: Json };

const DECIMAL = /^[0-9]+$/;
const HEX = /^0[xX][0-9a-fA-F]+$/;

/** Whether `text` is a non-negative integer in decimal or `0x` hex (no sign, no spaces). */
export function isNumberText(text: string): boolean {
  return DECIMAL.test(text) || HEX.test(text);
}

/** A non-negative integer written in decimal or `0x` hex. */
export function parseNumber(text: string): bigint {
  const t = text.trim();
  if (!isNumberText(t)) {
    throw new AbiInputError(`not a number: '${text}' (use decimal or 0x hex)`);
  }
  return BigInt(t);
}

/** Rejects a value wider than `width` bits, naming what it was meant to be. */
export function checkWidth(value: bigint, width: number, what: string): bigint {
  if (value >> BigInt(width) !== 0n) {
    throw new AbiInputError(`${hex(value)} is wider than ${what} (${width} bits)`);
  }
  return value;
}

/** A machine word of the ABI: a number that fits in W bits. */
export function parseWord(text: string, abi: Abi): Word {
  return checkWidth(parseNumber(text), wordBits(abi), `an ${abi} word`);
}
