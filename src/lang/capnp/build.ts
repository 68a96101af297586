/**
 * Cap'n Proto RPC messages for the key-value store, built by capnp-es: the `Message` classes it
 * bundles (capnp-es/capnp/rpc, from rpc.capnp) around the params and results structs generated
 * from schema/kvstore.capnp (gen/kvstore.js). Every function returns the message in the standard
 * stream framing (segment table, then the segment), exactly as `capnp decode` reads it. No byte
 * here is written by hand.
 */
import * as $ from 'capnp-es';
import { Exception_Type, Message as RpcMessage } from 'capnp-es/capnp/rpc';
import type { Payload } from 'capnp-es/capnp/rpc';
import {
  KvStore$Client,
  KvStore_Bucket$Params,
  KvStore_Bucket$Results,
  KvStore_Get$Params,
  KvStore_Get$Results,
  KvStore_Put$Params,
  KvStore_Put$Results,
} from './gen/kvstore.js';

/** The KvStore interface's methods, by `methodId` (schema/kvstore.capnp). */
export const KV_METHOD = { get: 0, put: 1, bucket: 2 } as const;
export const KV_INTERFACE_ID: bigint = KvStore$Client.interfaceId;

/** Whom a Call is addressed to: an imported capability, or the answer to an earlier question. */
export type CallTarget =
  | { readonly kind: 'import'; readonly id: number }
  | { readonly kind: 'answer'; readonly question: number };

export type KvCall =
  | { readonly method: 'get'; readonly key: bigint }
  | {
      readonly method: 'put';
      readonly key: bigint;
      readonly value: Uint8Array;
      readonly ttl: number;
      readonly tags: readonly bigint[];
    }
  | { readonly method: 'bucket'; readonly name: bigint };

export type KvResults =
  | { readonly method: 'get'; readonly value: Uint8Array | null; readonly found: boolean }
  | { readonly method: 'put'; readonly replaced: boolean }
  /** A capability in the results: pointer #0 of the payload, capTable[0] = senderHosted(id). */
  | { readonly method: 'bucket' | 'bootstrap'; readonly exportId: number };

const EXCEPTION_TYPES = ['failed', 'overloaded', 'disconnected', 'unimplemented'] as const;
export type ExceptionType = (typeof EXCEPTION_TYPES)[number];

function framed(build: (m: RpcMessage) => void): Uint8Array {
  const msg = new $.Message();
  build(msg.initRoot(RpcMessage));
  return new Uint8Array(msg.toArrayBuffer());
}

function writeCapability(payload: Payload, exportId: number): void {
  $.utils.setInterfacePointer(0, payload.content);
  const table = payload._initCapTable(1);
  table.get(0).senderHosted = exportId;
}

export function buildBootstrap(question: number): Uint8Array {
  return framed((m) => {
    m._initBootstrap().questionId = question;
  });
}

export function buildCall(question: number, target: CallTarget, call: KvCall): Uint8Array {
  return framed((m) => {
    const c = m._initCall();
    c.questionId = question;
    const t = c._initTarget();
    if (target.kind === 'import') t.importedCap = target.id;
    else t._initPromisedAnswer().questionId = target.question;
    c.interfaceId = KV_INTERFACE_ID;
    c.methodId = KV_METHOD[call.method];
    const params = c._initParams();
    switch (call.method) {
      case 'get':
        $.utils.initStructAt(0, KvStore_Get$Params, params).key = call.key;
        break;
      case 'put': {
        const p = $.utils.initStructAt(0, KvStore_Put$Params, params);
        const e = p._initEntry();
        e.key = call.key;
        e.ttl = call.ttl;
        e._initValue(call.value.length).copyBuffer(call.value);
        const tags = p._initTags(call.tags.length);
        call.tags.forEach((tag, i) => tags.set(i, tag));
        break;
      }
      case 'bucket':
        $.utils.initStructAt(0, KvStore_Bucket$Params, params).name = call.name;
        break;
    }
  });
}

export function buildReturn(answer: number, results: KvResults): Uint8Array {
  return framed((m) => {
    const r = m._initReturn();
    r.answerId = answer;
    const payload = r._initResults();
    switch (results.method) {
      case 'get': {
        const g = $.utils.initStructAt(0, KvStore_Get$Results, payload);
        g.found = results.found;
        if (results.value !== null) g._initValue(results.value.length).copyBuffer(results.value);
        break;
      }
      case 'put':
        $.utils.initStructAt(0, KvStore_Put$Results, payload).replaced = results.replaced;
        break;
      case 'bucket':
        // The results struct's one pointer is the capability; the payload holds the struct.
        $.utils.setInterfacePointer(
          0,
          $.utils.getPointer(0, $.utils.initStructAt(0, KvStore_Bucket$Results, payload)),
        );
        payload._initCapTable(1).get(0).senderHosted = results.exportId;
        break;
      case 'bootstrap':
        writeCapability(payload, results.exportId);
        break;
    }
  });
}

export function buildException(answer: number, reason: string, type: ExceptionType): Uint8Array {
  return framed((m) => {
    const r = m._initReturn();
    r.answerId = answer;
    const e = r._initException();
    e.reason = reason;
    e.type = Exception_Type[type.toUpperCase() as Uppercase<ExceptionType>];
  });
}

export function buildFinish(question: number, releaseResultCaps: boolean): Uint8Array {
  return framed((m) => {
    const f = m._initFinish();
    f.questionId = question;
    f.releaseResultCaps = releaseResultCaps;
  });
}

export function exceptionTypeName(n: number): ExceptionType {
  return EXCEPTION_TYPES[n] ?? 'failed';
}
