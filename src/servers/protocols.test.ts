import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodeMsgTag } from '../kernel/abi/msgTag';
import {
  KV_PROTOCOL,
  MEMORY_PROTOCOL,
  nameMessage,
  PROTOCOLS,
  SCHEDULER_PROTOCOL,
} from './protocols';

const sourceOf = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

/** The field names of a struct in C source: `struct x { ... };` or `typedef struct { ... } X;`. */
function structFields(source: string, struct: string): string[] | null {
  const body = struct.startsWith('struct ')
    ? new RegExp(`${struct}\\s*\\{([^}]*)\\}`).exec(source)?.[1]
    : new RegExp(`typedef struct\\s*\\{([^}]*)\\}\\s*${struct}\\s*;`).exec(source)?.[1];
  if (body === undefined) return null;
  return body
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d !== '')
    .map((d) => d.split(/\s+/).at(-1) ?? '');
}

const tag = (label: bigint, u: number) => encodeMsgTag({ label, u, t: 0, flags: 0 }, 'amd64');

describe('protocol descriptions match the C structs of the servers', () => {
  it.each(PROTOCOLS.map((p) => [p.id, p] as const))('%s', (_id, p) => {
    const source = sourceOf(p.source);
    expect(structFields(source, p.request.struct)).toEqual(p.request.fields);
    if (p.reply.fields.length > 0)
      expect(structFields(source, p.reply.struct)).toEqual(p.reply.fields);
    expect(source).toContain(`0x${p.label.toString(16)}`.replace('0x0', '0'));
  });

  it('uses the server protocol labels (src/servers/protocols.ts): memory 0, scheduler 0x1234, the new service its own', () => {
    expect(MEMORY_PROTOCOL.label).toBe(0n);
    expect(SCHEDULER_PROTOCOL.label).toBe(0x1234n);
    expect(new Set(PROTOCOLS.map((p) => p.label)).size).toBe(PROTOCOLS.length);
  });
});

describe('nameMessage: which struct field each word is', () => {
  it('names a memory request and its reply by their length', () => {
    expect(nameMessage(PROTOCOLS, tag(0n, 3), 'amd64')).toMatchObject({
      direction: 'request',
      struct: 'struct mem_request',
      names: ['op', 'size', 'addr'],
    });
    expect(nameMessage(PROTOCOLS, tag(0n, 1), 'ia32')?.names).toEqual(['addr']);
  });

  it('names the five SchedRequest words (raw MR0 0x12340005)', () => {
    expect(nameMessage(PROTOCOLS, 0x12340005n, 'amd64')?.names).toEqual([
      'thread',
      'time_control',
      'processor_control',
      'prio_control',
      'preemption_control',
    ]);
  });

  it('uses the receiver to tell a request from a reply of the same length', () => {
    const same = { ...KV_PROTOCOL, reply: { struct: 'struct kv_echo', fields: ['a', 'b', 'c'] } };
    expect(nameMessage([same], tag(0x4b56n, 3), 'amd64', 'kvstore')?.direction).toBe('request');
    expect(nameMessage([same], tag(0x4b56n, 3), 'amd64', 'writer')?.direction).toBe('reply');
  });

  it('names nothing for an unknown label, a wrong length or an empty message', () => {
    expect(nameMessage(PROTOCOLS, tag(0x99n, 3), 'amd64')).toBeNull();
    expect(nameMessage(PROTOCOLS, tag(0x1234n, 4), 'amd64')).toBeNull();
    expect(nameMessage(PROTOCOLS, tag(0x1234n, 0), 'amd64')).toBeNull();
    expect(nameMessage([], tag(0n, 3), 'amd64')).toBeNull();
  });
});
