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

/**
 * The words a state node carries (`meta`): the statechart panel, the thread badges, the narration
 * and the CLI all read them from here (`stateWords.ts`), so the wording has one home.
 */
export interface ThreadStateMeta {
  /** A short phrase for the state: "open receive", "timeout armed". */
  readonly label: string;
  /** One word for tight places (badges, compact columns). */
  readonly short: string;
  /** A symbol that signals the state besides colour (top-level states). */
  readonly symbol?: string;
  /** Where the statechart panel draws a top-level state: [column, row]. */
  readonly chart?: readonly [number, number];
}

const FOREVER: ThreadStateMeta = { label: 'no timeout', short: '∞' };
const TIMED: ThreadStateMeta = { label: 'timeout armed', short: '⏱' };

export const threadMachine = setup({
  types: {
    events: {} as ThreadEvent,
    emitted: {} as ThreadEmitted,
    meta: {} as ThreadStateMeta,
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
      meta: { label: 'ready', short: 'ready', symbol: '○', chart: [0, 0] },
      on: { 'sched.dispatch': { target: 'running', actions: 'emitDispatched' } },
    },
    running: {
      meta: { label: 'running', short: 'running', symbol: '●', chart: [1, 0] },
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
      meta: { label: 'blocked sending', short: 'sending', symbol: '⇢', chart: [0, 1] },
      initial: 'forever',
      states: {
        forever: { meta: FOREVER },
        timed: {
          meta: TIMED,
          on: { 'ipc.timeout': { target: '#thread.ready', actions: 'emitTimedOut' } },
        },
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
      meta: { label: 'blocked receiving', short: 'receiving', symbol: '⇠', chart: [1, 1] },
      initial: 'open',
      states: {
        open: waitingStates({ label: 'open receive', short: 'open' }),
        anyLocal: waitingStates({ label: 'any-local receive', short: 'any-local' }),
        closed: waitingStates({ label: 'closed receive', short: 'closed' }),
        reply: waitingStates({ label: 'waiting for the reply', short: 'reply' }),
      },
      on: {
        'ipc.complete': [
          { guard: 'isSwitchTarget', target: 'running', actions: 'emitCompleted' },
          { target: 'ready', actions: 'emitCompleted' },
        ],
        'ipc.cancel': { target: 'ready', actions: 'emitCanceled' },
      },
    },
    halted: {
      type: 'final',
      meta: { label: 'halted', short: 'halted', symbol: '■', chart: [2, 0] },
    },
  },
});

/** A receive-mode state: `forever`, or `timed` (an armed timeout that can fire). */
function waitingStates(meta: ThreadStateMeta) {
  return {
    meta,
    initial: 'forever' as const,
    states: {
      forever: { meta: FOREVER },
      timed: {
        meta: TIMED,
        on: { 'ipc.timeout': { target: '#thread.ready', actions: 'emitTimedOut' as const } },
      },
    },
  };
}

/** How the statechart panel labels each event's edges. */
export const THREAD_EVENT_LABELS: Readonly<Record<ThreadEvent['type'], string>> = {
  'sched.dispatch': 'dispatch',
  'sched.preempt': 'preempt',
  'ipc.send.block': 'send blocks',
  'ipc.receive.block': 'receive blocks',
  'ipc.locked': 'picked',
  'ipc.complete': 'transfer',
  'ipc.timeout': 'timeout',
  'ipc.cancel': 'cancel',
  'thread.exit': 'exit',
  'thread.fault': 'fault',
};

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
