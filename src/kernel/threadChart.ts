/**
 * Steps a thread's statechart: the snapshot holds only the state string; it is resolved with
 * `threadMachine.resolveState` and advanced with the pure `transition()`.
 *
 * The machine has no context and its guards read only the event, so (state, event) determines the
 * result; results are memoized (a pure cache: the same inputs always give the same answer), which
 * keeps XState off the hot path after the first occurrence of each move.
 */
import { initialTransition, transition } from 'xstate';
import type { AnyMachineSnapshot } from 'xstate';
import { threadMachine } from './threadMachine';
import type { ThreadCause, ThreadEvent } from './threadMachine';
import { fromStateValue, toStateValue } from './threadStates';
import type { ThreadState } from './threadStates';

export interface ChartMove {
  readonly from: ThreadState;
  readonly to: ThreadState;
  /** From the transition's `emit`. */
  readonly cause: ThreadCause;
}

export class IllegalThreadEvent extends Error {
  constructor(state: ThreadState, event: ThreadEvent) {
    super(`thread statechart: event ${event.type} is not allowed in state ${state}`);
    this.name = 'IllegalThreadEvent';
  }
}

const resolved = new Map<ThreadState, AnyMachineSnapshot>();
/** Memo: state → event code → move. */
const moves = new Map<ThreadState, (ChartMove | undefined)[]>();

/** The machine's initial state (`ready`), from `initialTransition`. */
export function initialThreadState(): ThreadState {
  const [snapshot] = initialTransition(threadMachine);
  return fromStateValue(snapshot.value);
}

function resolve(state: ThreadState): AnyMachineSnapshot {
  let snapshot = resolved.get(state);
  if (snapshot === undefined) {
    snapshot = threadMachine.resolveState({ value: toStateValue(state), context: {} });
    resolved.set(state, snapshot);
  }
  return snapshot;
}

const MODE_CODE = { open: 0, anyLocal: 1, closed: 2, reply: 3 } as const;

/** A small number per distinct event (its type and parameters): the memo's key without a string. */
function eventCode(event: ThreadEvent): number {
  switch (event.type) {
    case 'sched.dispatch':
      return 0;
    case 'sched.preempt':
      return 1;
    case 'ipc.locked':
      return 2;
    case 'ipc.timeout':
      return 3;
    case 'ipc.cancel':
      return 4;
    case 'thread.exit':
      return 5;
    case 'thread.fault':
      return 6;
    case 'ipc.complete':
      return event.run ? 8 : 7;
    case 'ipc.send.block':
      return event.timed ? 10 : 9;
    case 'ipc.receive.block':
      return 11 + MODE_CODE[event.mode] * 2 + (event.timed ? 1 : 0);
  }
}

/** Applies `event` to a thread in `state`; throws IllegalThreadEvent if the chart has no such move. */
export function chartMove(state: ThreadState, event: ThreadEvent): ChartMove {
  const code = eventCode(event);
  let row = moves.get(state);
  const cached = row?.[code];
  if (cached !== undefined) return cached;
  const before = resolve(state);
  const [after, actions] = transition(threadMachine, before, event);
  // Named `emit` actions come back executable with type 'xstate.emit' (XState types them by name).
  const executable = actions as readonly { readonly type: string; readonly params?: unknown }[];
  const emitted = executable.find((a) => a.type === 'xstate.emit');
  const params = emitted?.params as { event?: { type?: string } } | undefined;
  const type = params?.event?.type;
  if (after === before || type === undefined) throw new IllegalThreadEvent(state, event);
  const move: ChartMove = {
    from: state,
    to: fromStateValue(after.value),
    cause: type.slice('thread.'.length) as ThreadCause,
  };
  if (row === undefined) moves.set(state, (row = []));
  row[code] = move;
  return move;
}
