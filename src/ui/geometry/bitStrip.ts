// Geometry of a word's bit strip: D3 computes, React renders. Pure functions, no DOM; the strip is
// drawn in a fixed-width SVG user space (`viewBox`) and the SVG scales with its container.
import { linearScale } from './scale';

/** The part of a layout field the strip needs (the ABI layout's `BitField` fits it). */
export interface StripField {
  readonly name: string;
  readonly lsb: number;
  readonly width: number;
  readonly display: string;
}

export interface StripOptions {
  /** W: 32 or 64. */
  readonly wordBits: number;
  /** Width of the SVG user space. */
  readonly width: number;
  /** Font size of band text, in user units. */
  readonly fontSize: number;
}

export interface BandGeometry {
  readonly index: number;
  readonly name: string;
  readonly msb: number;
  readonly lsb: number;
  readonly x: number;
  readonly width: number;
  readonly cx: number;
  /** What fits in the band; null when nothing sensible fits (the details area says it all). */
  readonly nameText: string | null;
  readonly valueText: string | null;
}

export interface BitCell {
  readonly bit: number;
  readonly x: number;
  readonly width: number;
  readonly cx: number;
  readonly digit: '0' | '1';
}

export interface EdgeLabel {
  readonly text: string;
  readonly x: number;
  readonly anchor: 'start' | 'middle' | 'end';
}

export interface StripGeometry {
  readonly width: number;
  readonly height: number;
  readonly fontSize: number;
  readonly numberSize: number;
  readonly numbersY: number;
  readonly bandY: number;
  readonly bandHeight: number;
  readonly nameY: number;
  readonly valueY: number;
  readonly bitsY: number;
  readonly bitsHeight: number;
  readonly digitY: number;
  /** Font size of the bit digits: the band font, or smaller when a bit cell is too narrow. */
  readonly digitSize: number;
  readonly bands: readonly BandGeometry[];
  readonly cells: readonly BitCell[];
  readonly edgeLabels: readonly EdgeLabel[];
}

/** Width of one character of the strip's monospace font, as a fraction of the font size. */
export const CHAR_WIDTH = 0.62;
/** Horizontal padding inside a band, in font sizes. */
const PAD = 0.2;
const MARGIN = 2;

/** Estimated width of `text` in the strip's monospace font. */
export function textWidth(text: string, fontSize: number): number {
  return text.length * CHAR_WIDTH * fontSize;
}

/**
 * `text` if it fits in `available` units; else the part before a trailing parenthesis; else its head
 * with an ellipsis when at least two characters fit; else null.
 */
export function fitText(text: string, available: number, fontSize: number): string | null {
  if (textWidth(text, fontSize) <= available) return text;
  // "map (0x4)": the words before a parenthesis say enough when the whole does not fit.
  const head = text.replace(/\s*\(.*\)$/, '');
  if (head !== text && head !== '' && textWidth(head, fontSize) <= available) return head;
  const chars = Math.floor(available / (CHAR_WIDTH * fontSize)) - 1;
  return chars >= 2 ? `${text.slice(0, chars)}…` : null;
}

/** A name's first letter, for a band too narrow for more (a one-bit flag), when even that fits. */
function initial(name: string, width: number, fontSize: number): string | null {
  return textWidth('m', fontSize) + 0.2 * fontSize <= width ? name.slice(0, 1) : null;
}

/**
 * Bit index → x. The most significant bit is on the left, as the reference manual draws words:
 * bit i spans [x(i + 1), x(i)].
 */
export function bitScale(wordBits: number, width: number): (bit: number) => number {
  return linearScale([wordBits, 0], [MARGIN, width - MARGIN]);
}

function edgeLabels(band: BandGeometry, numberSize: number): EdgeLabel[] {
  const pad = PAD * numberSize;
  const msb = String(band.msb);
  if (band.msb === band.lsb) {
    const fits = textWidth(msb, numberSize) + pad <= band.width;
    return fits ? [{ text: msb, x: band.cx, anchor: 'middle' }] : [];
  }
  const lsb = String(band.lsb);
  const both = textWidth(msb, numberSize) + textWidth(lsb, numberSize) + 3 * pad;
  const left: EdgeLabel = { text: msb, x: band.x + pad, anchor: 'start' };
  if (both <= band.width) return [left, { text: lsb, x: band.x + band.width - pad, anchor: 'end' }];
  return textWidth(msb, numberSize) + 2 * pad <= band.width ? [left] : [];
}

/**
 * The strip of one word: a band per field (left to right from the most significant), a cell per bit
 * with its digit, and bit numbers at the band edges. Text that does not fit is shortened or left out.
 */
export function stripGeometry(
  fields: readonly StripField[],
  raw: bigint,
  options: StripOptions,
): StripGeometry {
  const { wordBits, width, fontSize } = options;
  const x = bitScale(wordBits, width);
  const numberSize = Math.round(fontSize * 0.85);
  const numbersY = numberSize * 1.1;
  const bandY = numbersY + numberSize * 0.45;
  const nameY = bandY + fontSize * 1.25;
  const valueY = nameY + fontSize * 1.3;
  const bitsY = valueY + fontSize * 0.55;
  const bitsHeight = fontSize * 1.45;
  const cellWidth = x(0) - x(1);
  const digitSize = Math.min(fontSize, Math.floor(cellWidth / (CHAR_WIDTH * 1.25)));
  const digitY = bitsY + bitsHeight / 2 + digitSize * 0.36;
  const bandHeight = bitsY + bitsHeight - bandY;

  const bands = fields.map((field, index): BandGeometry => {
    const msb = field.lsb + field.width - 1;
    const x0 = x(msb + 1);
    const w = x(field.lsb) - x0;
    const inner = w - PAD * fontSize;
    return {
      index,
      name: field.name,
      msb,
      lsb: field.lsb,
      x: x0,
      width: w,
      cx: x0 + w / 2,
      nameText: fitText(field.name, inner, fontSize) ?? initial(field.name, w, fontSize),
      valueText: fitText(field.display, inner, fontSize),
    };
  });

  const cells: BitCell[] = [];
  for (let bit = wordBits - 1; bit >= 0; bit--) {
    const x0 = x(bit + 1);
    const w = x(bit) - x0;
    cells.push({
      bit,
      x: x0,
      width: w,
      cx: x0 + w / 2,
      digit: (raw >> BigInt(bit)) & 1n ? '1' : '0',
    });
  }

  return {
    width,
    height: bandY + bandHeight + MARGIN,
    fontSize,
    numberSize,
    numbersY,
    bandY,
    bandHeight,
    nameY,
    valueY,
    bitsY,
    bitsHeight,
    digitY,
    digitSize,
    bands,
    cells,
    edgeLabels: bands.flatMap((band) => edgeLabels(band, numberSize)),
  };
}
