// Lifelines of the sequence chart: one lane per thread across the chart's width. Pure; D3's point
// scale computes the centres, and names too wide for their lane are staggered over two rows.
import { pointScale } from './scale';
import { CHAR_WIDTH } from './bitStrip';

export interface Lane {
  readonly name: string;
  readonly index: number;
  /** Centre of the lifeline. */
  readonly x: number;
  /** Header row of the name: 0, or 1 when names alternate to fit. */
  readonly row: 0 | 1;
  /** The name as drawn (shortened with … when even two rows are too narrow). */
  readonly label: string;
}

export interface LaneLayout {
  readonly lanes: readonly Lane[];
  /** Distance between neighbouring lifelines (the full width for one thread). */
  readonly step: number;
  /** Header rows in use: 1 or 2. */
  readonly rows: 1 | 2;
  /** x of a thread's lifeline; the chart's centre for an unknown name. */
  readonly x: (name: string) => number;
}

/** Shortens `text` to fit `width` at `fontSize`, keeping at least three characters. */
export function clipLabel(text: string, width: number, fontSize: number): string {
  const fits = Math.floor(width / (CHAR_WIDTH * fontSize));
  if (text.length <= fits) return text;
  return `${text.slice(0, Math.max(3, fits - 1))}…`;
}

/**
 * Lanes for `names` across [margin, width − margin]: evenly spaced with half a step of padding at
 * each side, so a single thread sits in the middle.
 */
export function laneLayout(
  names: readonly string[],
  width: number,
  fontSize: number,
  margin = 8,
): LaneLayout {
  const scale = pointScale(names, [margin, width - margin], 0.5);
  const step = names.length > 1 ? scale.step : width - 2 * margin;
  const widest = Math.max(0, ...names.map((n) => n.length)) * CHAR_WIDTH * fontSize;
  const rows: 1 | 2 = widest + fontSize > step ? 2 : 1;
  const room = rows === 2 ? 2 * step - fontSize : step - fontSize / 2;
  const lanes = names.map((name, index): Lane => ({
    name,
    index,
    x: scale(name) ?? width / 2,
    row: rows === 2 && index % 2 === 1 ? 1 : 0,
    label: clipLabel(name, room, fontSize),
  }));
  const byName = new Map(lanes.map((l) => [l.name, l.x]));
  return { lanes, step, rows, x: (name) => byName.get(name) ?? width / 2 };
}
