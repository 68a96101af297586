import { describe, expect, it } from 'vitest';
import { getShortestPaths, getSimplePaths } from 'xstate/graph';
import { chartMove, IllegalThreadEvent, initialThreadState } from './threadChart';
import { THREAD_EVENTS, threadMachine } from './threadMachine';
import { fromStateValue, THREAD_STATES } from './threadStates';
import type { ThreadState } from './threadStates';

const options = { events: THREAD_EVENTS };
const leaf = (value: Parameters<typeof fromStateValue>[0]): ThreadState => fromStateValue(value);

describe('thread statechart paths (xstate/graph)', () => {
  const shortest = getShortestPaths(threadMachine, options);

  it('starts ready', () => {
    expect(initialThreadState()).toBe('ready');
  });

  it('reaches every state the model names, and only those', () => {
    const reached = new Set(shortest.map((p) => leaf(p.state.value)));
    expect([...reached].sort()).toEqual([...THREAD_STATES].sort());
  });

  it('a Call: running → (send) → waiting for the reply → reply arrives → ready', () => {
    const path = shortest.find((p) => leaf(p.state.value) === 'receiving.reply.forever');
    const events = path?.steps
      .map((s) => s.event.type)
      .filter((t) => (t as string) !== 'xstate.init');
    expect(events).toEqual(['sched.dispatch', 'ipc.receive.block']);
    expect(chartMove('receiving.reply.forever', { type: 'ipc.complete', run: false }).to).toBe(
      'ready',
    );
  });

  it('a blocked Call send goes straight to waiting for the reply (atomic Call)', () => {
    const m = chartMove('sending.forever', {
      type: 'ipc.receive.block',
      mode: 'reply',
      timed: true,
    });
    expect(m).toEqual({ from: 'sending.forever', to: 'receiving.reply.timed', cause: 'blocked' });
  });

  it('every simple path to halted goes through running (a thread halts only while it runs)', () => {
    const paths = getSimplePaths(threadMachine, {
      ...options,
      toState: (s) => s.value === 'halted',
    });
    expect(paths.length).toBe(2);
    for (const p of paths) {
      const last = p.steps[p.steps.length - 1];
      expect(['thread.exit', 'thread.fault']).toContain(last?.event.type);
    }
  });

  it('every simple path ends in a state of the model', () => {
    const paths = getSimplePaths(threadMachine, options);
    for (const p of paths) expect(THREAD_STATES).toContain(leaf(p.state.value));
  });
});

// Pistachio kernel/src/api/v4/threadstate.h, thread_state_t: running, polling, waiting_forever,
// waiting_timeout, halted, locked_running, locked_waiting (the model's states map onto these).
describe('thread statechart rules', () => {
  it('timeouts fire only in timed states', () => {
    expect(chartMove('sending.timed', { type: 'ipc.timeout' }).to).toBe('ready');
    expect(chartMove('receiving.open.timed', { type: 'ipc.timeout' }).cause).toBe('timedOut');
    expect(() => chartMove('sending.forever', { type: 'ipc.timeout' })).toThrow(IllegalThreadEvent);
    expect(() => chartMove('receiving.closed.forever', { type: 'ipc.timeout' })).toThrow(
      IllegalThreadEvent,
    );
  });

  it('a halted thread takes no events', () => {
    for (const e of THREAD_EVENTS) expect(() => chartMove('halted', e)).toThrow(IllegalThreadEvent);
  });

  it('only a ready thread can be dispatched; only a running thread can block', () => {
    expect(() => chartMove('running', { type: 'sched.dispatch' })).toThrow(IllegalThreadEvent);
    expect(() => chartMove('ready', { type: 'ipc.send.block', timed: false })).toThrow(
      IllegalThreadEvent,
    );
  });

  it('ThreadSwitch-like events never end an IPC: preempt/dispatch are illegal while blocked', () => {
    for (const s of THREAD_STATES.filter(
      (x) => x.startsWith('receiving') || x.startsWith('sending'),
    )) {
      expect(() => chartMove(s, { type: 'sched.dispatch' })).toThrow(IllegalThreadEvent);
      expect(() => chartMove(s, { type: 'sched.preempt' })).toThrow(IllegalThreadEvent);
    }
  });
});
