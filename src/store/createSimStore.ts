// The one stateful shell: a vanilla Zustand store from a factory (one per <SimProvider>), holding
// the frame source, the cursor, playback flags, selection and view options. No timers live here:
// the session's playback calls `tick()`. Stepping never replays the run; it asks the source for a
// frame by index.
import { createStore } from 'zustand/vanilla';
import type { LearnerCode } from '../scenarios';
import type { StoreApi } from 'zustand/vanilla';
import { cachedSource } from './frameCache';
import type { FrameSource, FrameView } from './viewModel';
import { isFontScale } from './viewOptions';
import type { Theme } from './viewOptions';

export type Granularity = 'statement' | 'kernel';

/** How much of the controls bar shows: all, the step buttons and counter, or nothing. */
export const CONTROL_LEVELS = ['full', 'minimal', 'none'] as const;
export type ControlLevel = (typeof CONTROL_LEVELS)[number];

export const PANEL_IDS = [
  'threads',
  'chart',
  'registers',
  'variables',
  'servers',
  'statechart',
  'decoder',
  'capnp',
] as const;
export type PanelId = (typeof PANEL_IDS)[number];

/** Playback speeds offered, in steps per second. */
export const SPEEDS = [0.5, 1, 2, 4, 8, 16] as const;
export const DEFAULT_SPEED = 2;

export interface SimState {
  readonly source: FrameSource | null;
  /** Id of the loaded scenario (as the URL and the picker name it). */
  readonly scenarioId: string | null;
  /** The frame at the cursor; null until a source is loaded. */
  readonly frame: FrameView | null;
  readonly cursor: number;
  readonly playing: boolean;
  /** Steps per second while playing. */
  readonly speed: number;
  /** Thread whose registers are pinned in the register panel. */
  readonly selection: string | null;
  /** More threads pinned in the register panel (its pin buttons), in the order pinned. */
  readonly pins: readonly string[];
  readonly granularity: Granularity;
  readonly hidden: readonly PanelId[];
  readonly helpOpen: boolean;
  /** The export dialog is open (src/ui/export/). */
  readonly exportOpen: boolean;
  /** The code editor is open beside the panels (src/ui/editor/). */
  readonly editorOpen: boolean;
  /** What is shown is not the code in the editor: an edit is being run, or does not compile. */
  readonly stale: boolean;
  /** The learner's code the editor holds (null: none yet, the lesson as built): a share link carries it. */
  readonly code: LearnerCode | null;
  /** Animations on (off with prefers-reduced-motion or `animate=0`). */
  readonly animate: boolean;
  readonly fontScale: number;
  /** The chosen theme; null follows the system's. */
  readonly theme: Theme | null;
  readonly controls: ControlLevel;
  /** A message the page shows (an unknown scenario id, a step out of range…); null when none. */
  readonly notice: string | null;
  /**
   * The notice is about something other than the run (a file refused by the editor): a new run of
   * the same scenario (the editor's re-run landing) leaves it; another scenario or Dismiss clears it.
   */
  readonly noticeKept: boolean;
}

export interface SimActions {
  /** Shows `source` at `step` (clamped; an out-of-range step sets a notice). */
  load(source: FrameSource, options?: { id?: string; step?: number }): void;
  /**
   * Swaps in a longer recording of the run being shown (see FrameSource.recording): the cursor,
   * playback, selection and notice stay as they are.
   */
  extend(source: FrameSource): void;
  next(): void;
  prev(): void;
  first(): void;
  last(): void;
  /** Goes to frame `index` exactly (clamped), whatever the granularity. */
  seek(index: number): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  /** One playback step: next, or stop at the end. */
  tick(): void;
  setSpeed(speed: number): void;
  select(thread: string | null): void;
  /** Pins a thread's registers in the register panel, or unpins it. */
  togglePin(thread: string): void;
  setGranularity(granularity: Granularity): void;
  togglePanel(panel: PanelId): void;
  setHidden(panels: readonly PanelId[]): void;
  setHelpOpen(open: boolean): void;
  setExportOpen(open: boolean): void;
  setEditorOpen(open: boolean): void;
  setStale(stale: boolean): void;
  setCode(code: LearnerCode | null): void;
  setAnimate(on: boolean): void;
  setFontScale(scale: number): void;
  setTheme(theme: Theme | null): void;
  setControls(controls: ControlLevel): void;
  /** Shows `notice` (null: none); `kept` makes it outlive re-runs of this scenario (see noticeKept). */
  setNotice(notice: string | null, kept?: boolean): void;
}

export type SimStore = SimState & SimActions;
export type SimStoreApi = StoreApi<SimStore>;

export interface SimInit {
  readonly speed?: number;
  readonly granularity?: Granularity;
  readonly hidden?: readonly PanelId[];
  readonly animate?: boolean;
  readonly fontScale?: number;
  readonly theme?: Theme | null;
  readonly controls?: ControlLevel;
}

export const INITIAL_STATE: SimState = {
  source: null,
  scenarioId: null,
  frame: null,
  cursor: 0,
  playing: false,
  speed: DEFAULT_SPEED,
  selection: null,
  pins: [],
  granularity: 'statement',
  hidden: [],
  helpOpen: false,
  exportOpen: false,
  editorOpen: false,
  stale: false,
  code: null,
  animate: true,
  fontScale: 1,
  theme: null,
  controls: 'full',
  notice: null,
  noticeKept: false,
};

/** Index of the next (dir 1) or previous (dir −1) frame at `granularity`; `from` when none. */
export function neighbour(
  source: FrameSource,
  from: number,
  dir: 1 | -1,
  granularity: Granularity,
): number {
  const last = source.length - 1;
  const target = from + dir;
  if (target < 0 || target > last) return from;
  if (granularity === 'statement') return target;
  for (let i = target; i >= 0 && i <= last; i += dir) {
    if (source.summary(i).kernelEvent) return i;
  }
  return dir === 1 ? last : 0;
}

function clamp(index: number, source: FrameSource): number {
  if (!Number.isFinite(index)) return 0;
  return Math.min(Math.max(0, Math.floor(index)), source.length - 1);
}

export function createSimStore(init: SimInit = {}): SimStoreApi {
  return createStore<SimStore>()((set, get) => {
    const goTo = (index: number, extra: Partial<SimState> = {}): void => {
      const { source } = get();
      if (!source) return;
      const cursor = clamp(index, source);
      set({ cursor, frame: source.frame(cursor), ...extra });
    };
    const step = (dir: 1 | -1): void => {
      const { source, cursor, granularity } = get();
      if (source) goTo(neighbour(source, cursor, dir, granularity), { playing: false });
    };

    return {
      ...INITIAL_STATE,
      ...(init.speed !== undefined ? { speed: init.speed } : {}),
      ...(init.granularity ? { granularity: init.granularity } : {}),
      ...(init.hidden ? { hidden: init.hidden } : {}),
      ...(init.animate !== undefined ? { animate: init.animate } : {}),
      ...(init.fontScale !== undefined ? { fontScale: init.fontScale } : {}),
      ...(init.theme !== undefined ? { theme: init.theme } : {}),
      ...(init.controls !== undefined ? { controls: init.controls } : {}),

      load(raw, options = {}) {
        const source = cachedSource(raw);
        const wanted = options.step ?? 0;
        const inRange = Number.isInteger(wanted) && wanted >= 0 && wanted < source.length;
        const cursor = inRange ? wanted : clamp(wanted, source);
        const scenarioId = options.id ?? source.meta.id;
        const was = get();
        const keep = inRange && was.noticeKept && was.scenarioId === scenarioId;
        set({
          source,
          scenarioId,
          cursor,
          frame: source.frame(cursor),
          playing: false,
          selection: null,
          pins: [],
          notice: keep
            ? was.notice
            : inRange
              ? null
              : `Step ${String(wanted)} is not in this run (steps 0 to ${source.length - 1}); showing step ${cursor}.`,
          noticeKept: keep,
        });
      },
      extend(raw) {
        const { source, cursor } = get();
        if (!source) return;
        const longer = cachedSource(raw);
        const at = Math.min(cursor, longer.length - 1);
        // Only the frame that was the last one can change (it was not the run's end).
        const refresh = at !== cursor || cursor >= source.length - 1;
        set({ source: longer, cursor: at, ...(refresh ? { frame: longer.frame(at) } : {}) });
      },
      next: () => step(1),
      prev: () => step(-1),
      first: () => goTo(0, { playing: false }),
      last: () => {
        const { source } = get();
        if (source) goTo(source.length - 1, { playing: false });
      },
      seek: (index) => goTo(index),
      play() {
        const { source, cursor } = get();
        if (!source || source.length < 2) return;
        if (cursor >= source.length - 1 && !source.recording) goTo(0, { playing: true });
        else set({ playing: true });
      },
      pause: () => set({ playing: false }),
      togglePlay() {
        if (get().playing) get().pause();
        else get().play();
      },
      tick() {
        const { source, cursor, granularity, playing } = get();
        if (!source || !playing) return;
        const to = neighbour(source, cursor, 1, granularity);
        // At the end of what is recorded so far, playback waits for more.
        if (to === cursor && source.recording) return;
        goTo(to, { playing: to < source.length - 1 || source.recording === true });
      },
      setSpeed(speed) {
        if (Number.isFinite(speed) && speed > 0) set({ speed });
      },
      select: (thread) => set({ selection: thread }),
      togglePin: (thread) => {
        const { pins } = get();
        set({ pins: pins.includes(thread) ? pins.filter((p) => p !== thread) : [...pins, thread] });
      },
      setGranularity: (granularity) => set({ granularity }),
      togglePanel(panel) {
        const { hidden } = get();
        set({
          hidden: hidden.includes(panel) ? hidden.filter((p) => p !== panel) : [...hidden, panel],
        });
      },
      setHidden: (panels) => set({ hidden: PANEL_IDS.filter((p) => panels.includes(p)) }),
      setHelpOpen: (helpOpen) => set({ helpOpen }),
      setExportOpen: (exportOpen) => set({ exportOpen }),
      setEditorOpen: (editorOpen) =>
        set(editorOpen ? { editorOpen } : { editorOpen, stale: false }),
      setStale: (stale) => set({ stale }),
      setCode: (code) => set({ code }),
      setAnimate: (animate) => set({ animate }),
      setFontScale(scale) {
        if (isFontScale(scale)) set({ fontScale: scale });
      },
      setTheme: (theme) => set({ theme }),
      setControls: (controls) => set({ controls }),
      setNotice: (notice, kept = false) => set({ notice, noticeKept: notice !== null && kept }),
    };
  });
}
