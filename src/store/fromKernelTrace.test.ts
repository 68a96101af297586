import { describe, expect, it } from 'vitest';
import { globalId } from '../kernel/abi/threadId';
import { ZERO_TIME } from '../kernel/abi/time';
import { boot, FIRST_THREAD_NO, recordTrace } from '../kernel/index';
import { scriptProgram } from '../kernel/scriptProgram';
import type { BootSpec, Programs } from '../kernel/index';
import { chartSlice } from './chartHistory';
import { createSimStore } from './createSimStore';
import { fromKernelTrace, threadStatechart } from './fromKernelTrace';
import type { FrameSource, ScenarioMeta } from './viewModel';

const spec: BootSpec = {
  spaces: [{ name: 'apps' }, { name: 'srv' }],
  threads: [
    { name: 'client', space: 'apps', priority: 100 },
    { name: 'adder', space: 'srv', priority: 200 },
  ],
};
const id = (index: number) => globalId(FIRST_THREAD_NO + BigInt(index), 1n, 'amd64');
const CLIENT = id(0);
const ADDER = id(1);

const meta: ScenarioMeta = {
  id: 'test-call',
  title: 'Call and reply',
  teaches: 'A Call is a send and a closed receive.',
  abi: 'amd64',
  threads: [
    { name: 'client', firstLine: 1, lines: ['tag', 'mr1', 'mr2', 'call'] },
    { name: 'adder', firstLine: 1, lines: ['wait', 'tag', 'mr1', 'reply', 'timeout'] },
  ],
};

function source(programs: Programs, fieldNames?: readonly string[]): FrameSource {
  const trace = recordTrace(boot(spec, programs), programs, 100);
  return fromKernelTrace({
    meta,
    sourceText: 'line one\nline two\nline three\nline four\nline five',
    trace,
    ...(fieldNames
      ? {
          fieldNames: (_thread: string, tag: { label: bigint }) =>
            tag.label === 0xaddn ? fieldNames : undefined,
        }
      : {}),
    labelNames: (label) => (label === 0xaddn ? 'ADD' : undefined),
  });
}

const callReply: Programs = {
  client: scriptProgram([
    { op: 'tag', label: 0xaddn, u: 2 },
    { op: 'loadMrs', start: 1, values: [40n, 2n] },
    { op: 'ipc', wrapper: 'L4_Call', args: [ADDER] },
  ]),
  adder: scriptProgram([
    { op: 'ipc', wrapper: 'L4_Wait', args: [] },
    { op: 'tag', label: 0n, u: 1 },
    { op: 'loadMr', index: 1, value: 42n },
    { op: 'ipc', wrapper: 'L4_Reply', args: [CLIENT] },
    { op: 'ipc', wrapper: 'L4_Receive_Timeout', args: [CLIENT, ZERO_TIME] },
  ]),
};

/** A frame whose step only runs a user statement of one thread. */
function firstQuiet(src: FrameSource): number {
  return find(src, (i) => i > 1 && !src.summary(i).kernelEvent);
}

function find(src: FrameSource, test: (i: number) => boolean): number {
  for (let i = 0; i < src.length; i++) if (test(i)) return i;
  throw new Error('no such frame');
}

describe('fromKernelTrace', () => {
  it('a Call shows the request in the server registers, named by the struct, with the changed words', () => {
    const src = source(callReply, ['a', 'b']);
    const call = find(src, (i) => src.frame(i).changes.transfer?.from === 'client');
    const f = src.frame(call);
    expect(f.changes.transfer).toMatchObject({
      from: 'client',
      to: 'adder',
      label: 'ADD',
      failed: false,
    });
    const adder = f.threads.find((t) => t.name === 'adder');
    expect(adder?.registers.mrs.slice(0, 3)).toEqual([0xadd0002n, 40n, 2n]);
    expect(adder?.registers.changed).toEqual([0, 1, 2]);
    expect(adder?.registers.fieldNames).toEqual(['a', 'b']);
    expect(f.threads.find((t) => t.name === 'client')?.stateLabel).toBe(
      'waiting for the reply from adder',
    );
    expect(f.narration).toMatch(/client calls adder.*copies MR0..MR2/);
    expect(src.summary(call).kernelEvent).toBe(true);
  });

  it('a user statement of a program that cannot explain itself names its line, not a kernel event', () => {
    const src = source(callReply);
    const first = find(src, (i) => i > 0 && !src.summary(i).kernelEvent);
    expect(src.frame(first).narration).toMatch(/^client runs line \d+\.$/);
    expect(src.frame(0).narration).toBe(meta.teaches);
  });

  it('a failed receive is a crossed-out message, with E in MR0 and the ErrorCode decoded', () => {
    const src = source(callReply);
    const fail = find(src, (i) => src.summary(i).messages.some((m) => m.failed));
    const [msg] = src.summary(fail).messages;
    expect(msg).toMatchObject({
      from: 'client',
      to: 'adder',
      failed: true,
      error: 'receive phase: timeout',
    });
    const adder = src.frame(fail).threads.find((t) => t.name === 'adder');
    expect((adder?.registers.tag.flags ?? 0) & 8).toBe(8);
    expect(adder?.registers.errorCode).toMatchObject({
      phase: 'receive',
      code: 1,
      description: 'timeout',
    });
    const slice = chartSlice(src, src.length - 1, 60);
    expect(slice.messages.map((m) => [m.from, m.to, m.failed])).toEqual([
      ['client', 'adder', false],
      ['adder', 'client', false],
      ['client', 'adder', true],
    ]);
  });

  it('the chart bars follow the thread states: the client waits for the reply between the two transfers', () => {
    const src = source(callReply);
    const slice = chartSlice(src, src.length - 1, 60);
    const [call, reply] = slice.messages;
    expect(slice.blocked).toContainEqual({
      thread: 'client',
      kind: 'receiving',
      from: call?.step,
      to: reply?.step,
    });
  });

  it('the last frame reports the outcome, and the store steps through it without replaying', () => {
    const src = source(callReply);
    const store = createSimStore();
    store.getState().load(src);
    store.getState().last();
    expect(store.getState().frame?.outcome).toEqual({ kind: 'finished' });
    expect(store.getState().frame?.threads.every((t) => t.stateKind === 'halted')).toBe(true);
    store.getState().first();
    expect(store.getState().frame?.threads.map((t) => t.stateKind)).toEqual(['ready', 'running']);
  });

  it('a thread that did not change between two steps keeps its view object (panels skip it)', () => {
    const src = source(callReply);
    const quiet = firstQuiet(src);
    const [a, b] = [src.frame(quiet - 1), src.frame(quiet)];
    const same = b.threads.filter((t, k) => t === a.threads[k]).map((t) => t.name);
    expect(same.length).toBeGreaterThan(0);
    for (const t of b.threads) {
      const old = a.threads.find((x) => x.name === t.name);
      if (old === t) continue;
      expect(
        JSON.stringify(old, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)),
      ).not.toBe(JSON.stringify(t, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));
    }
  });

  it('the statechart drawn is the kernel machine: its top-level states and a transfer out of receiving', () => {
    const chart = threadStatechart();
    expect(chart.states.filter((s) => s.parent === null).map((s) => s.id)).toEqual([
      'ready',
      'running',
      'sending',
      'receiving',
      'halted',
    ]);
    expect(chart.states).toContainEqual({
      id: 'receiving.reply',
      label: 'waiting for the reply',
      parent: 'receiving',
    });
    expect(chart.transitions).toContainEqual({
      from: 'receiving',
      to: 'running',
      event: 'transfer',
    });
  });
});
