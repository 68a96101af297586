import { describe, expect, it } from 'vitest';
import { chartSlice } from './chartHistory';
import { createSimStore } from './createSimStore';
import { fakeFrameSource } from './fake/fakeFrameSource';
import {
  selectCanNext,
  selectCanPrev,
  selectChart,
  selectRegisterThreads,
  selectStepCounter,
  selectThread,
} from './selectors';
import type { MessageView } from './viewModel';

describe('selectors', () => {
  it('the step counter reads k / n with n the last step', () => {
    const store = createSimStore();
    expect(selectStepCounter(store.getState())).toBe('0 / 0');
    store.getState().load(fakeFrameSource({ steps: 21 }), { step: 7 });
    expect(selectStepCounter(store.getState())).toBe('7 / 20');
    expect(selectCanPrev(store.getState())).toBe(true);
    store.getState().last();
    expect(selectCanNext(store.getState())).toBe(false);
  });

  it('at a transfer the register panel shows the sender and the receiver, then the selection', () => {
    const store = createSimStore();
    store.getState().load(fakeFrameSource({ threads: 3 }), { step: 3 });
    expect(store.getState().frame?.changes.transfer).toMatchObject({
      from: 'client1',
      to: 'memserver',
    });
    expect(selectRegisterThreads(store.getState())).toEqual(['client1', 'memserver']);
    store.getState().select('client2');
    expect(selectRegisterThreads(store.getState())).toEqual(['client1', 'memserver', 'client2']);
    store.getState().seek(1);
    expect(selectRegisterThreads(store.getState())).toEqual(['client2']);
    store.getState().select(null);
    expect(selectRegisterThreads(store.getState())).toEqual(['client1']);
  });

  it('derived selectors return the same object while their inputs stay the same', () => {
    const store = createSimStore();
    store.getState().load(fakeFrameSource({ threads: 3 }), { step: 5 });
    const a = selectChart(store.getState());
    store.getState().select('client1');
    expect(selectChart(store.getState())).toBe(a);
    expect(selectRegisterThreads(store.getState())).toBe(selectRegisterThreads(store.getState()));
    expect(selectThread('memserver')(store.getState())?.name).toBe('memserver');
    expect(selectThread('nobody')(store.getState())).toBeNull();
  });
});

describe('chartSlice', () => {
  it('holds one message per IPC so far, and none from the future', () => {
    const source = fakeFrameSource({ threads: 3, steps: 41 });
    expect(chartSlice(source, 2, 60).messages).toEqual([]);
    const at5 = chartSlice(source, 5, 60);
    expect(at5.messages.map((m) => [m.step, m.from, m.to])).toEqual([
      [3, 'client1', 'memserver'],
      [5, 'memserver', 'client1'],
    ]);
    // Going back after going further gives the same answer.
    chartSlice(source, 40, 60);
    expect(chartSlice(source, 5, 60)).toEqual(at5);
  });

  it('keeps only the newest messages past the limit, with the blocked bars around them', () => {
    const source = fakeFrameSource({ threads: 3, steps: 200 });
    const slice = chartSlice(source, 199, 10);
    // 40 Calls and 39 replies: frame 199 is round 39's server work, before its reply.
    expect(slice.total).toBe(79);
    expect(slice.messages).toHaveLength(10);
    expect(slice.fromStep).toBe(slice.messages[0]?.step);
    for (const bar of slice.blocked) {
      expect(bar.to === null || bar.to > slice.fromStep).toBe(true);
      expect(bar.from).toBeLessThanOrEqual(199);
    }
  });

  it('a far jump rescans only a bounded stretch before the target and gives the same chart', () => {
    const source = fakeFrameSource({ threads: 4, steps: 20_000 });
    const calls: number[] = [];
    const counted = { ...source, summary: (i: number) => (calls.push(i), source.summary(i)) };
    const far = chartSlice(counted, 19_000, 10);
    expect(calls.length).toBeLessThan(1_000);
    const all: MessageView[] = [];
    for (let i = 0; i <= 19_000; i++) all.push(...source.summary(i).messages);
    expect(far.messages).toEqual(all.slice(-10));
    expect(far.total).toBeNull();
    const open = far.blocked.filter((b) => b.to === null).map((b) => b.thread);
    expect(open.sort()).toEqual(
      source
        .blocked(19_000)
        .map((b) => b.thread)
        .sort(),
    );
  });

  it('a blocked period runs from the step a thread blocks to the step it is released', () => {
    const source = fakeFrameSource({ threads: 2, steps: 12 });
    // memserver waits from frame 0 until client1's Call at frame 3; client1 waits for the reply
    // from frame 3 until the reply at frame 5.
    const { blocked } = chartSlice(source, 11, 60);
    expect(blocked.slice(0, 3)).toEqual([
      { thread: 'memserver', kind: 'receiving', from: 0, to: 3 },
      { thread: 'client1', kind: 'receiving', from: 3, to: 5 },
      { thread: 'memserver', kind: 'receiving', from: 5, to: 8 },
    ]);
    expect(chartSlice(source, 4, 60).blocked.at(-1)).toEqual({
      thread: 'client1',
      kind: 'receiving',
      from: 3,
      to: null,
    });
  });
});
