import { describe, expect, it } from 'vitest';
import { chartSlice } from './chartHistory';
import { createSimStore } from './createSimStore';
import { lessonSource, stressSource, transferStep } from './testSupport/lessonSource';
import {
  AHEAD_LIMIT,
  selectCanNext,
  selectCanPrev,
  selectChart,
  selectChartAhead,
  selectJustRan,
  selectRegisterThreads,
  selectStepCounter,
  selectThread,
} from './selectors';
import type { MessageView } from './viewModel';

describe('selectors', () => {
  it('the step counter reads k / n with n the last step', () => {
    const store = createSimStore();
    expect(selectStepCounter(store.getState())).toBe('0 / 0');
    const source = lessonSource('call-reply');
    store.getState().load(source, { step: 7 });
    expect(selectStepCounter(store.getState())).toBe(`7 / ${source.length - 1}`);
    expect(selectCanPrev(store.getState())).toBe(true);
    store.getState().last();
    expect(selectCanNext(store.getState())).toBe(false);
  });

  it('at a transfer the register panel shows the sender and the receiver, then the selection', () => {
    const store = createSimStore();
    // server-loop: first and second call doubler, which replies to each.
    const source = lessonSource('server-loop');
    const call = transferStep(source, 'first', 'doubler');
    store.getState().load(source, { step: call });
    expect(store.getState().frame?.changes.transfer).toMatchObject({
      from: 'first',
      to: 'doubler',
    });
    expect(selectRegisterThreads(store.getState())).toEqual(['first', 'doubler']);
    store.getState().select('second');
    expect(selectRegisterThreads(store.getState())).toEqual(['first', 'doubler', 'second']);
    store.getState().seek(0);
    expect(selectRegisterThreads(store.getState())).toEqual(['second']);
    store.getState().select(null);
    // With no transfer and no selection: the thread that runs.
    expect(selectRegisterThreads(store.getState())).toEqual([store.getState().frame?.running]);
  });

  it('derived selectors return the same object while their inputs stay the same', () => {
    const store = createSimStore();
    store.getState().load(lessonSource('server-loop'), { step: 5 });
    const a = selectChart(store.getState());
    store.getState().select('first');
    expect(selectChart(store.getState())).toBe(a);
    expect(selectRegisterThreads(store.getState())).toBe(selectRegisterThreads(store.getState()));
    expect(selectThread('doubler')(store.getState())?.name).toBe('doubler');
    expect(selectThread('nobody')(store.getState())).toBeNull();
  });
});

describe('selectors per store', () => {
  it('two stores side by side keep their own memoised results', () => {
    const a = createSimStore();
    const b = createSimStore();
    a.getState().load(lessonSource('server-loop'), { step: 5 });
    b.getState().load(lessonSource('call-reply'), { step: 9 });
    const chartA = selectChart(a.getState());
    const slotsA = selectRegisterThreads(a.getState());
    // Reading b in between does not evict a's results.
    expect(selectChart(b.getState())).not.toBe(chartA);
    selectRegisterThreads(b.getState());
    expect(selectChart(a.getState())).toBe(chartA);
    expect(selectRegisterThreads(a.getState())).toBe(slotsA);
  });

  it('the IPCs to come are the next few after the cursor, in order, within the look ahead', () => {
    const store = createSimStore();
    const source = stressSource(4, 3000);
    store.getState().load(source, { step: 0 });
    for (const step of [0, 17, 1500, 2990, 640, 3000]) {
      store.getState().seek(step);
      const coming = selectChartAhead(store.getState());
      const end = Math.min(source.length - 1, step + 80);
      // Every IPC of the steps after the cursor, as the chart's history would list them.
      const all = chartSlice(source, end, 10_000).messages.filter((m) => m.step > step);
      expect(coming).toEqual(all.slice(0, AHEAD_LIMIT));
      if (step < 2900) expect(coming.length).toBe(AHEAD_LIMIT);
    }
  });

  it("the line just run is the previous frame's running thread's next line", () => {
    const store = createSimStore();
    const source = lessonSource('call-reply');
    store.getState().load(source, { step: 0 });
    expect(selectJustRan(store.getState())).toBeNull();
    for (let step = 1; step < Math.min(source.length, 30); step++) {
      store.getState().seek(step);
      const before = source.frame(step - 1);
      const ran = selectJustRan(store.getState());
      const thread = before.threads.find((t) => t.name === before.running);
      if (!thread || thread.currentLine === null) expect(ran).toBeNull();
      else expect(ran).toEqual({ thread: thread.name, line: thread.currentLine });
    }
  });
});

describe('chartSlice', () => {
  it('holds one message per IPC so far, and none from the future', () => {
    const source = lessonSource('call-reply');
    const call = transferStep(source, 'client', 'adder');
    const reply = transferStep(source, 'adder', 'client');
    expect(chartSlice(source, call - 1, 60).messages).toEqual([]);
    const atReply = chartSlice(source, reply, 60);
    expect(atReply.messages.map((m) => [m.step, m.from, m.to])).toEqual([
      [call, 'client', 'adder'],
      [reply, 'adder', 'client'],
    ]);
    // Going back after going further gives the same answer.
    chartSlice(source, source.length - 1, 60);
    expect(chartSlice(source, reply, 60)).toEqual(atReply);
  });

  it('keeps only the newest messages past the limit, with the blocked bars around them', () => {
    const source = stressSource(3, 200);
    const slice = chartSlice(source, 199, 10);
    let all = 0;
    for (let i = 0; i <= 199; i++) all += source.summary(i).messages.length;
    expect(all).toBeGreaterThan(10);
    expect(slice.total).toBe(all);
    expect(slice.messages).toHaveLength(10);
    expect(slice.fromStep).toBe(slice.messages[0]?.step);
    for (const bar of slice.blocked) {
      expect(bar.to === null || bar.to > slice.fromStep).toBe(true);
      expect(bar.from).toBeLessThanOrEqual(199);
    }
  });

  it('a far jump rescans only a bounded stretch before the target and gives the same chart', () => {
    const source = stressSource(4, 20_000);
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
    // call-reply: adder waits in an open receive until client's Call, then client waits for the
    // reply until adder sends it.
    const source = lessonSource('call-reply');
    const call = transferStep(source, 'client', 'adder');
    const reply = transferStep(source, 'adder', 'client');
    const { blocked } = chartSlice(source, source.length - 1, 60);
    const adderWait = blocked.find((b) => b.thread === 'adder');
    expect(adderWait).toMatchObject({ kind: 'receiving', to: call });
    expect(blocked.find((b) => b.thread === 'client' && b.from === call)).toEqual({
      thread: 'client',
      kind: 'receiving',
      from: call,
      to: reply,
    });
    expect(chartSlice(source, call, 60).blocked.at(-1)).toMatchObject({
      thread: 'client',
      from: call,
      to: null,
    });
  });
});
