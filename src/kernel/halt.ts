/**
 * A thread halts when its code ends (`exit`) or faults. Every IPC that waits on it specifically is
 * canceled as `tcb_t::unwind(abort)` would cancel them (Pistachio `kernel/src/api/v4/thread.cc`):
 * threads queued to send to it (send phase, 0x6, tag = their own MR0 with E set) and threads in a
 * closed receive from it, including a Call waiting for its reply (receive phase, 0x7, tag 0x8000).
 * Open and any-local receivers are not affected.
 */
import { IPC_ERROR } from './abi/errorCode';
import type { Draft } from './draft';
import { ipcFail, unwindTag } from './ipcResult';
import { vacate, wakeReady } from './scheduler';
import { cancelTimeout } from './timeouts';
import type { HaltReason, ThreadIndex } from './types';

export function haltThread(k: Draft, h: ThreadIndex, reason: HaltReason): void {
  const queue = k.thread(h).sendQueue;
  k.move(h, { type: reason.kind === 'exit' ? 'thread.exit' : 'thread.fault' });
  k.update(h, { halt: reason, wait: null, sendQueue: [] });
  k.emit({ kind: 'halt', thread: k.name(h), reason });
  if (k.current === h) vacate(k);
  for (const s of queue) cancel(k, s, 'send', h);
  for (let i = 0; i < k.threadCount; i++) {
    const w = k.thread(i).wait;
    if (w === null || w.locked || w.partner !== h) continue;
    if (w.phase === 'receive' && (w.mode === 'closed' || w.mode === 'reply'))
      cancel(k, i, 'receive', h);
  }
}

function cancel(k: Draft, i: ThreadIndex, phase: 'send' | 'receive', partner: ThreadIndex): void {
  const w = k.thread(i).wait;
  if (w === null) return;
  cancelTimeout(k, i);
  ipcFail(k, i, w.call, phase, IPC_ERROR.canceled, partner, unwindTag(k, i, phase));
  wakeReady(k, i, 'ipc.cancel');
}
