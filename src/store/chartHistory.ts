// The sequence chart's history: the IPCs and blocked periods up to a step, gathered from the cheap
// per-step summaries and kept per source. Stepping extends the scan by a step; a far jump starts a
// new scan a bounded distance before the target (from the blocked threads at that point, a
// checkpoint of the source's), so no request ever scans more than about LOOKBACK + JUMP steps,
// however long the run.
import type { BlockedMark, FrameSource, MessageView } from './viewModel';

/** A thread blocked from frame `from` until frame `to` (exclusive), or still blocked (`to` null). */
export interface BlockedPeriod {
  readonly thread: string;
  readonly kind: BlockedMark['kind'];
  readonly from: number;
  readonly to: number | null;
}

export interface ChartSlice {
  /** The newest `limit` IPCs at or before the step, oldest first. */
  readonly messages: readonly MessageView[];
  /** IPCs at or before the step in all; null when the run before the scan is not counted. */
  readonly total: number | null;
  /** Blocked periods that overlap the slice's steps, clipped to the step (open when ongoing). */
  readonly blocked: readonly BlockedPeriod[];
  /** First frame the slice covers. */
  readonly fromStep: number;
  /** The step the slice was cut at. */
  readonly step: number;
  /**
   * Position of the slice's first message in the scan it was cut from: stays put while the slice
   * slides, so a message keeps its row (and its drawing) from one step to the next.
   */
  readonly first: number;
}

/** A far jump rescans from this many steps before the target. */
export const LOOKBACK = 500;
/** Steps past the scanned end that are scanned forward rather than rescanned from a new base. */
export const JUMP = 800;

interface Scan {
  readonly base: number;
  scanned: number;
  readonly messages: MessageView[];
  readonly periods: {
    thread: string;
    kind: BlockedMark['kind'];
    from: number;
    to: number | null;
  }[];
  readonly open: Map<string, number>;
}

const scans = new WeakMap<FrameSource, Scan>();

function startScan(source: FrameSource, base: number): Scan {
  const scan: Scan = { base, scanned: base, messages: [], periods: [], open: new Map() };
  const at = base === 0 ? source.summary(0).blockedChanges : source.blocked(base);
  for (const b of at) {
    if (b.kind === null) continue;
    scan.open.set(b.thread, scan.periods.length);
    scan.periods.push({ thread: b.thread, kind: b.kind, from: base, to: null });
  }
  scan.messages.push(...source.summary(base).messages);
  return scan;
}

function scanTo(source: FrameSource, index: number): Scan {
  let scan = scans.get(source);
  if (!scan || index < scan.base || index - scan.scanned > JUMP) {
    // From a checkpoint, where the blocked threads are read without a replay.
    const every = source.checkpointEvery ?? 1;
    scan = startScan(source, Math.floor(Math.max(0, index - LOOKBACK) / every) * every);
    scans.set(source, scan);
  }
  const end = Math.min(index, source.length - 1);
  for (let i = scan.scanned + 1; i <= end; i++) {
    const summary = source.summary(i);
    scan.messages.push(...summary.messages);
    for (const change of summary.blockedChanges) {
      const at = scan.open.get(change.thread);
      const period = at === undefined ? undefined : scan.periods[at];
      if (period && period.kind === change.kind) continue;
      if (period) {
        period.to = i;
        scan.open.delete(change.thread);
      }
      if (change.kind !== null) {
        scan.open.set(change.thread, scan.periods.length);
        scan.periods.push({ thread: change.thread, kind: change.kind, from: i, to: null });
      }
    }
    scan.scanned = i;
  }
  return scan;
}

/** Number of messages with `step <= index` in a list sorted by step. */
function countUpTo(messages: readonly MessageView[], index: number): number {
  let lo = 0;
  let hi = messages.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((messages[mid]?.step ?? Infinity) <= index) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The chart at step `index`: the newest `limit` IPCs so far and the blocked bars around them. */
export function chartSlice(source: FrameSource, index: number, limit: number): ChartSlice {
  const scan = scanTo(source, index);
  const count = countUpTo(scan.messages, index);
  const start = Math.max(0, count - Math.max(1, limit));
  const messages = scan.messages.slice(start, count);
  const fromStep = start === 0 ? scan.base : (messages[0]?.step ?? scan.base);
  const blocked: BlockedPeriod[] = [];
  for (const p of scan.periods) {
    if (p.from > index) continue;
    if (p.to !== null && p.to <= fromStep) continue;
    blocked.push({ ...p, to: p.to !== null && p.to <= index ? p.to : null });
  }
  return {
    messages,
    total: scan.base === 0 ? count : null,
    blocked,
    fromStep,
    step: index,
    first: start,
  };
}
