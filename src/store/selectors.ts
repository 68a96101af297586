// Named selectors. Each returns data straight from the state, or a derived value memoised on its
// inputs, so `useSim(selector)` re-renders a panel only when what it shows changes.
import { chartSlice } from './chartHistory';
import type { ChartSlice } from './chartHistory';
import type { PanelId, SimState } from './createSimStore';
import type { FrameView, MessageView, ThreadView, VariablesView } from './viewModel';

const NO_THREADS: readonly ThreadView[] = [];

/** Remembers the last result of `compute` for the same arguments (compared with ===). */
function memoLast<A extends readonly unknown[], R>(compute: (...args: A) => R): (...args: A) => R {
  let lastArgs: A | null = null;
  let lastResult: R | undefined;
  return (...args: A): R => {
    if (lastArgs && lastArgs.length === args.length && lastArgs.every((a, i) => a === args[i])) {
      return lastResult as R;
    }
    lastArgs = args;
    lastResult = compute(...args);
    return lastResult;
  };
}

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

const registerSlots = memoLast(
  (frame: FrameView | null, selection: string | null): readonly string[] => {
    if (!frame) return [];
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
    // A failure shows the thread whose IPC failed: the sender in the send phase, else the receiver.
    const failing = transfer?.failed
      ? transfer.error?.startsWith('receive')
        ? transfer.to
        : transfer.from
      : null;
    if (names.length === 0) add(failing ?? frame.running ?? frame.threads[0]?.name);
    return names;
  },
);

/**
 * Whose registers the panel shows: at a transfer the sender and the receiver, side by side; the
 * selected thread too; otherwise the running thread (or the first).
 */
export const selectRegisterThreads = (s: SimState): readonly string[] =>
  registerSlots(s.frame, s.selection);

/** Most messages the chart draws at once; older ones scroll out. */
export const CHART_LIMIT = 60;

const chart = memoLast((source: SimState['source'], cursor: number): ChartSlice | null =>
  source ? chartSlice(source, cursor, CHART_LIMIT) : null,
);

export const selectChart = (s: SimState): ChartSlice | null => chart(s.source, s.cursor);

/** Whose variables the panel shows: the selected thread, else the running one, else the first. */
export const selectVariablesThread = (s: SimState): string | null => {
  const f = s.frame;
  if (!f) return null;
  if (s.selection && f.threads.some((t) => t.name === s.selection)) return s.selection;
  return f.running ?? f.threads[0]?.name ?? null;
};

const variables = memoLast(
  (source: SimState['source'], cursor: number, thread: string | null): VariablesView | null =>
    source?.variables && thread !== null ? source.variables(cursor, thread) : null,
);

/** The call stack and variables of the selected (or running) thread at the cursor. */
export const selectVariables = (s: SimState): VariablesView | null =>
  variables(s.source, s.cursor, selectVariablesThread(s));
