import { describe, expect, it } from 'vitest';
import { selectCapnp } from './capnpView';
import { createSimStore } from './createSimStore';
import { lessonSource } from './testSupport/lessonSource';

describe('the Cap’n Proto panel’s data', () => {
  it('capnp-call at its end: nine messages, each word of the last one named, the tables empty but the capability', () => {
    const store = createSimStore();
    const source = lessonSource('capnp-call');
    store.getState().load(source, { step: source.length - 1 });
    const v = selectCapnp(store.getState());
    expect(v?.history.map((h) => h.message.rpc.kind)).toEqual([
      'bootstrap',
      'return',
      'finish',
      'call',
      'return',
      'finish',
      'call',
      'return',
      'finish',
    ]);
    for (const h of v?.history ?? []) {
      expect(h.message.place).toBe('registers');
      expect(h.message.rows.every((r) => r.role !== 'error' && r.role !== 'unreached')).toBe(true);
    }
    const client = v?.sides.find((s) => s.side === 'client');
    expect(client?.questions).toEqual([]);
    expect(client?.imports.map((r) => r.id)).toEqual([0]);
    expect(v?.sides.find((s) => s.side === 'kvstore_capnp')?.exports.map((r) => r.id)).toEqual([0]);
  });

  it('capnp-large: the put is read from the server’s window, more than 63 words, with its cost', () => {
    const store = createSimStore();
    const source = lessonSource('capnp-large');
    store.getState().load(source, { step: source.length - 1 });
    const put = selectCapnp(store.getState())?.history.find((h) => h.message.rpc.kind === 'call');
    expect(put?.message.place).toBe('buffer');
    expect(put?.message.machineWords).toBeGreaterThan(63);
    expect(put?.message.where).toMatch(/^buffer at 0x800000/);
    expect(put?.cost.registerWords).toBe(4);
    expect(put?.cost.bufferBytes).toBe(put?.message.bytes);
    expect(put?.message.rows[0]?.location).toBe('0x800000');
  });

  it('capnp-pipelined: while the calls are outstanding the client has three questions', () => {
    const store = createSimStore();
    const source = lessonSource('capnp-pipelined');
    let step = 0;
    for (let i = 0; i < source.length; i++) {
      const kinds = source.summary(i).messages.filter((m) => m.from === 'kvstore_capnp');
      if (kinds.length > 0) {
        step = i - 1;
        break;
      }
    }
    store.getState().load(source, { step });
    const client = selectCapnp(store.getState())?.sides.find((s) => s.side === 'client');
    expect(client?.questions.map((q) => q.id)).toEqual([0, 1, 2]);
    expect(client?.questions[1]?.what).toMatch(/promisedAnswer\(question 0\)/);
  });

  it('two stores side by side keep their own memo: reading one does not invalidate the other', () => {
    const a = createSimStore();
    const b = createSimStore();
    const call = lessonSource('capnp-call');
    const large = lessonSource('capnp-large');
    a.getState().load(call, { step: call.length - 1 });
    b.getState().load(large, { step: large.length - 1 });
    const first = selectCapnp(a.getState());
    const second = selectCapnp(b.getState());
    expect(first).not.toBe(second);
    expect(selectCapnp(a.getState())).toBe(first);
    expect(selectCapnp(b.getState())).toBe(second);
    a.getState().seek(1);
    const moved = selectCapnp(a.getState());
    expect(moved).not.toBe(first);
    expect(selectCapnp(b.getState())).toBe(second);
  });
});
