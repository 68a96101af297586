/**
 * Thread ids: global ids, local ids (UTCB addresses), and how the kernel resolves an id word.
 *
 * Local id = the thread's UTCB address (Pistachio: `%gs:0` points at MR0 and equals the local id).
 * The model gives each address space a UTCB area at `UTCB_AREA_BASE` with one `UTCB_STRIDE`-byte slot
 * per thread of that space, in boot order: the first thread of a space has local id 0x10000000, the
 * second 0x10000400, … (the low 6 bits are 0, as a local id needs).
 */
import { isGlobalId } from './abi/threadId';
import type { Word } from './abi/word';
import type { Draft } from './draft';
import type { Thread, ThreadIndex } from './types';

export const UTCB_AREA_BASE: Word = 0x1000_0000n;
export const UTCB_STRIDE: Word = 0x400n;
/** Thread numbers given to threads whose boot spec names none: 0x100 + index. */
export const FIRST_THREAD_NO = 0x100n;

/** The UTCB address (= local id) of the `slot`-th thread of an address space. */
export function utcbAddress(slot: number): Word {
  return UTCB_AREA_BASE + BigInt(slot) * UTCB_STRIDE;
}

/**
 * The thread an id word names, as seen from thread `self` of a step in progress: a global id must
 * match exactly (version included; a stale version names nobody); a local id names the thread of
 * `self`'s address space whose UTCB is at that address. nilthread, anythread and anylocalthread
 * name nobody.
 */
export function resolveIn(k: Draft, self: ThreadIndex, id: Word): ThreadIndex | null {
  return resolveAmong(k.threadCount, (i) => k.thread(i), k.thread(self), id);
}

function resolveAmong(
  count: number,
  get: (i: number) => Thread | undefined,
  self: Thread,
  id: Word,
): ThreadIndex | null {
  if (id === 0n) return null;
  const global = isGlobalId(id);
  for (let i = 0; i < count; i++) {
    const t = get(i);
    if (t === undefined) continue;
    if (global ? t.id === id : t.space === self.space && t.localId === id) return t.index;
  }
  return null;
}

/** The id `viewer` receives for `sender` (the `*from` value): local in the same space, else global. */
export function idSeenBy(sender: Thread, viewer: Thread): Word {
  return sender.space === viewer.space ? sender.localId : sender.id;
}
