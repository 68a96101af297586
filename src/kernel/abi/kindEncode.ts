/**
 * Encoding one word kind from `key=value` parameters (docs/cli.md). Values are decimal or
 * `0x` hex and must fit the C type they are passed as (a word of the ABI, a 16-bit L4_Time_t, the
 * 64-bit µs of `L4_TimePeriod`); fields narrower than that wrap silently, as the headers' bitfields do.
 */
import { addAcceptor, mapGrantItems, STRING_ITEMS_ACCEPTOR } from './acceptor';
import { AbiInputError, checkWidth, parseNumber } from './abiInput';
import type { JsonObject } from './abiInput';
import { encodeErrorCode } from './errorCode';
import { fpage, fpageAddRights, fpageLog2 } from './fpage';
import { encodeMsgTag } from './msgTag';
import { globalId } from './threadId';
import { timePeriod, timeouts } from './time';
import { grantItem, mapItem, stringItem } from './typedItem';
import { hex, wordBits } from './word';
import type { Abi, Word } from './word';
import type { WordKind } from './kinds';

export interface EncodeKeys {
  /** Keys that must be given. */
  readonly required: readonly string[];
  /** Exactly one of these must be given (fpage: sizeLog2 or size). */
  readonly oneOf: readonly string[];
  /** Keys that may be given. */
  readonly optional: readonly string[];
}

const keys = (required: string[], optional: string[] = [], oneOf: string[] = []): EncodeKeys => ({
  required,
  oneOf,
  optional,
});

/** The `key=value` parameters each kind accepts. */
export const ENCODE_KEYS: Readonly<Record<WordKind, EncodeKeys>> = {
  msgtag: keys(['label', 'u', 't', 'flags']),
  threadid: keys(['threadNo', 'version']),
  fpage: keys(['base'], ['rights'], ['sizeLog2', 'size']),
  mapitem: keys(['fpage', 'sndBase']),
  grantitem: keys(['fpage', 'sndBase']),
  stringitem: keys(['length', 'ptr']),
  acceptor: keys(['window'], ['strings']),
  time: keys(['us']),
  timeouts: keys(['snd', 'rcv']),
  errorcode: keys(['phase', 'code', 'offset']),
};

/** The keys of a kind as `help` and the docs show them: `base= (sizeLog2= | size=) [rights=]`. */
export function encodeKeysUsage(kind: WordKind): string {
  const { required, oneOf, optional } = ENCODE_KEYS[kind];
  const parts = required.map((k) => `${k}=`);
  if (oneOf.length > 0) parts.push(`(${oneOf.map((k) => `${k}=`).join(' | ')})`);
  return [...parts, ...optional.map((k) => `[${k}=]`)].join(' ');
}

/** The parameters of one encode call, checked against the kind's keys. */
class Params {
  constructor(
    private readonly kind: WordKind,
    private readonly values: Readonly<Record<string, string>>,
    private readonly abi: Abi,
  ) {
    const { required, oneOf, optional } = ENCODE_KEYS[kind];
    const known: readonly string[] = [...required, ...oneOf, ...optional];
    for (const key of Object.keys(values)) {
      if (!known.includes(key)) {
        throw new AbiInputError(`${kind}: unknown key '${key}' (keys: ${known.join(', ')})`);
      }
    }
    for (const key of required) this.text(key);
  }

  has(key: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.values, key);
  }

  text(key: string): string {
    const value = this.has(key) ? this.values[key] : undefined;
    if (value === undefined) throw new AbiInputError(`${this.kind}: missing key '${key}'`);
    return value;
  }

  /** A number that fits in `width` bits (default: the ABI word). */
  number(key: string, width: number = wordBits(this.abi), what = `an ${this.abi} word`): bigint {
    try {
      return checkWidth(parseNumber(this.text(key)), width, what);
    } catch (error) {
      if (error instanceof AbiInputError && !error.message.startsWith(`${this.kind}:`)) {
        throw new AbiInputError(`${this.kind}: ${key}: ${error.message}`);
      }
      throw error;
    }
  }

  /** A word-sized value assigned to a `bits`-wide field: wrapped, as a small number. */
  field(key: string, bits: number): number {
    return Number(BigInt.asUintN(bits, this.number(key)));
  }
}

type Encoder = (p: Params, abi: Abi) => JsonObject;

const raw = (w: Word): JsonObject => ({ raw: hex(w) });
const words = (ws: readonly [Word, Word]): JsonObject => ({ words: [hex(ws[0]), hex(ws[1])] });

function encodeFpage(p: Params, abi: Abi): JsonObject {
  const base = p.number('base');
  if (p.has('sizeLog2') && p.has('size')) {
    throw new AbiInputError(`fpage: give sizeLog2= or size=, not both`);
  }
  if (!p.has('sizeLog2') && !p.has('size')) {
    throw new AbiInputError(`fpage: missing key 'sizeLog2' (or 'size')`);
  }
  const f = p.has('size')
    ? fpage(base, p.number('size'), abi)
    : fpageLog2(base, p.field('sizeLog2', 6), abi);
  return raw(p.has('rights') ? fpageAddRights(f, p.field('rights', 3), abi) : f);
}

function encodeAcceptor(p: Params, abi: Abi): JsonObject {
  const a = mapGrantItems(p.number('window'), abi);
  if (!p.has('strings')) return raw(a);
  const strings = p.number('strings');
  if (strings > 1n) throw new AbiInputError(`acceptor: strings must be 0 or 1`);
  return raw(strings === 1n ? addAcceptor(a, STRING_ITEMS_ACCEPTOR) : a);
}

function encodeErrorCodeKind(p: Params, abi: Abi): JsonObject {
  const phase = p.text('phase');
  if (phase !== 'send' && phase !== 'receive') {
    throw new AbiInputError(`errorcode: phase must be send or receive, got '${phase}'`);
  }
  return raw(encodeErrorCode({ phase, code: p.field('code', 3), offset: p.number('offset') }, abi));
}

const TIME = 'an L4_Time_t';

const ENCODERS: Record<WordKind, Encoder> = {
  msgtag: (p, abi) =>
    raw(
      encodeMsgTag(
        {
          label: p.number('label'),
          u: p.field('u', 6),
          t: p.field('t', 6),
          flags: p.field('flags', 4),
        },
        abi,
      ),
    ),
  threadid: (p, abi) => raw(globalId(p.number('threadNo'), p.number('version'), abi)),
  fpage: encodeFpage,
  mapitem: (p, abi) => words(mapItem(p.number('fpage'), p.number('sndBase'), abi)),
  grantitem: (p, abi) => words(grantItem(p.number('fpage'), p.number('sndBase'), abi)),
  stringitem: (p, abi) => words(stringItem(p.number('length'), p.number('ptr'), abi)),
  acceptor: encodeAcceptor,
  time: (p, abi) => raw(timePeriod(p.number('us', 64, 'L4_Word64_t'), abi)),
  timeouts: (p, abi) => raw(timeouts(p.number('snd', 16, TIME), p.number('rcv', 16, TIME), abi)),
  errorcode: encodeErrorCodeKind,
};

/** Encodes `kind` from its `key=value` parameters; throws AbiInputError on bad input. */
export function encodeWordKind(
  kind: WordKind,
  params: Readonly<Record<string, string>>,
  abi: Abi,
): JsonObject {
  return ENCODERS[kind](new Params(kind, params, abi), abi);
}
