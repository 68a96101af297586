/**
 * The servers' message layouts, so that the register panel can name each word by its struct field.
 * These are descriptions only: the servers and their clients are the C sources beside this file
 * (`memory.c`, `sched_client.c`, `kvstore.c`), and a test checks that every field listed here is
 * the matching struct field there, in order.
 */
import type { Abi, Word } from '../kernel/abi/word';
import { decodeMsgTag } from '../kernel/abi/msgTag';

/** One direction of a protocol: the struct whose words are MR1..MRu. */
export interface ProtocolMessage {
  /** The C struct as the source names it (`struct mem_request`, `SchedRequest`). */
  readonly struct: string;
  /** Untyped words (MR1..MRu); the struct's fields in order, one word each. */
  readonly fields: readonly string[];
}

export interface Protocol {
  readonly id: string;
  /** What the UI calls it. */
  readonly name: string;
  /** The label in MR0 (bits 16 and up). */
  readonly label: bigint;
  /** The thread that serves it in the built-in scenarios. */
  readonly server: string;
  readonly request: ProtocolMessage;
  /** A reply with no words (u = 0) has no fields. */
  readonly reply: ProtocolMessage;
  /** The C source that defines the structs. */
  readonly source: string;
}

export const MEMORY_PROTOCOL: Protocol = {
  id: 'memory',
  name: 'memory server',
  label: 0n,
  server: 'memserver',
  request: { struct: 'struct mem_request', fields: ['op', 'size', 'addr'] },
  reply: { struct: 'struct mem_reply', fields: ['addr'] },
  source: 'src/servers/memory.c',
};

export const SCHEDULER_PROTOCOL: Protocol = {
  id: 'scheduler',
  name: 'scheduler server',
  label: 0x1234n,
  server: 'scheduler',
  request: {
    struct: 'SchedRequest',
    fields: ['thread', 'time_control', 'processor_control', 'prio_control', 'preemption_control'],
  },
  reply: { struct: '(empty reply)', fields: [] },
  source: 'src/servers/sched_client.c',
};

export const KV_PROTOCOL: Protocol = {
  id: 'kv',
  name: 'key-value store',
  label: 0x4b56n,
  server: 'kvstore',
  request: { struct: 'struct kv_request', fields: ['op', 'key', 'value'] },
  reply: { struct: 'struct kv_reply', fields: ['status', 'value'] },
  source: 'src/servers/kvstore.c',
};

export const PROTOCOLS: readonly Protocol[] = [MEMORY_PROTOCOL, SCHEDULER_PROTOCOL, KV_PROTOCOL];

/** What a message's words mean under a protocol. */
export interface MessageNaming {
  readonly protocol: Protocol;
  readonly direction: 'request' | 'reply';
  readonly struct: string;
  /** `names[i]` names MR(i+1). */
  readonly names: readonly string[];
}

/**
 * Names the untyped words of a message with tag `tag`: the protocol whose label matches and whose
 * request or reply has exactly u words. When both fit (same length), `toServer` decides (a message
 * sent to the protocol's server thread is a request). Null when no protocol fits.
 */
export function nameMessage(
  protocols: readonly Protocol[],
  tag: Word,
  abi: Abi,
  to?: string,
): MessageNaming | null {
  const { label, u } = decodeMsgTag(tag, abi);
  for (const protocol of protocols) {
    if (protocol.label !== label) continue;
    const candidates = (['request', 'reply'] as const).filter(
      (d) => protocol[d].fields.length === u && u > 0,
    );
    const direction =
      candidates.length === 2 && to !== undefined
        ? to === protocol.server
          ? 'request'
          : 'reply'
        : candidates[0];
    if (direction === undefined) continue;
    const message = protocol[direction];
    return { protocol, direction, struct: message.struct, names: message.fields };
  }
  return null;
}
