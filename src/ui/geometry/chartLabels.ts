// Where the sequence chart's words go: each arrow's label and its stamp (step number and time) in
// the gap between lifelines, shortened with … rather than drawn over a lifeline or a bar; the
// breaks of the time axis where the clock jumps (a timeout's wait); how many rows a height holds.
// Pure: numbers in, numbers and strings out.
import { CHAR_WIDTH } from './bitStrip';

/** A clock jump larger than this between two rows is drawn as a break of the time axis. */
export const JUMP_US = 100;

/** Size of the stamp (step number and time) relative to the chart's font. */
export const STAMP_SCALE = 0.85;

/** Width of `text` at `fontSize` (the monospace estimate the layout uses everywhere). */
export const textWidth = (text: string, fontSize: number): number =>
  text.length * CHAR_WIDTH * fontSize;

export interface PlacedText {
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly anchor: 'start' | 'middle' | 'end';
  readonly fontSize: number;
}

/** The span [left, right] a placed text covers, by its anchor. */
export function textSpan(t: PlacedText): readonly [number, number] {
  const w = textWidth(t.text, t.fontSize);
  if (t.anchor === 'start') return [t.x, t.x + w];
  if (t.anchor === 'end') return [t.x - w, t.x];
  return [t.x - w / 2, t.x + w / 2];
}

/** `text` shortened with … to fit `room` px at `fontSize` (at least one character and the …). */
export function fitText(text: string, room: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= room) return text;
  const fits = Math.max(2, Math.floor(room / (CHAR_WIDTH * fontSize)));
  return `${text.slice(0, fits - 1)}…`;
}

/** The smallest a text is drawn (of its size) before it is shortened instead. */
export const MIN_SHRINK = 0.8;

/** `text` in `room` px: at `fontSize`, else smaller (down to MIN_SHRINK), else shortened with …. */
export function fitSized(
  text: string,
  room: number,
  fontSize: number,
): { readonly text: string; readonly fontSize: number } {
  const w = textWidth(text, fontSize);
  if (w <= room) return { text, fontSize };
  const size = Math.max(fontSize * MIN_SHRINK, (fontSize * room) / Math.max(1, w));
  return { text: fitText(text, room, size), fontSize: size };
}

/** A text centred in the gap [lo, hi], made smaller or shortened to fit it. */
export function inGap(
  lo: number,
  hi: number,
  y: number,
  text: string,
  fontSize: number,
): PlacedText {
  const fitted = fitSized(text, Math.max(0, hi - lo), fontSize);
  return { x: (lo + hi) / 2, y, ...fitted, anchor: 'middle' };
}

/** The widest gap between the lifelines at `xs` inside [a, b], as [lo, hi]. */
export function widestGapRange(
  a: number,
  b: number,
  xs: readonly number[],
): readonly [number, number] {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  const inside = [lo, ...xs.filter((x) => x > lo && x < hi).sort((p, q) => p - q), hi];
  let best: readonly [number, number] = [lo, hi];
  let width = -1;
  for (let i = 1; i < inside.length; i++) {
    const l = inside[i - 1] ?? lo;
    const r = inside[i] ?? hi;
    if (r - l > width) {
      width = r - l;
      best = [l, r];
    }
  }
  return best;
}

/** The step number and the clock, as drawn under an arrow: `#14 · 1005 µs`. */
export function stampText(step: number, time: number | undefined): string {
  return time === undefined ? `#${step}` : `#${step} · ${time} µs`;
}

export interface TimeJump {
  readonly key: string;
  /** y of the break, between the two rows. */
  readonly y: number;
  readonly text: string;
  /** The break's words, right-aligned before the first lifeline. */
  readonly x: number;
  readonly fontSize: number;
}

/**
 * Breaks of the time axis: between neighbouring rows whose clocks differ by more than `JUMP_US`,
 * `⋯ +999 µs` at the row boundary, in the margin left of the first lifeline (no label goes there).
 */
export function timeJumps(
  rows: readonly { readonly y: number; readonly time?: number | undefined; readonly key: string }[],
  rowHeight: number,
  firstLifeline: number,
  fontSize: number,
): TimeJump[] {
  const out: TimeJump[] = [];
  const size = fontSize * STAMP_SCALE;
  const room = Math.max(0, firstLifeline - fontSize * 0.8);
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1];
    const b = rows[i];
    if (a?.time === undefined || b?.time === undefined) continue;
    const d = b.time - a.time;
    if (d <= JUMP_US) continue;
    const full = `⋯ +${d} µs`;
    const text = textWidth(full, size) <= room ? full : fitText(`+${d}µs`, room, size);
    out.push({ key: `jump.${b.key}`, y: b.y - rowHeight / 2, text, x: room, fontSize: size });
  }
  return out;
}

/**
 * Rows of `rowHeight` a chart of `height` px holds (at least two): the drawing (chartGeometry's
 * height below its names) is its rows, 0.6 of a row under the last (its stamp) and a pad of 0.6 of
 * the font above the first, so the lowest row is never cut.
 */
export const rowsFor = (height: number, fontSize: number, rowHeight: number): number =>
  Math.max(2, Math.floor((height - 0.6 * fontSize - 0.6 * rowHeight) / rowHeight));
