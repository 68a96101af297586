import { describe, expect, it } from 'vitest';
import { builtinRun } from './testKit';
import { eventsOf, haltedText, TRACE_FORMAT, TRACE_VERSION, toJson } from './traceJson';
import { formatTraceJson } from './traceText';

describe('the rendezvous-trace JSON', () => {
  const { run, json } = builtinRun('call-reply', 'ia32');

  it('has the keys of the format, version 1, in order', () => {
    expect(Object.keys(json)).toEqual([
      'format',
      'version',
      'scenario',
      'abi',
      'steps',
      'outcome',
      'time',
      'events',
      'threads',
      'spaces',
    ]);
    expect(json).toMatchObject({
      format: TRACE_FORMAT,
      version: TRACE_VERSION,
      scenario: 'call-reply',
      abi: 'ia32',
    });
    expect(json.format).toBe('rendezvous-trace');
    expect(json.steps).toBe(run.trace.length - 1);
  });

  it('gives every event its step, time in µs and kind, in step order', () => {
    let last = 0;
    for (const e of json.events) {
      expect(Number.isInteger(e.step) && Number.isInteger(e.time) && typeof e.kind).toBe('string');
      expect(e.step).toBeGreaterThanOrEqual(last);
      last = e.step;
    }
    const kinds = new Set(json.events.map((e) => e.kind));
    for (const k of ['ipc.transfer', 'ipc.error', 'thread.state', 'switch', 'narrate', 'cue']) {
      expect(kinds).toContain(k);
    }
    expect(kinds).not.toContain('statement');
  });

  it('names threads and writes words as 0x… lowercase hex', () => {
    const error = json.events.find((e) => e.kind === 'ipc.error');
    expect(error).toMatchObject({
      thread: 'adder',
      phase: 'send',
      code: 1,
      errorCode: '0x2',
      partner: 'client',
    });
    const client = json.threads.client;
    expect(client?.mrs).toHaveLength(64);
    for (const w of client?.mrs ?? []) expect(w).toMatch(/^0x[0-9a-f]+$/);
    expect(client).toMatchObject({
      id: '0x400001',
      state: 'halted',
      errorCode: '0x0',
      halted: 'exit',
    });
  });

  it('prints to a file as the same JSON, one event per line', () => {
    const text = formatTraceJson(json);
    expect(JSON.parse(text)).toEqual(json);
    const items =
      json.events.length + Object.keys(json.threads).length + Object.keys(json.spaces).length;
    // '{', 7 head keys, 3 × (opening line + closing line), '}', then the final newline.
    expect(text.split('\n').length).toBe(items + 1 + 7 + 6 + 1 + 1);
  });
});

describe('parts of the format', () => {
  it('describes a halted thread: exit, or the fault with its place', () => {
    expect(haltedText(null)).toBeNull();
    expect(haltedText({ kind: 'exit' })).toBe('exit');
    expect(
      haltedText({ kind: 'fault', reason: 'division by zero', loc: { line: 9, column: 3 } }),
    ).toBe('division by zero (line 9, column 3)');
  });

  it('converts bigints to hex and drops undefined fields', () => {
    expect(toJson({ a: 255n, b: undefined, c: [1n, 'x', null] })).toEqual({
      a: '0xff',
      c: ['0x1', 'x', null],
    });
  });

  it('lists user-mode effects with the line of their statement, and names server ids', () => {
    const events = eventsOf(
      [
        { kind: 'statement', thread: 's', loc: { line: 7, column: 5 } },
        {
          kind: 'user',
          thread: 's',
          effect: { kind: 'server', op: 'rq_push', detail: { thread: '0x400001', length: '1' } },
        },
        { kind: 'fastpath', thread: 's', tag: 0x770001n },
      ],
      3,
      12,
      new Map([['0x400001', 'editor']]),
    );
    expect(events).toEqual([
      {
        step: 3,
        time: 12,
        kind: 'server',
        thread: 's',
        line: 7,
        op: 'rq_push',
        detail: { thread: '0x400001', length: '1' },
        names: { thread: 'editor' },
      },
      { step: 3, time: 12, kind: 'fastpath', thread: 's', line: 7, tag: '0x770001' },
    ]);
  });
});
