// Which threads' MRs hold fpages rather than a message: `L4_Unmap` (and `L4_Flush`) take their
// fpages in MR0..MRk and give them back there with the access bits (src/kernel/unmap.ts; the
// reference: kernel/src/api/v4/space.cc, sys_unmap()). Until the thread writes those words again
// (a new tag for its next IPC), the register panel decodes them as fpages.
import type { Thread, Trace } from '../kernel/index';
import type { Word } from '../kernel/abi/word';

export interface FpageWords {
  readonly count: number;
  readonly by: 'L4_Unmap' | 'L4_Flush';
}

interface Unmap {
  readonly step: number;
  readonly fpages: readonly Word[];
  readonly flush: boolean;
}

/**
 * A lookup `(thread, step) → the fpages its MRs hold, or null`. The trace's unmaps are listed once,
 * on the first lookup; a lookup then reads only the thread's own list.
 */
export function fpageWordsOf(trace: Trace): (thread: Thread, step: number) => FpageWords | null {
  let byThread: Map<string, Unmap[]> | null = null;
  const index = (): Map<string, Unmap[]> => {
    const out = new Map<string, Unmap[]>();
    for (let i = 0; i < trace.length; i++) {
      for (const e of trace.effectsAt(i)) {
        if (e.kind !== 'unmap') continue;
        const list = out.get(e.thread) ?? [];
        list.push({ step: i, fpages: e.fpages, flush: e.flush });
        out.set(e.thread, list);
      }
    }
    return out;
  };
  return (thread, step) => {
    byThread ??= index();
    const list = byThread.get(thread.name);
    if (list === undefined) return null;
    let last: Unmap | undefined;
    for (const u of list) if (u.step <= step) last = u;
    if (last === undefined || last.fpages.length === 0) return null;
    // The words are still what the unmap left (its fpages, access bits clear): nothing wrote them.
    const mrs = thread.utcb.mrs;
    const intact = last.fpages.every((f, k) => ((mrs[k] ?? 0n) & ~0xfn) === (f & ~0xfn));
    return intact ? { count: last.fpages.length, by: last.flush ? 'L4_Flush' : 'L4_Unmap' } : null;
  };
}
