import { describe, expect, it } from 'vitest';
import {
  anylocalthread,
  anythread,
  globalId,
  isGlobalId,
  isLocalId,
  isNilThread,
  localIdOf,
  NILTHREAD,
  threadNo,
  threadVersion,
} from './threadId';
import { CaseReader, rows } from './vectors/pistachioVectors';
import type { Abi } from './word';

function special(name: string, abi: Abi): bigint {
  if (name === 'L4_anythread') return anythread(abi);
  if (name === 'L4_anylocalthread') return anylocalthread(abi);
  if (name === 'L4_nilthread') return NILTHREAD;
  throw new Error(`unknown special thread id ${name}`);
}

describe('thread IDs against the Pistachio vectors (every case, both ABIs)', () => {
  it.each(rows('thread_id'))('%s', (_label, abi, c) => {
    const r = new CaseReader(c);
    const raw = r.has('name')
      ? special(r.text('name'), abi)
      : globalId(r.big('threadno'), r.big('version'), abi);
    expect(raw).toBe(r.big('raw'));
    if (r.has('L4_ThreadNo')) expect(threadNo(raw, abi)).toBe(r.big('L4_ThreadNo'));
    if (r.has('L4_Version')) expect(threadVersion(raw, abi)).toBe(r.big('L4_Version'));
    if (r.has('L4_IsGlobalId')) expect(isGlobalId(raw)).toBe(r.bool('L4_IsGlobalId'));
    if (r.has('L4_IsLocalId')) expect(isLocalId(raw)).toBe(r.bool('L4_IsLocalId'));
    if (r.has('L4_IsNilThread')) expect(isNilThread(raw)).toBe(r.bool('L4_IsNilThread'));
    if (r.has('local_id_field')) expect(localIdOf(raw, abi)).toBe(r.big('local_id_field'));
    expect(r.unread()).toEqual([]);
  });
});

describe('thread ID rules', () => {
  it('a global ID is exactly the complement of a local one, by the low 6 bits', () => {
    for (const raw of [0n, 1n, 0x40n, 0x41n, 0x500000040n, 0xffffffc0n]) {
      expect(isGlobalId(raw)).toBe(!isLocalId(raw));
    }
    expect(isLocalId(NILTHREAD)).toBe(true);
  });
  it('wraps oversized fields silently', () => {
    expect(globalId(0x40000n, 0x4001n, 'ia32')).toBe(0x1n);
    expect(globalId(0x1_0000_0001n, 0n, 'amd64')).toBe(0x1_0000_0000n);
  });
});
