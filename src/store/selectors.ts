// Named selectors. Each returns data straight from the state, or a derived value memoised on its
// inputs (per store), so `useSim(selector)` re-renders a panel only when what it shows changes.
import { chartSlice } from './chartHistory';
import type { ChartSlice } from './chartHistory';
import type { PanelId, SimState } from './createSimStore';
import type { FrameSource, FrameView, MessageView, ThreadView, VariablesView } from './viewModel';

const NO_THREADS: readonly ThreadView[] = [];

/**
 * Remembers, per `key` object (a frame or a source, which belong to one store), the last result of
 * `compute` for the same extra argument: two stores side by side never evict each other's result.
 */
function memoPer<K extends object, A, R>(compute: (key: K, arg: A) => R): (key: K, arg: A) => R {
  const last = new WeakMap<K, { readonly arg: A; readonly result: R }>();
  return (key, arg) => {
    const hit = last.get(key);
    if (hit && hit.arg === arg) return hit.result;
    const result = compute(key, arg);
    last.set(key, { arg, result });
    return result;
  };
}

const NO_SLOTS: readonly string[] = [];

export const selectMeta = (s: SimState) => s.source?.meta ?? null;
export const selectCursor = (s: SimState): number => s.cursor;
export const selectLastIndex = (s: SimState): number => Math.max(0, (s.source?.length ?? 1) - 1);
export const selectThreads = (s: SimState): readonly ThreadView[] => s.frame?.threads ?? NO_THREADS;
export const selectThread =
  (name: string) =>
  (s: SimState): ThreadView | null =>
    s.frame?.threads.find((t) => t.name === name) ?? null;
export const selectNarration = (s: SimState): string => s.frame?.narration ?? '';
export const selectClock = (s: SimState): bigint => s.frame?.clock ?? 0n;
export const selectCanPrev = (s: SimState): boolean => s.source !== null && s.cursor > 0;
export const selectCanNext = (s: SimState): boolean =>
  s.source !== null && s.cursor < s.source.length - 1;
export const selectTransfer = (s: SimState): MessageView | null =>
  s.frame?.changes.transfer ?? null;
/** The frame has something for the servers panel: a heap, a run queue or a mapping. */
export const selectHasServers = (s: SimState): boolean => {
  const f = s.frame;
  return (
    f !== null &&
    (f.heap !== null || f.runQueue !== null || f.spaces.some((sp) => sp.mappings.length > 0))
  );
};

export const selectIsHidden =
  (panel: PanelId) =>
  (s: SimState): boolean =>
    s.hidden.includes(panel);

/** The step counter's text: `k / n`, k the cursor and n the last step. */
export const selectStepCounter = (s: SimState): string => `${s.cursor} / ${selectLastIndex(s)}`;

/** The selection and the pins as one memo key (their values, not their arrays' identity). */
const slotKey = (selection: string | null, pins: readonly string[]): string =>
  [selection ?? '', ...pins].join('\u0000');

const registerSlots = memoPer((frame: FrameView, key: string): readonly string[] => {
  const [selection, ...pins] = key.split('\u0000');
  const names: string[] = [];
  const add = (name: string | null | undefined) => {
    if (name && !names.includes(name) && frame.threads.some((t) => t.name === name))
      names.push(name);
  };
  const transfer = frame.changes.transfer;
  if (transfer && !transfer.failed) {
    add(transfer.from);
    add(transfer.to);
  }
  add(selection);
  for (const p of pins) add(p);
  // A failure shows the thread whose IPC failed: the sender in the send phase, else the receiver.
  const failing = transfer?.failed
    ? transfer.error?.startsWith('receive')
      ? transfer.to
      : transfer.from
    : null;
  if (names.length === 0) add(failing ?? frame.running ?? frame.threads[0]?.name);
  return names;
});

/**
 * Whose registers the panel shows: at a transfer the sender and the receiver, side by side; the
 * selected thread and every pinned one too; otherwise the running thread (or the first).
 */
export const selectRegisterThreads = (s: SimState): readonly string[] =>
  s.frame ? registerSlots(s.frame, slotKey(s.selection, s.pins)) : NO_SLOTS;

/** Most messages the chart draws at once; older ones scroll out. */
export const CHART_LIMIT = 60;

const chart = memoPer((source: FrameSource, cursor: number): ChartSlice =>
  chartSlice(source, cursor, CHART_LIMIT),
);

export const selectChart = (s: SimState): ChartSlice | null =>
  s.source ? chart(s.source, s.cursor) : null;

/** Steps after the cursor the chart looks into for the IPCs to come. */
const AHEAD_STEPS = 80;
/** Most IPCs after the cursor the chart draws (faded). */
export const AHEAD_LIMIT = 4;
const NO_MESSAGES: readonly MessageView[] = [];

const ahead = memoPer((source: FrameSource, cursor: number): readonly MessageView[] => {
  const end = Math.min(source.length - 1, cursor + AHEAD_STEPS);
  // Read from the steps' summaries (the chart's history is not scanned ahead of the cursor).
  const next: MessageView[] = [];
  for (let i = cursor + 1; i <= end && next.length < AHEAD_LIMIT; i++)
    for (const m of source.summary(i).messages) if (next.length < AHEAD_LIMIT) next.push(m);
  return next.length === 0 ? NO_MESSAGES : next;
});

/** The next IPCs after the cursor (within a short look ahead), for the chart's faded rows. */
export const selectChartAhead = (s: SimState): readonly MessageView[] =>
  s.source ? ahead(s.source, s.cursor) : NO_MESSAGES;

/** The line a thread just ran: in the step to the cursor, the running thread's line before it. */
export interface JustRan {
  readonly thread: string;
  readonly line: number;
}

const justRan = memoPer((source: FrameSource, cursor: number): JustRan | null => {
  if (cursor <= 0) return null;
  // Without building the frame before when the source can (a far jump builds one frame, not two).
  const ran = source.runningAt?.(cursor - 1);
  if (ran !== undefined)
    return ran && ran.line !== null ? { thread: ran.thread, line: ran.line } : null;
  const before = source.frame(cursor - 1);
  const thread = before.running;
  const line = before.threads.find((t) => t.name === thread)?.currentLine ?? null;
  return thread !== null && line !== null ? { thread, line } : null;
});

/**
 * What the code's "just ran" mark shows: the line the previous frame's running thread was about
 * to run (one frame back: read from its world, or from the frame, which the cache usually holds).
 */
export const selectJustRan = (s: SimState): JustRan | null =>
  s.source ? justRan(s.source, s.cursor) : null;

/** The line `thread` just ran, or null (a per-thread selector: other threads do not re-render). */
export const selectJustRanLine =
  (thread: string) =>
  (s: SimState): number | null => {
    const ran = selectJustRan(s);
    return ran?.thread === thread ? ran.line : null;
  };

/** Whose variables the panel shows: the selected thread, else the running one, else the first. */
export const selectVariablesThread = (s: SimState): string | null => {
  const f = s.frame;
  if (!f) return null;
  if (s.selection && f.threads.some((t) => t.name === s.selection)) return s.selection;
  return f.running ?? f.threads[0]?.name ?? null;
};

const variables = memoPer((source: FrameSource, at: string): VariablesView | null => {
  const cut = at.indexOf('|');
  const cursor = Number(at.slice(0, cut));
  const thread = at.slice(cut + 1);
  return source.variables ? source.variables(cursor, thread) : null;
});

/** The call stack and variables of the selected (or running) thread at the cursor. */
export const selectVariables = (s: SimState): VariablesView | null => {
  const thread = selectVariablesThread(s);
  return s.source && thread !== null ? variables(s.source, `${s.cursor}|${thread}`) : null;
};

/** What a link to this view carries: the scenario, the step and the view options the user set. */
export const selectLinkView = (s: SimState) => ({
  scenario: s.scenarioId,
  step: s.cursor,
  granularity: s.granularity,
  hidden: s.hidden,
  theme: s.theme,
  fontScale: s.fontScale,
  speed: s.speed,
  controls: s.controls,
});
