/**
 * The thread statechart's states as plain strings (the snapshot stores these), and the pure helpers
 * the machine's named guards and actions wrap.
 *
 * Pistachio's states (reference-semantics §9) map to: running/ready = `running` (on the CPU or in a ready
 * queue); sending = `polling` (queued on the receiver); receiving = `waiting_forever` /
 * `waiting_timeout`, split by how the receive names its partner; halted = `halted`.
 */
import type { StateValue } from 'xstate';

export type ReceiveModeName = 'open' | 'anyLocal' | 'closed' | 'reply';
export type TimeoutKind = 'forever' | 'timed';

export type ThreadState =
  | 'ready'
  | 'running'
  | `sending.${TimeoutKind}`
  | `receiving.${ReceiveModeName}.${TimeoutKind}`
  | 'halted';

export const RECEIVE_MODES: readonly ReceiveModeName[] = ['open', 'anyLocal', 'closed', 'reply'];
export const TIMEOUT_KINDS: readonly TimeoutKind[] = ['forever', 'timed'];

/** Every leaf state, in drawing order. */
export const THREAD_STATES: readonly ThreadState[] = [
  'ready',
  'running',
  'sending.forever',
  'sending.timed',
  ...RECEIVE_MODES.flatMap((m) => TIMEOUT_KINDS.map((k): ThreadState => `receiving.${m}.${k}`)),
  'halted',
];

const KNOWN = new Set<string>(THREAD_STATES);

/** `'receiving.reply.timed'` → `{ receiving: { reply: 'timed' } }`. */
export function toStateValue(state: ThreadState): StateValue {
  const parts = state.split('.');
  let value: StateValue = parts[parts.length - 1] ?? state;
  for (let i = parts.length - 2; i >= 0; i--) value = { [parts[i] ?? '']: value };
  return value;
}

/** The inverse of `toStateValue`; throws on a value that is not a leaf of the thread chart. */
export function fromStateValue(value: StateValue): ThreadState {
  const parts: string[] = [];
  let v: StateValue = value;
  while (typeof v !== 'string') {
    const keys = Object.keys(v);
    const key = keys[0];
    if (keys.length !== 1 || key === undefined) throw new Error('thread chart: not a leaf state');
    parts.push(key);
    const next = v[key];
    if (next === undefined) throw new Error('thread chart: not a leaf state');
    v = next;
  }
  parts.push(v);
  const state = parts.join('.');
  if (!KNOWN.has(state)) throw new Error(`thread chart: unknown state ${state}`);
  return state as ThreadState;
}

export function isSendingState(state: ThreadState): boolean {
  return state.startsWith('sending.');
}

export function isReceivingState(state: ThreadState): boolean {
  return state.startsWith('receiving.');
}

/** The receive mode of a `receiving.*` state, else null. */
export function receiveModeOf(state: ThreadState): ReceiveModeName | null {
  if (!isReceivingState(state)) return null;
  return (state.split('.')[1] ?? null) as ReceiveModeName | null;
}

/** Guard helper: does a blocking event carry an armed timeout? */
export function hasTimeout(event: { readonly timed?: boolean }): boolean {
  return event.timed === true;
}

/** Guard helper: is a woken thread switched to directly (rather than made ready)? */
export function isSwitchTarget(event: { readonly run?: boolean }): boolean {
  return event.run === true;
}

/** Guard helper: does the blocking receive name its partner the given way? */
export function receivesAs(
  event: { readonly mode?: ReceiveModeName },
  mode: ReceiveModeName,
): boolean {
  return event.mode === mode;
}
