// The message sequence chart's geometry: a row per IPC (oldest at the top), arrows between
// lifelines, blocked periods as bars on the lifelines, failures marked (a failed receive as a mark
// on the receiver's own lifeline), the next few IPCs after the step in rows below the "now" line.
// Labels sit in the widest gap between the lifelines an arrow spans, never on a lifeline. Pure: D3
// computes, React renders the numbers and path strings this returns.
import { path as d3path } from 'd3-path';
import type { BlockedPeriod, ChartSlice } from '../../store/chartHistory';
import type { MessageView } from '../../store/viewModel';
import {
  fitSized,
  inGap,
  STAMP_SCALE,
  stampText as stampOf,
  timeJumps,
  widestGapRange,
} from './chartLabels';
import type { PlacedText, TimeJump } from './chartLabels';
import { laneLayout } from './lanes';
import type { LaneLayout } from './lanes';

export interface ChartOptions {
  readonly width: number;
  readonly fontSize: number;
  /** Height of one message row. */
  readonly rowHeight: number;
  /** IPCs after the step, drawn faded below the "now" line (a click goes forward). */
  readonly ahead?: readonly MessageView[];
}

export interface ArrowGeometry {
  /** Stable key: the message's step and its index within the step. */
  readonly key: string;
  readonly message: MessageView;
  readonly x1: number;
  readonly x2: number;
  readonly y: number;
  /** The line (a loop when a thread fails on its own, e.g. a receive timeout with no partner). */
  readonly d: string;
  /** The arrow head, a closed triangle at (x2, y) pointing along the line. */
  readonly head: string;
  /** What the IPC was, in the gap between the lifelines it spans. */
  readonly label: PlacedText;
  /** Step number and time (`#14 · 1005 µs`), under the line. */
  readonly stamp: PlacedText;
  /** Where the failure cross goes, when failed. */
  readonly cross: { readonly x: number; readonly y: number } | null;
  /** After the step (drawn faded). */
  readonly ahead: boolean;
}

export interface BarGeometry {
  readonly key: string;
  readonly thread: string;
  readonly kind: BlockedPeriod['kind'];
  readonly x: number;
  readonly y: number;
  readonly height: number;
  /** Still blocked at the current step. */
  readonly open: boolean;
}

export interface ChartGeometry {
  readonly width: number;
  readonly height: number;
  readonly lanes: LaneLayout;
  /** Bottom of the header (names), top of the first row. */
  readonly top: number;
  /** y of the "now" line under the newest row. */
  readonly nowY: number;
  /**
   * Rows are placed by their position in the whole run, so a message keeps its y while the window
   * slides; draw the rows shifted up by `offset` (a transform on their group).
   */
  readonly offset: number;
  readonly arrows: readonly ArrowGeometry[];
  readonly bars: readonly BarGeometry[];
  readonly barWidth: number;
  /** Breaks of the time axis where the clock jumps between two rows. */
  readonly jumps: readonly TimeJump[];
}

const HEAD = 0.55;

function headPath(x: number, y: number, dir: 1 | -1, size: number): string {
  const p = d3path();
  p.moveTo(x, y);
  p.lineTo(x - dir * size, y - size * 0.55);
  p.lineTo(x - dir * size, y + size * 0.55);
  p.closePath();
  return p.toString();
}

/** The drawn part of an arrow: line, head, its label and its stamp (step number and time). */
type ArrowShape = Pick<ArrowGeometry, 'd' | 'head' | 'label' | 'stamp'>;

interface ShapeSizes {
  readonly fontSize: number;
  readonly barWidth: number;
  readonly headSize: number;
  /** The label's and the stamp's words. */
  readonly text: string;
  readonly stampText: string;
}

/** Label and stamp from `lo` rightwards (beside a lifeline), shortened to end before `hi`. */
function besideLifeline(lo: number, hi: number, y: number, sizes: ShapeSizes): ArrowShape {
  const { fontSize } = sizes;
  const small = fontSize * STAMP_SCALE;
  const room = Math.max(0, hi - lo);
  return {
    d: '',
    head: '',
    label: {
      x: lo,
      y: y - fontSize * 0.05,
      ...fitSized(sizes.text, room, fontSize),
      anchor: 'start',
    },
    stamp: {
      x: lo,
      y: y + fontSize * 1.05,
      ...fitSized(sizes.stampText, room, small),
      anchor: 'start',
    },
  };
}

/** A thread's message to itself (or a failure with no partner): a loop back to its lifeline. */
function selfLoop(
  x: number,
  y: number,
  sizes: ShapeSizes & { readonly rowHeight: number; readonly step: number; readonly next: number },
): ArrowShape {
  const { fontSize, rowHeight, barWidth, headSize } = sizes;
  const w = Math.max(fontSize, sizes.step * 0.35);
  const h = rowHeight * 0.22;
  const p = d3path();
  p.moveTo(x, y - h);
  p.lineTo(x + w, y - h);
  p.lineTo(x + w, y + h);
  p.lineTo(x + barWidth / 2, y + h);
  const words = besideLifeline(x + w + fontSize * 0.3, sizes.next - gapPad(sizes), y, sizes);
  return { ...words, d: p.toString(), head: headPath(x + barWidth / 2, y + h, -1, headSize) };
}

/** Room kept between a text and a lifeline's bar. */
const gapPad = (sizes: ShapeSizes): number => sizes.barWidth / 2 + sizes.fontSize * 0.3;

/** A message between two lifelines: a straight line from bar edge to bar edge. */
function line(
  x1: number,
  x2: number,
  y: number,
  sizes: ShapeSizes & { readonly lifelines: readonly number[] },
): ArrowShape {
  const { fontSize, barWidth, headSize } = sizes;
  const dir: 1 | -1 = x2 > x1 ? 1 : -1;
  const start = x1 + (dir * barWidth) / 2;
  const end = x2 - (dir * barWidth) / 2;
  const p = d3path();
  p.moveTo(start, y);
  p.lineTo(end - dir * headSize * 0.5, y);
  const [gl, gr] = widestGapRange(x1, x2, sizes.lifelines);
  const lo = gl + gapPad(sizes);
  const hi = gr - gapPad(sizes);
  return {
    d: p.toString(),
    head: headPath(end, y, dir, headSize),
    label: inGap(lo, hi, y - fontSize * 0.45, sizes.text, fontSize),
    stamp: inGap(lo, hi, y + fontSize * 1.05, sizes.stampText, fontSize * STAMP_SCALE),
  };
}

/** A failed receive: a mark on the receiver's own lifeline, its words beside it (no arrow). */
function mark(x: number, y: number, sizes: ShapeSizes & { readonly next: number }): ArrowShape {
  return besideLifeline(x + sizes.fontSize * 0.9, sizes.next - gapPad(sizes), y, sizes);
}

/** The words an arrow shows: what the IPC was (`MEM_ALLOC · u=3 t=0`, `receive timeout`). */
export function messageText(m: MessageView): string {
  const ut = `u=${m.tag.u} t=${m.tag.t}`;
  if (m.failed) return m.error ?? 'failed';
  if (m.threadSwitch)
    return m.threadSwitch === 'yield' ? 'ThreadSwitch · only a yield' : 'ThreadSwitch';
  return m.queued ? `${m.label} · queued` : `${m.label} · ${ut}`;
}

/** A failed receive is drawn on the receiver's lifeline, whoever the partner was. */
export const isFailedReceive = (m: MessageView): boolean =>
  m.failed && (m.error?.startsWith('receive') ?? m.label === 'receive');

/** Row y (centre) of each message, and y of any step, from the messages' steps. */
function stepScale(
  messages: readonly MessageView[],
  top: number,
  rowHeight: number,
  first: number,
) {
  const steps = messages.map((m) => m.step);
  /** Rows before the first message at or after `step`. */
  const before = (step: number): number => {
    let lo = 0;
    let hi = steps.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((steps[mid] ?? Infinity) < step) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    row: (i: number) => top + (first + i + 0.5) * rowHeight,
    /** A step with a message maps to its first arrow; a quiet step to the gap before the next row. */
    step: (s: number) =>
      top + (first + before(s)) * rowHeight + (steps[before(s)] === s ? rowHeight / 2 : 0),
  };
}

export function chartGeometry(
  threads: readonly string[],
  slice: ChartSlice,
  options: ChartOptions,
): ChartGeometry {
  const { width, fontSize, rowHeight } = options;
  const ahead = options.ahead ?? [];
  const lanes = laneLayout(threads, width, fontSize);
  const lifelines = lanes.lanes.map((l) => l.x);
  const top = fontSize * (lanes.rows === 2 ? 2.9 : 1.7);
  const rows = Math.max(1, slice.messages.length);
  const y = stepScale(slice.messages, top, rowHeight, slice.first);
  const offset = slice.first * rowHeight;
  const nowY = top + (slice.first + slice.messages.length) * rowHeight + rowHeight * 0.25;
  const headSize = fontSize * HEAD;
  const barWidth = Math.max(4, Math.min(12, lanes.step * 0.14));
  const perStep = new Map<number, number>();

  const arrowAt = (message: MessageView, ay: number, isAhead: boolean): ArrowGeometry => {
    const n = perStep.get(message.step) ?? 0;
    perStep.set(message.step, n + 1);
    const key = `${message.step}.${n}`;
    const text = messageText(message);
    const stampText = stampOf(message.step, message.time);
    const sizes = { fontSize, barWidth, headSize, text, stampText };
    /** The next lifeline right of `x` (or the chart's edge): where words beside `x` must end. */
    const next = (x: number) => Math.min(width, ...lifelines.filter((l) => l > x + 1));
    if (isFailedReceive(message)) {
      const x = lanes.x(message.to);
      const shape = mark(x, ay, { ...sizes, next: next(x) });
      return { key, message, x1: x, x2: x, y: ay, ...shape, cross: { x, y: ay }, ahead: isAhead };
    }
    const x1 = lanes.x(message.from);
    const x2 = lanes.x(message.to);
    const cross = message.failed ? { x: x1 === x2 ? x1 + lanes.step * 0.35 : x2, y: ay } : null;
    const shape =
      x1 === x2
        ? selfLoop(x1, ay, { ...sizes, rowHeight, step: lanes.step, next: next(x1) })
        : line(x1, x2, ay, { ...sizes, lifelines });
    return { key, message, x1, x2, y: ay, ...shape, cross, ahead: isAhead };
  };
  const arrows = slice.messages.map((message, i) => arrowAt(message, y.row(i), false));
  arrows.push(...ahead.map((message, i) => arrowAt(message, nowY + rowHeight * (i + 0.75), true)));

  const bars = slice.blocked.map((b): BarGeometry => {
    const y0 = b.from < slice.fromStep ? top + offset : y.step(b.from);
    const y1 = b.to === null ? nowY : y.step(b.to);
    return {
      key: `${b.thread}.${b.from}`,
      thread: b.thread,
      kind: b.kind,
      x: lanes.x(b.thread) - barWidth / 2,
      y: y0,
      height: Math.max(2, y1 - y0),
      open: b.to === null,
    };
  });

  return {
    width,
    height: top + (rows + ahead.length) * rowHeight + rowHeight * 0.6,
    lanes,
    top,
    nowY,
    offset,
    arrows,
    bars,
    barWidth,
    jumps: timeJumps(
      arrows.map((a) => ({ y: a.y, time: a.message.time, key: a.key })),
      rowHeight,
      lifelines.length ? Math.min(...lifelines) - barWidth / 2 : 0,
      fontSize,
    ),
  };
}
