// MR0 in the register card: four bands, label / flags / t / u, sized to be read from the back of
// a lecture hall rather than to scale (a 48-bit label at one bit per cell would be unreadable in a
// card). Bands narrow enough to hold their bits show them digit by digit; the label shows its value.
import type { TagField, TagFieldName } from './tagFields';
import { CHAR_WIDTH, fitText } from './bitStrip';

export interface TagCell {
  readonly bit: number;
  readonly x: number;
  readonly width: number;
  readonly digit: '0' | '1';
}

export interface TagBand {
  readonly name: TagFieldName;
  readonly x: number;
  readonly width: number;
  readonly cx: number;
  /** Bit range as printed: '63‥16', '15‥12'. */
  readonly range: string;
  readonly value: string;
  readonly description: string;
  /** Digits of the field's bits, msb first; empty when the band is too narrow to show them. */
  readonly cells: readonly TagCell[];
  /** The range text fitted to the band (null when nothing fits). */
  readonly rangeText: string | null;
  /** Shown instead of the bits when they do not fit ('48 bits'), or null. */
  readonly note: string | null;
}

export interface TagLayout {
  readonly width: number;
  readonly height: number;
  readonly headY: number;
  readonly valueY: number;
  readonly bandY: number;
  readonly bandHeight: number;
  readonly bitsY: number;
  readonly bitsHeight: number;
  readonly fontSize: number;
  readonly smallSize: number;
  readonly bands: readonly TagBand[];
}

/** The first of `texts` that fits whole, else null. */
function fitting(texts: readonly string[], width: number, fontSize: number): string | null {
  return texts.find((t) => fitText(t, width, fontSize) === t) ?? null;
}

/** Share of the width the label band takes; the other three split the rest by their bit counts. */
const LABEL_SHARE = 0.34;

export function tagLayout(
  fields: readonly TagField[],
  raw: bigint,
  width: number,
  fontSize: number,
): TagLayout {
  const smallSize = Math.round(fontSize * 0.72);
  const headY = smallSize;
  const bandY = smallSize * 1.35;
  const valueY = bandY + fontSize * 1.2;
  const bitsY = valueY + fontSize * 0.45;
  const bitsHeight = smallSize * 1.5;
  const bandHeight = bitsY + bitsHeight - bandY;
  const small = fields.filter((f) => f.name !== 'label');
  const smallBits = small.reduce((n, f) => n + f.width, 0) || 1;
  const hasLabel = fields.some((f) => f.name === 'label');
  const rest = width * (hasLabel ? 1 - LABEL_SHARE : 1);
  let x = 0;
  const bands = fields.map((f): TagBand => {
    const w = f.name === 'label' ? width * LABEL_SHARE : (rest * f.width) / smallBits;
    const msb = f.lsb + f.width - 1;
    const range = f.width === 1 ? String(f.lsb) : `${msb}‥${f.lsb}`;
    const cellW = w / f.width;
    const showBits = f.name !== 'label' && cellW >= smallSize * CHAR_WIDTH * 1.15;
    const cells: TagCell[] = showBits
      ? Array.from({ length: f.width }, (_, k) => {
          const bit = msb - k;
          return {
            bit,
            x: x + k * cellW,
            width: cellW,
            digit: (raw >> BigInt(bit)) & 1n ? '1' : '0',
          };
        })
      : [];
    const band: TagBand = {
      name: f.name,
      x,
      width: w,
      cx: x + w / 2,
      range,
      value: f.display,
      description: f.description,
      cells,
      note: showBits ? null : fitting([`${f.width} bits`], w - smallSize * 0.4, smallSize),
      rangeText: fitting([`${f.name} ${range}`, f.name, range], w - smallSize * 0.4, smallSize),
    };
    x += w;
    return band;
  });
  return {
    width,
    height: bandY + bandHeight + 2,
    headY,
    valueY,
    bandY,
    bandHeight,
    bitsY,
    bitsHeight,
    fontSize,
    smallSize,
    bands,
  };
}
