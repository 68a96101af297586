/**
 * A Cap'n Proto message as a thread holds it: where its words are (MR1..MRu, or a buffer named by
 * (offset, length) words and a map item), every Cap'n Proto word named (decode/walk.ts) and
 * labelled with the MR or address it sits in, and what the RPC message says (read with capnp-es).
 * On ia32 one Cap'n Proto word is two MRs, low half first.
 */
import { decodeMsgTag } from '../../kernel/abi/msgTag';
import type { Abi, Word } from '../../kernel/abi/word';
import { hex } from '../../kernel/abi/word';
import { fpageAddress } from '../../kernel/abi/fpage';
import { methodStruct, structIdByName } from './decode/fields';
import type { DecodedMessage, WordRow } from './decode/walk';
import { walkMessage } from './decode/walk';
import { capnpWords } from './decode/pointers';
import type { RpcRead } from './read';
import { readRpc } from './read';
import { wordBytes, wordsToBytes } from './words';

/** The label the Cap'n Proto servers and lessons use in MR0 ('C' 'P'; src/servers/kvstore_capnp.c). */
export const CAPNP_LABEL = 0x4350n;

export interface LabelledRow extends WordRow {
  /** Where the word is: `MR3`, `MR5+MR6` (ia32), or `0x800010` in a buffer. */
  readonly location: string;
}

export interface CapnpMessageView {
  readonly place: 'registers' | 'buffer';
  /** `MR1..MR6`, or `buffer 0x800000 + 0, 100 words (mapped from 0x200000)`. */
  readonly where: string;
  readonly machineWords: number;
  readonly bytes: number;
  readonly rows: readonly LabelledRow[];
  readonly error: string | null;
  readonly rpc: RpcRead;
  /** The segment table: each segment's size in Cap'n Proto words. */
  readonly segments: readonly number[];
}

/** What a Return answers, to name its results' AnyPointer: the method of the question. */
export type QuestionMethods = ReadonlyMap<number, number | 'bootstrap'>;

const MESSAGE_ID = structIdByName('Message');

function hintFor(rpc: RpcRead, methods: QuestionMethods) {
  return (path: string): string | null => {
    if (path.endsWith('params.content') && rpc.kind === 'call')
      return methodStruct(rpc.methodId, 'params');
    if (path.endsWith('results.content') && rpc.kind === 'return') {
      const m = methods.get(rpc.answer);
      return typeof m === 'number' ? methodStruct(m, 'results') : null;
    }
    return null;
  };
}

export function decodeFramedBytes(
  bytes: Uint8Array,
  methods: QuestionMethods = new Map(),
): { readonly decoded: DecodedMessage; readonly rpc: RpcRead } {
  const rpc = readRpc(bytes);
  return { decoded: walkMessage(capnpWords(bytes), MESSAGE_ID, hintFor(rpc, methods)), rpc };
}

/** A framed message whose root is the struct named `root` (e.g. `Entry` of schema/kvstore.capnp). */
export function decodeFramedAs(bytes: Uint8Array, root: string): DecodedMessage {
  return walkMessage(capnpWords(bytes), structIdByName(root), () => null);
}

function view(
  machine: readonly Word[],
  abi: Abi,
  place: CapnpMessageView['place'],
  where: string,
  locate: (machineIndex: number) => string,
  methods: QuestionMethods,
): CapnpMessageView {
  const bytes = wordsToBytes(machine, abi);
  const { decoded, rpc } = decodeFramedBytes(bytes, methods);
  const per = 8 / wordBytes(abi);
  const rows = decoded.rows.map((r) => ({
    ...r,
    location:
      per === 1
        ? locate(r.index)
        : `${locate(r.index * 2)}+${locate(r.index * 2 + 1).replace(/^0x/, '')}`,
  }));
  return {
    place,
    where,
    machineWords: machine.length,
    bytes: bytes.length,
    rows,
    error: decoded.error,
    rpc,
    segments: decoded.framing?.sizes ?? [],
  };
}

/**
 * The Cap'n Proto message in MR0..: null unless MR0's label is CAPNP_LABEL. `readBuffer` reads
 * the thread's own address space (for a message sent as a buffer).
 */
export function capnpFromRegisters(
  mrs: readonly Word[],
  abi: Abi,
  readBuffer: (addr: Word, n: number) => readonly Word[] | null,
  bufferBase: (mapFpage: Word) => Word,
  methods: QuestionMethods = new Map(),
): CapnpMessageView | null {
  const tag = decodeMsgTag(mrs[0] ?? 0n, abi);
  if (BigInt(tag.label) !== CAPNP_LABEL || tag.u === 0) return null;
  if (tag.t === 0) {
    const words = mrs.slice(1, 1 + tag.u);
    return view(words, abi, 'registers', `MR1..MR${tag.u}`, (i) => `MR${i + 1}`, methods);
  }
  if (tag.u !== 2 || tag.t !== 2) return null;
  const offset = mrs[1] ?? 0n;
  const n = Number(mrs[2] ?? 0n);
  const base = bufferBase(mrs[4] ?? 0n) + offset * BigInt(wordBytes(abi));
  const words = readBuffer(base, n);
  if (words === null) return null;
  const size = BigInt(wordBytes(abi));
  return view(
    words,
    abi,
    'buffer',
    `buffer at ${hex(base)}, ${n} words (MR1 = offset ${offset}, MR2 = length ${n}, MR3..MR4 = map item for ${hex(fpageAddress(mrs[4] ?? 0n, abi))})`,
    (i) => hex(base + BigInt(i) * size),
    methods,
  );
}
