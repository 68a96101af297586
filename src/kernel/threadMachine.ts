/**
 * The thread / IPC life cycle as an XState v5 statechart. The kernel steps it only with the pure
 * `transition()` (see `threadChart.ts`); the UI draws this same definition.
 *
 * Events are what the kernel decides (dispatch, block, wake, halt); guards pick the target from the
 * event's parameters; every transition `emit`s what happened, which becomes the `cause` of the
 * kernel's `thread.state` effect.
 */
import { emit, setup } from 'xstate';
import { hasTimeout, isSwitchTarget, receivesAs } from './threadStates';
import type { ReceiveModeName } from './threadStates';

export type ThreadEvent =
  /** The scheduler puts a ready thread on the CPU. */
  | { readonly type: 'sched.dispatch' }
  /** The running thread goes back to a ready queue (timeslice end, yield, preemption). */
  | { readonly type: 'sched.preempt' }
  /** Send phase: the receiver is not waiting for this sender; queue on it. */
  | { readonly type: 'ipc.send.block'; readonly timed: boolean }
  /** Receive phase: no matching sender is queued; wait. Also Call's send → wait-for-reply. */
  | { readonly type: 'ipc.receive.block'; readonly mode: ReceiveModeName; readonly timed: boolean }
  /** A receiver picked this queued sender but runs another thread first; the sender is runnable. */
  | { readonly type: 'ipc.locked' }
  /** The IPC completed (message delivered or sent); `run`: switched to directly. */
  | { readonly type: 'ipc.complete'; readonly run: boolean }
  /** The armed send or receive timeout fired. */
  | { readonly type: 'ipc.timeout' }
  /** The partner halted while this thread waited on it. */
  | { readonly type: 'ipc.cancel' }
  /** The thread's code ran to its end. */
  | { readonly type: 'thread.exit' }
  /** The thread's code faulted. */
  | { readonly type: 'thread.fault' };

export type ThreadCause =
  | 'dispatched'
  | 'preempted'
  | 'blocked'
  | 'locked'
  | 'completed'
  | 'timedOut'
  | 'canceled'
  | 'exited'
  | 'faulted';

/** What a transition reports (`emit`). */
export interface ThreadEmitted {
  readonly type: `thread.${ThreadCause}`;
}

/** `ipc.receive.block`: one branch per (receive mode, timeout armed or not). */
const receiveBlock = (['open', 'anyLocal', 'closed', 'reply'] as const).flatMap((mode) =>
  ([false, true] as const).map((timed) => ({
    guard: { type: 'isReceiveAs' as const, params: { mode, timed } },
    target: `#thread.receiving.${mode}.${timed ? 'timed' : 'forever'}`,
    actions: 'emitBlocked' as const,
  })),
);

export const threadMachine = setup({
  types: {
    events: {} as ThreadEvent,
    emitted: {} as ThreadEmitted,
  },
  guards: {
    isTimed: ({ event }) => hasTimeout(event as { timed?: boolean }),
    isSwitchTarget: ({ event }) => isSwitchTarget(event as { run?: boolean }),
    isReceiveAs: ({ event }, params: { mode: ReceiveModeName; timed: boolean }) =>
      receivesAs(event as { mode?: ReceiveModeName }, params.mode) &&
      hasTimeout(event as { timed?: boolean }) === params.timed,
  },
  actions: {
    emitDispatched: emit({ type: 'thread.dispatched' as const }),
    emitPreempted: emit({ type: 'thread.preempted' as const }),
    emitBlocked: emit({ type: 'thread.blocked' as const }),
    emitLocked: emit({ type: 'thread.locked' as const }),
    emitCompleted: emit({ type: 'thread.completed' as const }),
    emitTimedOut: emit({ type: 'thread.timedOut' as const }),
    emitCanceled: emit({ type: 'thread.canceled' as const }),
    emitExited: emit({ type: 'thread.exited' as const }),
    emitFaulted: emit({ type: 'thread.faulted' as const }),
  },
}).createMachine({
  id: 'thread',
  initial: 'ready',
  states: {
    ready: {
      on: { 'sched.dispatch': { target: 'running', actions: 'emitDispatched' } },
    },
    running: {
      on: {
        'sched.preempt': { target: 'ready', actions: 'emitPreempted' },
        'ipc.send.block': [
          { guard: 'isTimed', target: 'sending.timed', actions: 'emitBlocked' },
          { target: 'sending.forever', actions: 'emitBlocked' },
        ],
        'ipc.receive.block': receiveBlock,
        'thread.exit': { target: 'halted', actions: 'emitExited' },
        'thread.fault': { target: 'halted', actions: 'emitFaulted' },
      },
    },
    sending: {
      initial: 'forever',
      states: {
        forever: {},
        timed: { on: { 'ipc.timeout': { target: '#thread.ready', actions: 'emitTimedOut' } } },
      },
      on: {
        'ipc.receive.block': receiveBlock,
        'ipc.locked': { target: 'ready', actions: 'emitLocked' },
        'ipc.complete': [
          { guard: 'isSwitchTarget', target: 'running', actions: 'emitCompleted' },
          { target: 'ready', actions: 'emitCompleted' },
        ],
        'ipc.cancel': { target: 'ready', actions: 'emitCanceled' },
      },
    },
    receiving: {
      initial: 'open',
      states: {
        open: waitingStates(),
        anyLocal: waitingStates(),
        closed: waitingStates(),
        reply: waitingStates(),
      },
      on: {
        'ipc.complete': [
          { guard: 'isSwitchTarget', target: 'running', actions: 'emitCompleted' },
          { target: 'ready', actions: 'emitCompleted' },
        ],
        'ipc.cancel': { target: 'ready', actions: 'emitCanceled' },
      },
    },
    halted: { type: 'final' },
  },
});

/** A receive-mode state: `forever`, or `timed` (an armed timeout that can fire). */
function waitingStates() {
  return {
    initial: 'forever' as const,
    states: {
      forever: {},
      timed: {
        on: { 'ipc.timeout': { target: '#thread.ready', actions: 'emitTimedOut' as const } },
      },
    },
  };
}

/** Every distinct event the kernel sends the chart (for path enumeration and drawing). */
export const THREAD_EVENTS: readonly ThreadEvent[] = [
  { type: 'sched.dispatch' },
  { type: 'sched.preempt' },
  { type: 'ipc.send.block', timed: false },
  { type: 'ipc.send.block', timed: true },
  ...(['open', 'anyLocal', 'closed', 'reply'] as const).flatMap((mode) =>
    [false, true].map((timed): ThreadEvent => ({ type: 'ipc.receive.block', mode, timed })),
  ),
  { type: 'ipc.locked' },
  { type: 'ipc.complete', run: false },
  { type: 'ipc.complete', run: true },
  { type: 'ipc.timeout' },
  { type: 'ipc.cancel' },
  { type: 'thread.exit' },
  { type: 'thread.fault' },
];
