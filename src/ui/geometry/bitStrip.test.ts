import { describe, expect, it } from 'vitest';
import { bitScale, fitText, stripGeometry, textWidth } from './bitStrip';
import type { StripField } from './bitStrip';

// The amd64 message tag 0x12340005 (reference-semantics §1: label 0x1234, u 5), laid out by hand.
const MSGTAG_64: readonly StripField[] = [
  { name: 'label', lsb: 16, width: 48, display: '0x1234' },
  { name: 'E', lsb: 15, width: 1, display: '0' },
  { name: 'X', lsb: 14, width: 1, display: '0' },
  { name: 'r', lsb: 13, width: 1, display: '0' },
  { name: 'p', lsb: 12, width: 1, display: '0' },
  { name: 't', lsb: 6, width: 6, display: '0' },
  { name: 'u', lsb: 0, width: 6, display: '5' },
];

describe('bitScale', () => {
  it('puts the most significant bit on the left and bit 0 on the right', () => {
    const x = bitScale(64, 1000);
    expect(x(64)).toBeLessThan(x(63));
    expect(x(0)).toBeGreaterThan(x(1));
    expect(x(0) - x(1)).toBeCloseTo(x(63) - x(64));
    expect(x(64)).toBeGreaterThanOrEqual(0);
    expect(x(0)).toBeLessThanOrEqual(1000);
  });
});

describe('stripGeometry', () => {
  const g = stripGeometry(MSGTAG_64, 0x12340005n, { wordBits: 64, width: 1200, fontSize: 20 });

  it('gives each field a band, left to right, that tile the word without gaps', () => {
    expect(g.bands.map((b) => b.name)).toEqual(['label', 'E', 'X', 'r', 'p', 't', 'u']);
    for (let i = 1; i < g.bands.length; i++) {
      const prev = g.bands[i - 1]!;
      expect(g.bands[i]!.x).toBeCloseTo(prev.x + prev.width);
    }
    const label = g.bands[0]!;
    const u = g.bands[6]!;
    expect([label.msb, label.lsb, u.msb, u.lsb]).toEqual([63, 16, 5, 0]);
    expect(label.width).toBeCloseTo(8 * u.width);
  });

  it('shows every bit of the word as a digit, most significant first', () => {
    expect(g.cells).toHaveLength(64);
    const digits = g.cells.map((c) => c.digit).join('');
    expect(BigInt(`0b${digits}`)).toBe(0x12340005n);
    expect(g.cells[0]!.bit).toBe(63);
    expect(g.cells[63]!.bit).toBe(0);
    // A digit fits its cell.
    expect(textWidth('0', g.digitSize)).toBeLessThanOrEqual(g.cells[0]!.width);
  });

  it('writes name and value in wide bands and leaves them out of bands too narrow', () => {
    expect(g.bands[0]).toMatchObject({ nameText: 'label', valueText: '0x1234' });
    expect(g.bands[6]).toMatchObject({ nameText: 'u', valueText: '5' });
    const tiny = stripGeometry(MSGTAG_64, 0n, { wordBits: 64, width: 400, fontSize: 20 });
    expect(tiny.bands[1]).toMatchObject({ nameText: null, valueText: null });
  });

  it('puts bit numbers at the band edges, without overlaps', () => {
    const texts = g.edgeLabels.map((l) => l.text);
    for (const n of ['63', '16', '5', '0']) expect(texts).toContain(n);
    const spans = g.edgeLabels
      .map((l) => {
        const w = textWidth(l.text, g.numberSize);
        const left = l.anchor === 'start' ? l.x : l.anchor === 'end' ? l.x - w : l.x - w / 2;
        return [left, left + w] as const;
      })
      .sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < spans.length; i++) {
      expect(spans[i]![0]).toBeGreaterThanOrEqual(spans[i - 1]![1] - 1e-9);
    }
  });

  it('stacks its rows top to bottom inside its height', () => {
    expect(g.numbersY).toBeLessThan(g.bandY + 1);
    expect(g.bandY).toBeLessThan(g.nameY);
    expect(g.nameY).toBeLessThan(g.valueY);
    expect(g.valueY).toBeLessThan(g.bitsY + 1);
    expect(g.bandY + g.bandHeight).toBeLessThanOrEqual(g.height);
  });

  it('scales text with the font size: larger fonts fit less', () => {
    const big = stripGeometry(MSGTAG_64, 0n, { wordBits: 64, width: 1200, fontSize: 30 });
    expect(big.edgeLabels.length).toBeLessThanOrEqual(g.edgeLabels.length);
    expect(big.height).toBeGreaterThan(g.height);
  });

  it('lays out a 32-bit word with bits twice as wide', () => {
    const ia32: StripField[] = [
      { name: 'label', lsb: 16, width: 16, display: '0x1234' },
      { name: 'rest', lsb: 0, width: 16, display: '0x5' },
    ];
    const g32 = stripGeometry(ia32, 0x12340005n, { wordBits: 32, width: 1200, fontSize: 20 });
    expect(g32.cells).toHaveLength(32);
    expect(g32.cells[0]!.width).toBeCloseTo(2 * g.cells[0]!.width, 0);
  });
});

describe('fitText', () => {
  it('keeps text that fits, shortens with an ellipsis, or gives up', () => {
    expect(fitText('label', 200, 20)).toBe('label');
    expect(fitText('0xffffffffffff', 80, 20)).toMatch(/^0xf+…$/);
    expect(fitText('label', 10, 20)).toBeNull();
    expect(fitText('map (0x4)', 50, 20)).toBe('map');
    expect(fitText('map (0x4)', 200, 20)).toBe('map (0x4)');
  });
});
