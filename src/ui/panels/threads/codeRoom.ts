// How much room a lesson's code wants, worked out once per lesson from its listings: the width of a
// thread column (its longest line, capped, in characters) and the height of the threads panel (the
// most lines a column shows at once: a thread's own code and the helper it runs in). From these
// and the grid's box (one ResizeObserver) the visualizer picks its arrangement: the code beside
// the chart and the dock when every column fits there, else the code across the whole width above
// them. Nothing here reads layout; the CSS turns the numbers into sizes (src/ui/visualizer/styles/grid.css).
import type { ScenarioMeta } from '../../../store/viewModel';
import { shownLines } from './codeText';

/** Characters a column is sized for at most: longer lines scroll inside their listing. */
export const MAX_CODE_CHARS = 60;
const MIN_CODE_CHARS = 24;
/** Code text size (rem) and a monospace character's advance (em): as in styles/threads.css. */
const CODE_REM = 0.76;
const CHAR_EM = 0.6;
/** A column's width beside its code: line number, mark, gaps, paddings and borders (rem). */
const COLUMN_CHROME_REM = 4.2;
/** The narrowest column worth showing (characters); more threads than fit become tabs. */
const MIN_COLUMN_CHARS = 30;
/** What the chart and the dock keep beside the code (rem), and the panel's own chrome. */
const SIDE_MIN_REM = 21;
const PANEL_CHROME_REM = 1.6;
/** The code's line height (em), and the threads panel's height beside its lines (rem). */
const LINE_EM = 1.3;
const THREADS_CHROME_REM = 4.6;
/** Beside the chart, code filling less than this share of its panel's height goes above instead. */
const FILL = 0.6;
/**
 * Beside the chart, a column shows at least this many characters (or its lesson's longest line);
 * narrower, the code goes above the chart and the dock. Longer lines scroll sideways.
 */
const SIDE_CHARS = 40;

export interface CodeRoom {
  /** Characters a column wants (the lesson's longest shown line, between 24 and 60). */
  readonly chars: number;
  /** Most lines a column shows at once. */
  readonly lines: number;
  readonly threads: number;
}

/** A space of indentation, in characters (as --indent-share in styles/layout.css). */
const INDENT_SHARE = 0.6;

/** A line's width in characters, its indentation drawn narrower. */
const widthOf = (text: string): number => {
  const body = text.trimEnd();
  const indent = body.length - body.trimStart().length;
  return body.length - indent * (1 - INDENT_SHARE);
};

const longest = (lines: readonly { text: string }[]) =>
  lines.reduce((m, l) => Math.max(m, widthOf(l.text)), 0);

export function codeRoom(meta: ScenarioMeta | null): CodeRoom {
  if (!meta) return { chars: MAX_CODE_CHARS, lines: 15, threads: 1 };
  const blocks = [...meta.threads, ...(meta.functions ?? [])].map((b) =>
    shownLines(b.firstLine, b.lines, b.numbers),
  );
  const widest = Math.ceil(Math.max(0, ...blocks.map(longest)));
  const chars = Math.min(MAX_CODE_CHARS, Math.max(MIN_CODE_CHARS, widest));
  const own = Math.max(0, ...meta.threads.map((t) => shownLines(t.firstLine, t.lines).length));
  const helper = Math.max(
    0,
    ...(meta.functions ?? []).map((f) => shownLines(f.firstLine, f.lines).length),
  );
  return { chars, lines: own + helper, threads: Math.max(1, meta.threads.length) };
}

/** A column's width in rem for `chars` characters of code. */
export function columnRem(chars: number): number {
  return chars * CHAR_EM * CODE_REM + COLUMN_CHROME_REM;
}

/** How many columns of at least MIN_COLUMN_CHARS (or the lesson's own width) fit in `widthRem`. */
export function columnsThatFit(widthRem: number, room: CodeRoom): number {
  const narrowest = columnRem(Math.min(room.chars, MIN_COLUMN_CHARS));
  return Math.max(1, Math.floor(widthRem / narrowest));
}

export type Arrangement = 'side' | 'stacked';

/**
 * 'side': the code on the left at full height, the chart over the dock on the right, when every
 * thread's column gets nearly its lesson's width there and the code fills most of that height;
 * otherwise 'stacked': the code across the whole width, as tall as it needs (or 15 lines), the
 * chart and the dock side by side below it.
 */
export function arrangement(widthRem: number, heightRem: number, room: CodeRoom): Arrangement {
  const column = (widthRem - SIDE_MIN_REM - PANEL_CHROME_REM) / room.threads;
  const chars = (column - COLUMN_CHROME_REM) / (CHAR_EM * CODE_REM);
  const lines = (heightRem - THREADS_CHROME_REM) / (LINE_EM * CODE_REM);
  return chars >= Math.min(room.chars, SIDE_CHARS) && room.lines >= FILL * lines
    ? 'side'
    : 'stacked';
}

/** The threads' wanted width (rem) beside the chart: the right column takes the rest. */
export function sideWidthRem(room: CodeRoom): number {
  return room.threads * columnRem(room.chars) + PANEL_CHROME_REM;
}
