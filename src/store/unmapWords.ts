// Which threads' MRs hold fpages rather than a message: `L4_Unmap` (and `L4_Flush`) take their
// fpages in MR0..MRk and give them back there with the access bits (src/kernel/unmap.ts; the
// reference: kernel/src/api/v4/space.cc, sys_unmap()). Until the thread writes those words again
// (a new tag for its next IPC), the register panel decodes them as fpages.
import type { KernelEffect, Programs, Thread, Trace } from '../kernel/index';
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

/** The unmaps of a run's first `upTo` frames, per thread, in step order. */
interface UnmapIndex {
  upTo: number;
  /** The effects of frame `upTo − 1`: a longer trace of the same run holds this very array. */
  probe: readonly KernelEffect[] | null;
  readonly byThread: Map<string, Unmap[]>;
}

/**
 * The last index made for a run's programs. A run recorded in parts makes a trace (and a source)
 * per part; each goes on from the index of the part before, so the run is read once, as it is
 * recorded, and never in full on a step (the first frame of a 100,000-step run's last part).
 */
const indexes = new WeakMap<Programs, UnmapIndex>();

function indexOf(trace: Trace): UnmapIndex {
  const known = indexes.get(trace.programs);
  const sameRun =
    known !== undefined &&
    known.upTo <= trace.length &&
    (known.upTo === 0 || trace.effectsAt(known.upTo - 1) === known.probe);
  const index: UnmapIndex = sameRun ? known : { upTo: 0, probe: null, byThread: new Map() };
  for (let i = index.upTo; i < trace.length; i++) {
    for (const e of trace.effectsAt(i)) {
      if (e.kind !== 'unmap') continue;
      const list = index.byThread.get(e.thread) ?? [];
      list.push({ step: i, fpages: e.fpages, flush: e.flush });
      index.byThread.set(e.thread, list);
    }
  }
  if (trace.length > index.upTo) {
    index.upTo = trace.length;
    index.probe = trace.effectsAt(trace.length - 1);
  }
  indexes.set(trace.programs, index);
  return index;
}

/**
 * A lookup `(thread, step) → the fpages its MRs hold, or null`. The trace's unmaps are listed when
 * the lookup is made (going on from an earlier part's list); a lookup reads only the thread's own.
 */
export function fpageWordsOf(trace: Trace): (thread: Thread, step: number) => FpageWords | null {
  const { byThread } = indexOf(trace);
  return (thread, step) => {
    const list = byThread.get(thread.name);
    if (list === undefined) return null;
    let last: Unmap | undefined;
    for (const u of list) {
      if (u.step > step) break;
      last = u;
    }
    if (last === undefined || last.fpages.length === 0) return null;
    // The words are still what the unmap left (its fpages, access bits clear): nothing wrote them.
    const mrs = thread.utcb.mrs;
    const intact = last.fpages.every((f, k) => ((mrs[k] ?? 0n) & ~0xfn) === (f & ~0xfn));
    return intact ? { count: last.fpages.length, by: last.flush ? 'L4_Flush' : 'L4_Unmap' } : null;
  };
}
