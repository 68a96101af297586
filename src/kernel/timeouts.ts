/**
 * IPC timeouts on the simulated microsecond clock. `Never` (raw 0) never fires; `ZeroTime` (raw
 * exactly 0x400, as the kernel's `is_zero()` tests) fails at once; a period m·2^e µs fires at
 * now + m·2^e. Time points are unimplemented in Pistachio's kernel (`UNIMPLEMENTED()`); the model
 * treats them as Never.
 */
import { decodeTime, receiveTimeout, sendTimeout } from './abi/time';
import type { Word } from './abi/word';
import type { Draft } from './draft';
import type { TimeoutInfo } from './effects';
import type { PendingTimeout, ThreadIndex } from './types';

/** Decoded times, memoized by raw word (a pure cache; at most 2^16 entries). */
const decoded = new Map<Word, TimeoutInfo>();

export function timeoutInfo(raw: Word): TimeoutInfo {
  let info = decoded.get(raw);
  if (info === undefined) {
    const d = decodeTime(raw);
    info =
      d.kind === 'never' || d.kind === 'point'
        ? { kind: d.kind, us: null }
        : { kind: d.kind, us: d.kind === 'zero' ? 0 : Number(d.us ?? 0n) };
    decoded.set(raw, info);
  }
  return info;
}

export function sendTimeoutInfo(timeouts: Word): TimeoutInfo {
  return timeoutInfo(sendTimeout(timeouts));
}

export function receiveTimeoutInfo(timeouts: Word): TimeoutInfo {
  return timeoutInfo(receiveTimeout(timeouts));
}

/** The deadline a blocking phase arms: null for Never (and time points). */
export function deadlineFor(k: Draft, info: TimeoutInfo): number | null {
  return info.us === null ? null : k.now + info.us;
}

/** Arms thread `i`'s timeout at `at`, keeping the list ordered by (at, seq). */
export function armTimeout(k: Draft, i: ThreadIndex, phase: 'send' | 'receive', at: number): void {
  const entry: PendingTimeout = { thread: i, phase, at, seq: k.seq };
  k.seq += 1;
  const list = k.timeouts;
  let pos = list.length;
  while (pos > 0 && (list[pos - 1]?.at ?? 0) > at) pos--;
  k.timeouts = [...list.slice(0, pos), entry, ...list.slice(pos)];
}

export function cancelTimeout(k: Draft, i: ThreadIndex): void {
  if (k.timeouts.some((t) => t.thread === i)) k.timeouts = k.timeouts.filter((t) => t.thread !== i);
}
