/**
 * Cap'n Proto RPC from the scenario language: a client and a server build and read the key-value
 * store's RPC messages (schema/kvstore.capnp inside rpc.capnp's Message) from values in the C
 * code. The bytes always come from capnp-es (`../capnp/build.ts`, `../capnp/read.ts`, through the
 * codec `../capnp/codec.ts`, which the page loads before such a run); a helper
 * only turns them into machine words (`../capnp/words.ts`) in the caller's array, and back.
 * Builders return how many words they wrote; the C code then loads them into MR1.. or, when they
 * do not fit, into its buffer (docs/capnp.md).
 */
import { hex } from '../../kernel/abi/word';
import type { Word } from '../../kernel/abi/word';
import type { CallTarget, KvCall, KvResults } from '../capnp/build';
import { capnpCodec } from '../capnp/codec';
import type { CapnpCodec } from '../capnp/codec';
import type { RpcRead } from '../capnp/read';
import { bytesToWords, wordsToBytes } from '../capnp/words';
import { WORD, WORD_PTR } from '../check/ctypes';
import { p, ptrArg, word } from './builtin';
import type { BuiltinDef, ConstDef, ParamDef, Rt } from './builtin';

// The codec's functions, looked up when called (the codec is installed before a run).
const buildBootstrap: CapnpCodec['buildBootstrap'] = (...a) => capnpCodec().buildBootstrap(...a);
const buildCall: CapnpCodec['buildCall'] = (...a) => capnpCodec().buildCall(...a);
const buildReturn: CapnpCodec['buildReturn'] = (...a) => capnpCodec().buildReturn(...a);
const buildException: CapnpCodec['buildException'] = (...a) => capnpCodec().buildException(...a);
const buildFinish: CapnpCodec['buildFinish'] = (...a) => capnpCodec().buildFinish(...a);
const readRpc: CapnpCodec['readRpc'] = (...a) => capnpCodec().readRpc(...a);
const readGetResults: CapnpCodec['readGetResults'] = (...a) => capnpCodec().readGetResults(...a);
const readPutResults: CapnpCodec['readPutResults'] = (...a) => capnpCodec().readPutResults(...a);

/** rpc.capnp's Message union (its discriminant values), and what a reader reports for bad bytes. */
const WHICH = { CALL: 2n, RETURN: 3n, FINISH: 4n, BOOTSTRAP: 8n, INVALID: 0xffffn };
/** Fields `capnp_field` reads. */
const FIELD = {
  QUESTION: 1,
  METHOD: 2,
  TARGET: 3,
  KEY: 4,
  NAME: 5,
  TTL: 6,
  EXCEPTION: 7,
  CAP: 8,
  FOUND: 9,
  REPLACED: 10,
  VALUE: 11,
  TAGS: 12,
  RELEASE: 13,
} as const;
/** `capnp_return_exception` reasons: the Text and Exception.Type the server sends. */
const REASONS = [
  { name: 'CAPNP_NOT_FOUND', reason: 'key not found', type: 'failed' },
  { name: 'CAPNP_NO_SUCH_METHOD', reason: 'method not implemented', type: 'unimplemented' },
  { name: 'CAPNP_FULL', reason: 'store is full', type: 'overloaded' },
] as const;
const TARGET_ANSWER = 1n << 31n;

const c = (name: string, value: bigint): ConstDef => ({ name, type: WORD, value: () => value });

export const CAPNP_CONSTANTS: readonly ConstDef[] = [
  c('CAPNP_CALL', WHICH.CALL),
  c('CAPNP_RETURN', WHICH.RETURN),
  c('CAPNP_FINISH', WHICH.FINISH),
  c('CAPNP_BOOTSTRAP', WHICH.BOOTSTRAP),
  c('CAPNP_INVALID', WHICH.INVALID),
  ...Object.entries(FIELD).map(([k, v]) => c(`CAPNP_F_${k}`, BigInt(v))),
  ...REASONS.map((r, i) => c(r.name, BigInt(i))),
];

/** The words of a framed message into `out` (at most `max`); returns how many. */
function emit(rt: Rt, call: string, bytes: Uint8Array, out: unknown, max: Word): Word {
  const words = bytesToWords(bytes, rt.abi);
  if (BigInt(words.length) > max)
    rt.fault(`${call}: the message takes ${words.length} words, more than max (${max})`);
  rt.write(ptrArg(out as never), words, call);
  rt.effect({
    kind: 'server',
    op: call,
    detail: { words: String(words.length), bytes: String(bytes.length) },
  });
  return BigInt(words.length);
}

function target(w: Word): CallTarget {
  const id = Number(w & 0x7fff_ffffn);
  return (w & TARGET_ANSWER) !== 0n ? { kind: 'answer', question: id } : { kind: 'import', id };
}

function encodeTarget(t: CallTarget): Word {
  return t.kind === 'import' ? BigInt(t.id) : TARGET_ANSWER | BigInt(t.question);
}

/** `n` machine words as Data bytes (each word little-endian). */
function dataArg(rt: Rt, v: unknown, n: Word, call: string): Uint8Array {
  if (n === 0n) return new Uint8Array(0);
  return wordsToBytes(rt.read(ptrArg(v as never), Number(n), call), rt.abi);
}

/** A builder: its C parameters, then `L4_Word_t *out, L4_Word_t max`. */
function builder(
  name: string,
  params: readonly ParamDef[],
  build: (rt: Rt, args: readonly Word[], raw: readonly unknown[]) => Uint8Array,
): BuiltinDef {
  return {
    name,
    params: [...params, p('out', WORD_PTR), p('max', WORD)],
    ret: WORD,
    run: (rt, args) => {
      const bytes = build(
        rt,
        args.map((a) => word(a)),
        args,
      );
      return emit(rt, name, bytes, args[params.length], word(args[params.length + 1]));
    },
  };
}

function read(rt: Rt, v: unknown, n: Word, call: string): RpcRead {
  if (n === 0n) return { kind: 'invalid', reason: 'no words' };
  return readRpc(wordsToBytes(rt.read(ptrArg(v as never), Number(n), call), rt.abi));
}

/** What `capnp_field` answers for one field (0 where the message has no such field). */
function field(r: RpcRead, f: number): Word {
  const call = r.kind === 'call' ? r.call : null;
  switch (f) {
    case FIELD.METHOD:
      return r.kind === 'call' ? BigInt(r.methodId) : 0n;
    case FIELD.TARGET:
      return r.kind === 'call' ? encodeTarget(r.target) : 0n;
    case FIELD.KEY:
      return call?.method === 'get' || call?.method === 'put' ? call.key : 0n;
    case FIELD.NAME:
      return call?.method === 'bucket' ? call.name : 0n;
    case FIELD.TTL:
      return call?.method === 'put' ? BigInt(call.ttl) : 0n;
    case FIELD.EXCEPTION:
      return r.kind === 'exception' ? 1n : 0n;
    case FIELD.CAP:
      return r.kind === 'return' ? BigInt(r.caps[0] ?? -1) & 0xffff_ffffn : 0n;
    case FIELD.FOUND:
      return r.kind === 'return' && r.content !== null && readGetResults(r.content).found ? 1n : 0n;
    case FIELD.REPLACED:
      return r.kind === 'return' && r.content !== null && readPutResults(r.content) ? 1n : 0n;
    case FIELD.RELEASE:
      return r.kind === 'finish' && r.releaseResultCaps ? 1n : 0n;
    default:
      if (f !== FIELD.QUESTION) return 0n;
      if (r.kind === 'return' || r.kind === 'exception') return BigInt(r.answer);
      return r.kind === 'call' || r.kind === 'bootstrap' || r.kind === 'finish'
        ? BigInt(r.question)
        : 0n;
  }
}

/** The Data or List(UInt64) a message carries, as bytes (value) or words (tags). */
function listOf(rt: Rt, r: RpcRead, f: number): Word[] {
  const call = r.kind === 'call' ? r.call : null;
  if (f === FIELD.TAGS) return call?.method === 'put' ? [...call.tags] : [];
  if (f !== FIELD.VALUE) return [];
  if (call?.method === 'put') return bytesToWords(call.value, rt.abi);
  if (r.kind === 'return' && r.content !== null)
    return bytesToWords(readGetResults(r.content).value, rt.abi);
  return [];
}

const IN: readonly ParamDef[] = [p('in', WORD_PTR), p('n', WORD)];

export const CAPNP_CALLS: readonly BuiltinDef[] = [
  {
    name: 'capnp_import',
    params: [p('id', WORD)],
    ret: WORD,
    run: (_rt, [id]) => encodeTarget({ kind: 'import', id: Number(word(id) & 0x7fff_ffffn) }),
  },
  {
    name: 'capnp_answer',
    params: [p('question', WORD)],
    ret: WORD,
    run: (_rt, [q]) => encodeTarget({ kind: 'answer', question: Number(word(q) & 0x7fff_ffffn) }),
  },
  builder('capnp_bootstrap', [p('question', WORD)], (_rt, [q]) => buildBootstrap(Number(q))),
  builder(
    'capnp_call_get',
    [p('question', WORD), p('target', WORD), p('key', WORD)],
    (_rt, [q, t, key]) => buildCall(Number(q), target(t ?? 0n), { method: 'get', key: key ?? 0n }),
  ),
  builder(
    'capnp_call_put',
    [
      p('question', WORD),
      p('target', WORD),
      p('key', WORD),
      p('ttl', WORD),
      p('value', WORD_PTR),
      p('nvalue', WORD),
      p('tags', WORD_PTR),
      p('ntags', WORD),
    ],
    (rt, w, raw) => {
      const call: KvCall = {
        method: 'put',
        key: w[2] ?? 0n,
        ttl: Number((w[3] ?? 0n) & 0xffff_ffffn),
        value: dataArg(rt, raw[4], w[5] ?? 0n, 'capnp_call_put'),
        tags:
          (w[7] ?? 0n) === 0n
            ? []
            : rt.read(ptrArg(raw[6] as never), Number(w[7]), 'capnp_call_put'),
      };
      return buildCall(Number(w[0]), target(w[1] ?? 0n), call);
    },
  ),
  builder(
    'capnp_call_bucket',
    [p('question', WORD), p('target', WORD), p('name', WORD)],
    (_rt, [q, t, name]) =>
      buildCall(Number(q), target(t ?? 0n), { method: 'bucket', name: name ?? 0n }),
  ),
  builder('capnp_return_cap', [p('answer', WORD), p('export_id', WORD)], (_rt, [a, id]) =>
    buildReturn(Number(a), { method: 'bootstrap', exportId: Number(id) }),
  ),
  builder('capnp_return_bucket', [p('answer', WORD), p('export_id', WORD)], (_rt, [a, id]) =>
    buildReturn(Number(a), { method: 'bucket', exportId: Number(id) }),
  ),
  builder(
    'capnp_return_get',
    [p('answer', WORD), p('found', WORD), p('value', WORD_PTR), p('nvalue', WORD)],
    (rt, w, raw) => {
      const found = (w[1] ?? 0n) !== 0n;
      const results: KvResults = {
        method: 'get',
        found,
        value: found ? dataArg(rt, raw[2], w[3] ?? 0n, 'capnp_return_get') : null,
      };
      return buildReturn(Number(w[0]), results);
    },
  ),
  builder('capnp_return_put', [p('answer', WORD), p('replaced', WORD)], (_rt, [a, r]) =>
    buildReturn(Number(a), { method: 'put', replaced: (r ?? 0n) !== 0n }),
  ),
  builder('capnp_return_exception', [p('answer', WORD), p('reason', WORD)], (rt, [a, why]) => {
    const r = REASONS[Number(why)];
    if (r === undefined)
      return rt.fault(
        `capnp_return_exception: reason ${hex(why ?? 0n)} is not one of ${REASONS.map((x) => x.name).join(', ')}`,
      );
    return buildException(Number(a), r.reason, r.type);
  }),
  builder('capnp_finish', [p('question', WORD), p('release_caps', WORD)], (_rt, [q, rel]) =>
    buildFinish(Number(q), (rel ?? 0n) !== 0n),
  ),
  {
    name: 'capnp_which',
    params: IN,
    ret: WORD,
    run: (rt, [v, n]) => {
      const r = read(rt, v, word(n), 'capnp_which');
      return r.kind === 'invalid' || r.kind === 'other'
        ? r.kind === 'other'
          ? BigInt(r.which)
          : WHICH.INVALID
        : r.kind === 'exception'
          ? WHICH.RETURN
          : WHICH[r.kind.toUpperCase() as 'CALL' | 'RETURN' | 'FINISH' | 'BOOTSTRAP'];
    },
  },
  {
    name: 'capnp_field',
    params: [...IN, p('field', WORD)],
    ret: WORD,
    run: (rt, [v, n, f]) => field(read(rt, v, word(n), 'capnp_field'), Number(word(f))),
  },
  {
    name: 'capnp_list',
    params: [...IN, p('field', WORD), p('out', WORD_PTR), p('max', WORD)],
    ret: WORD,
    run: (rt, [v, n, f, out, max]) => {
      const words = listOf(rt, read(rt, v, word(n), 'capnp_list'), Number(word(f)));
      if (BigInt(words.length) > word(max))
        rt.fault(`capnp_list: the list has ${words.length} words, more than max (${word(max)})`);
      if (words.length > 0) rt.write(ptrArg(out), words, 'capnp_list');
      return BigInt(words.length);
    },
  },
];
