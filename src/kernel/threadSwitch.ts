/**
 * `L4_ThreadSwitch(dest)` (reference-semantics §8, Pistachio `SYS_THREAD_SWITCH`): dest = self is a no-op;
 * a runnable dest with exactly that global id gets the caller's timeslice (the caller goes to the
 * back of its ready queue and dest runs); anything else — nilthread, a blocked, halted or unknown
 * dest — is a plain yield (the caller's timeslice is renewed, it goes to the back of its queue, and
 * the highest-priority ready thread runs, possibly the caller again). It never ends an IPC.
 */
import type { Word } from './abi/word';
import type { Draft } from './draft';
import { resolveIn } from './ids';
import { endTimeslice, preemptCurrent, runThread } from './scheduler';
import type { ThreadIndex } from './types';

export function sysThreadSwitch(k: Draft, t: ThreadIndex, dest: Word): void {
  const d = dest === 0n ? null : resolveIn(k, t, dest);
  const target = d === null ? null : k.thread(d);
  const result =
    d === t
      ? 'self'
      : target !== null && target.state === 'ready' && target.id === dest
        ? 'donate'
        : 'yield';
  k.emit({
    kind: 'syscall.threadSwitch',
    thread: k.name(t),
    dest,
    destName: target?.name ?? null,
    result,
  });
  k.update(t, { resume: { kind: 'threadSwitch' } });
  if (result === 'self') return;
  if (result === 'donate' && d !== null) {
    preemptCurrent(k, false);
    runThread(k, d, 'donate', true);
    return;
  }
  endTimeslice(k, 'yield');
}
