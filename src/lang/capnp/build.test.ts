import { describe, expect, it } from 'vitest';
import {
  buildBootstrap,
  buildCall,
  buildException,
  buildFinish,
  buildReturn,
  KV_INTERFACE_ID,
} from './build';
import { readGetResults, readPutResults, readRpc } from './read';
import { bytesToWords, wordsToBytes } from './words';

describe('kvstore RPC messages built by capnp-es', () => {
  it('Bootstrap is 6 Cap’n Proto words framed and reads back its question id', () => {
    const b = buildBootstrap(0);
    expect(b.length).toBe(6 * 8);
    expect(readRpc(b)).toEqual({ kind: 'bootstrap', question: 0 });
  });

  it('a put Call carries the entry struct and the tag list, addressed to a promised answer', () => {
    const value = new Uint8Array([1, 2, 3, 4, 5]);
    const bytes = buildCall(
      2,
      { kind: 'answer', question: 0 },
      { method: 'put', key: 7n, value, ttl: 60, tags: [1n, 2n] },
    );
    const r = readRpc(bytes);
    expect(r).toMatchObject({
      kind: 'call',
      question: 2,
      target: { kind: 'answer', question: 0 },
      interfaceId: KV_INTERFACE_ID,
      methodId: 1,
      call: { method: 'put', key: 7n, ttl: 60, tags: [1n, 2n] },
    });
    if (r.kind === 'call' && r.call?.method === 'put')
      expect([...r.call.value]).toEqual([...value]);
  });

  it('Return results, a capability, an exception and Finish read back', () => {
    const g = readRpc(buildReturn(1, { method: 'get', value: new Uint8Array([9]), found: true }));
    expect(g.kind).toBe('return');
    if (g.kind === 'return' && g.content !== null)
      expect([...readGetResults(g.content).value]).toEqual([9]);
    const p = readRpc(buildReturn(4, { method: 'put', replaced: true }));
    if (p.kind === 'return' && p.content !== null) expect(readPutResults(p.content)).toBe(true);
    expect(readRpc(buildReturn(0, { method: 'bootstrap', exportId: 3 }))).toMatchObject({
      kind: 'return',
      answer: 0,
      caps: [3],
    });
    expect(readRpc(buildException(2, 'key not found', 'failed'))).toEqual({
      kind: 'exception',
      answer: 2,
      reason: 'key not found',
      type: 'failed',
    });
    expect(readRpc(buildFinish(1, false))).toEqual({
      kind: 'finish',
      question: 1,
      releaseResultCaps: false,
    });
  });

  it('bytes that are no message give a reason, not a throw', () => {
    const r = readRpc(new Uint8Array([0, 0, 0, 0, 9, 0, 0, 0]));
    expect(r.kind).toBe('invalid');
  });

  it('words round-trip on both ABIs: one MR per Cap’n Proto word on amd64, two on ia32', () => {
    const b = buildBootstrap(5);
    expect(bytesToWords(b, 'amd64')).toHaveLength(6);
    expect(bytesToWords(b, 'ia32')).toHaveLength(12);
    expect(wordsToBytes(bytesToWords(b, 'ia32'), 'ia32')).toEqual(b);
    expect(wordsToBytes(bytesToWords(b, 'amd64'), 'amd64')).toEqual(b);
  });
});
