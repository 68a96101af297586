/**
 * Reading the key-value store's RPC messages with capnp-es (`new Message(bytes, false)`: the
 * bytes are framed, not packed). Union members are read through `which()` only, as reading an
 * inactive member throws. Bytes that are not a valid message give `{ kind: 'invalid', reason }`.
 */
import * as $ from 'capnp-es';
import { Message as RpcMessage, MessageTarget, Return } from 'capnp-es/capnp/rpc';
import type { Payload } from 'capnp-es/capnp/rpc';
import type { CallTarget, KvCall } from './build';
import { exceptionTypeName, KV_INTERFACE_ID, KV_METHOD } from './build';
import {
  KvStore_Bucket$Params,
  KvStore_Get$Params,
  KvStore_Get$Results,
  KvStore_Put$Params,
  KvStore_Put$Results,
} from './gen/kvstore.js';

export type RpcRead =
  | { readonly kind: 'bootstrap'; readonly question: number }
  | {
      readonly kind: 'call';
      readonly question: number;
      readonly target: CallTarget;
      readonly interfaceId: bigint;
      readonly methodId: number;
      /** The KvStore call, or null for another interface / method. */
      readonly call: KvCall | null;
    }
  | {
      readonly kind: 'return';
      readonly answer: number;
      /** The payload's content: a struct, or capability index `cap`. */
      readonly content: $.Pointer | null;
      /** capTable: the senderHosted export ids (−1 for other descriptors). */
      readonly caps: readonly number[];
    }
  | {
      readonly kind: 'exception';
      readonly answer: number;
      readonly reason: string;
      readonly type: string;
    }
  | { readonly kind: 'finish'; readonly question: number; readonly releaseResultCaps: boolean }
  | { readonly kind: 'other'; readonly which: number }
  | { readonly kind: 'invalid'; readonly reason: string };

function readTarget(t: MessageTarget): CallTarget {
  return t.which() === MessageTarget.IMPORTED_CAP
    ? { kind: 'import', id: t.importedCap }
    : { kind: 'answer', question: t.promisedAnswer.questionId };
}

function readKvCall(methodId: number, params: Payload): KvCall | null {
  if ($.utils.isNull(params.content)) return null;
  switch (methodId) {
    case KV_METHOD.get:
      return { method: 'get', key: $.utils.getAs(KvStore_Get$Params, params.content).key };
    case KV_METHOD.put: {
      const p = $.utils.getAs(KvStore_Put$Params, params.content);
      const e = p.entry;
      return {
        method: 'put',
        key: e.key,
        ttl: e.ttl,
        value: e._hasValue() ? e.value.toUint8Array() : new Uint8Array(0),
        tags: p.tags.toArray(),
      };
    }
    case KV_METHOD.bucket:
      return { method: 'bucket', name: $.utils.getAs(KvStore_Bucket$Params, params.content).name };
    default:
      return null;
  }
}

function readUnchecked(bytes: Uint8Array): RpcRead {
  const m = new $.Message(bytes, false).getRoot(RpcMessage);
  const which: number = m.which();
  switch (which) {
    case RpcMessage.BOOTSTRAP:
      return { kind: 'bootstrap', question: m.bootstrap.questionId };
    case RpcMessage.CALL: {
      const c = m.call;
      const kv = c.interfaceId === KV_INTERFACE_ID;
      return {
        kind: 'call',
        question: c.questionId,
        target: readTarget(c.target),
        interfaceId: c.interfaceId,
        methodId: c.methodId,
        call: kv ? readKvCall(c.methodId, c.params) : null,
      };
    }
    case RpcMessage.RETURN: {
      const r = m.return;
      if (r.which() === Return.EXCEPTION)
        return {
          kind: 'exception',
          answer: r.answerId,
          reason: r.exception.reason,
          type: exceptionTypeName(r.exception.type),
        };
      if (r.which() !== Return.RESULTS)
        return { kind: 'return', answer: r.answerId, content: null, caps: [] };
      const p = r.results;
      return {
        kind: 'return',
        answer: r.answerId,
        content: p.content,
        caps: p.capTable.map((d) => (d._isSenderHosted ? d.senderHosted : -1)),
      };
    }
    case RpcMessage.FINISH:
      return {
        kind: 'finish',
        question: m.finish.questionId,
        releaseResultCaps: m.finish.releaseResultCaps,
      };
    default:
      return { kind: 'other', which };
  }
}

export function readRpc(bytes: Uint8Array): RpcRead {
  try {
    return readUnchecked(bytes);
  } catch (e) {
    return { kind: 'invalid', reason: e instanceof Error ? e.message : String(e) };
  }
}

/** The get results of a Return. */
export function readGetResults(content: $.Pointer): {
  readonly found: boolean;
  readonly value: Uint8Array;
} {
  const g = $.utils.getAs(KvStore_Get$Results, content);
  return { found: g.found, value: g._hasValue() ? g.value.toUint8Array() : new Uint8Array(0) };
}

export function readPutResults(content: $.Pointer): boolean {
  return $.utils.getAs(KvStore_Put$Results, content).replaced;
}
