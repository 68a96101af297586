// Main-thread busy time per click, from a CDP trace (the Tracing domain, devtools.timeline): what
// the renderer's main thread did for each "next", split into scripting, style, layout and paint.
//
// How the trace is read:
// - The page's driver writes a marker (console.timeStamp, a 'TimeStamp' event) just before each
//   click and one after the last click's frame; the markers name the thread (the renderer main
//   thread of the clicked page) and cut its time into one interval per click: from one click to
//   the next, so the click's handler, React's render and effects, the painted frame after it and
//   anything it left for later tasks all fall in it.
// - Each event of a known name (CATEGORY below) counts in its own category for its self time: its
//   duration minus the durations of the known events directly inside it (a Layout forced inside a
//   FunctionCall counts as layout, and not again as scripting; an UpdateLayer inside Commit counts
//   once). Events of other names (RunTask, the scheduler's wrappers) count nothing themselves and
//   do not hide what runs inside them, so nested events are never counted twice.
// - An event is cut at the interval's edges (the driver's task that writes a marker and then
//   clicks counts before the marker in the previous interval and after it in this one).
// - Times are read on the thread clock (tts, tdur: the time the thread ran, its CPU time), so on a
//   shared machine the time the thread waited for a core is not counted as work; `wall` reads the
//   wall clock (ts, dur) instead, printed beside it.
// The figure is the sum of the four categories per click; busyBench.ts takes the trace and prints
// its median and p95 and the split of the median click, beside the same figure on the trivial page.

export interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  /** The thread clock: when the thread was running (CPU time), where Chrome records it. */
  readonly tts?: number;
  readonly tdur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly args?: { readonly data?: { readonly message?: string } };
}

export type BusyCategory = 'scripting' | 'style' | 'layout' | 'paint';
export type Busy = Readonly<Record<BusyCategory, number>> & { readonly total: number };

const CATEGORY: ReadonlyMap<string, BusyCategory> = new Map([
  ...[
    'EventDispatch',
    'FunctionCall',
    'TimerFire',
    'FireAnimationFrame',
    'FireIdleCallback',
    'RunMicrotasks',
    'HandlePostMessage',
    'EvaluateScript',
    'V8.Execute',
    'MinorGC',
    'MajorGC',
  ].map((n) => [n, 'scripting'] as const),
  ['UpdateLayoutTree', 'style'],
  ['RecalculateStyles', 'style'],
  ['Layout', 'layout'],
  ['IntersectionObserverController::computeIntersections', 'layout'],
  ...[
    'PrePaint',
    'Paint',
    'PaintImage',
    'Decode Image',
    'Layerize',
    'UpdateLayer',
    'UpdateLayerTree',
    'ScrollLayer',
    'Commit',
    'CompositeLayers',
  ].map((n) => [n, 'paint'] as const),
]);

export const CLICK_MARK = 'busy.click';
export const END_MARK = 'busy.end';

interface Span {
  readonly category: BusyCategory;
  readonly start: number;
  readonly end: number;
  /** The known spans directly inside this one. */
  readonly children: Span[];
}

/** The thread's known events as complete spans (B/E pairs joined), nested by time. */
function spans(events: readonly TraceEvent[]): Span[] {
  const flat: Span[] = [];
  const open: TraceEvent[] = [];
  for (const e of [...events].sort((a, b) => a.ts - b.ts)) {
    const category = CATEGORY.get(e.name);
    if (category === undefined) continue;
    if (e.ph === 'X') flat.push({ category, start: e.ts, end: e.ts + (e.dur ?? 0), children: [] });
    else if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E') {
      const i = open.map((o) => o.name).lastIndexOf(e.name);
      const begin = i >= 0 ? open.splice(i, 1)[0] : undefined;
      if (begin) flat.push({ category, start: begin.ts, end: e.ts, children: [] });
    }
  }
  // Outer before inner: by start, then the longer first.
  flat.sort((a, b) => a.start - b.start || b.end - a.end);
  const roots: Span[] = [];
  const stack: Span[] = [];
  for (const s of flat) {
    while (stack.length > 0 && (stack.at(-1)?.end ?? 0) <= s.start) stack.pop();
    const parent = stack.at(-1);
    if (parent && s.end <= parent.end) parent.children.push(s);
    else roots.push(s);
    stack.push(s);
  }
  return roots;
}

const overlap = (s: Span, from: number, to: number) =>
  Math.max(0, Math.min(s.end, to) - Math.max(s.start, from));

function addSelf(s: Span, from: number, to: number, into: Record<BusyCategory, number>): void {
  const inner = s.children.reduce((sum, c) => sum + overlap(c, from, to), 0);
  into[s.category] += overlap(s, from, to) - inner;
  for (const c of s.children) addSelf(c, from, to, into);
}

export type Clock = 'thread' | 'wall';

/** `e` timed on its thread's clock, or nothing when Chrome recorded no thread time for it. */
function onThreadClock(e: TraceEvent): TraceEvent[] {
  if (e.tts === undefined || (e.ph === 'X' && e.tdur === undefined)) return [];
  return [{ ...e, ts: e.tts, ...(e.tdur === undefined ? {} : { dur: e.tdur }) }];
}

/**
 * The busy time (ms) of each click in `events`: the thread that holds the CLICK_MARK markers, cut
 * at each marker, the last interval closed by END_MARK (or the thread's last event).
 */
export function busyPerClick(trace: readonly TraceEvent[], clock: Clock = 'thread'): Busy[] {
  const events = clock === 'wall' ? trace : trace.flatMap(onThreadClock);
  const marks = events.filter((e) => e.name === 'TimeStamp');
  const first = marks.find((e) => e.args?.data?.message === CLICK_MARK);
  if (!first) return [];
  const thread = events.filter((e) => e.pid === first.pid && e.tid === first.tid);
  const at = (message: string) =>
    marks
      .filter(
        (e) => e.pid === first.pid && e.tid === first.tid && e.args?.data?.message === message,
      )
      .map((e) => e.ts)
      .sort((a, b) => a - b);
  const clicks = at(CLICK_MARK);
  const end = at(END_MARK)[0] ?? Math.max(...thread.map((e) => e.ts + (e.dur ?? 0)));
  const roots = spans(thread);
  return clicks.map((from, i) => {
    const to = clicks[i + 1] ?? end;
    const sum: Record<BusyCategory, number> = { scripting: 0, style: 0, layout: 0, paint: 0 };
    for (const r of roots) if (r.end > from && r.start < to) addSelf(r, from, to, sum);
    const ms = (v: number) => v / 1000;
    return {
      scripting: ms(sum.scripting),
      style: ms(sum.style),
      layout: ms(sum.layout),
      paint: ms(sum.paint),
      total: ms(sum.scripting + sum.style + sum.layout + sum.paint),
    };
  });
}
