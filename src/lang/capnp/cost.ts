/**
 * What one Cap'n Proto message costs on L4: words in the message registers, bytes in the buffer,
 * kernel entries, and the same request as a hand-packed struct of words in the style of the
 * memory server and src/servers/kvstore.c (op, then one word per field).
 */
import type { Abi } from '../../kernel/abi/word';
import type { RpcRead } from './read';
import { wordBytes } from './words';
import type { CapnpMessageView } from './view';

export interface MessageCost {
  /** MR1..MRu + typed words: what the IPC copies in registers. */
  readonly registerWords: number;
  /** Bytes in the shared buffer (0 when the message is in the registers). */
  readonly bufferBytes: number;
  /** System calls this message needs from the sender, and what they are. */
  readonly kernelEntries: number;
  readonly entries: string;
  /** The hand-packed struct and its size in words. */
  readonly packedStruct: string;
  readonly packedWords: number;
}

/** The hand-packed equivalent: op + one word per scalar, the value words inline. */
function packed(rpc: RpcRead, abi: Abi): { struct: string; words: number } {
  const per = wordBytes(abi);
  if (rpc.kind === 'call' && rpc.call !== null) {
    const c = rpc.call;
    if (c.method === 'get') return { struct: 'struct kv_request { op, key, value }', words: 3 };
    if (c.method === 'bucket') return { struct: '{ op, name }', words: 2 };
    const v = Math.ceil(c.value.length / per);
    return {
      struct: `{ op, key, ttl, nvalue, value[${v}], ntags, tags[${c.tags.length}] }`,
      words: 5 + v + c.tags.length,
    };
  }
  if (rpc.kind === 'return') return { struct: 'struct kv_reply { status, value }', words: 2 };
  if (rpc.kind === 'exception') return { struct: 'struct kv_reply { status }', words: 1 };
  if (rpc.kind === 'bootstrap')
    return { struct: '(none: the server thread id is the capability)', words: 0 };
  if (rpc.kind === 'finish') return { struct: '(none: no answer table to clean)', words: 0 };
  return { struct: '—', words: 0 };
}

export function messageCost(m: CapnpMessageView, abi: Abi): MessageCost {
  const p = packed(m.rpc, abi);
  const waits = m.rpc.kind === 'call' || m.rpc.kind === 'bootstrap';
  const entries = waits ? 'L4_Call (send + receive the Return)' : 'one L4_Send (no reply)';
  return {
    registerWords: m.place === 'registers' ? m.machineWords : 4,
    bufferBytes: m.place === 'buffer' ? m.bytes : 0,
    kernelEntries: 1,
    entries,
    packedStruct: p.struct,
    packedWords: p.words,
  };
}
