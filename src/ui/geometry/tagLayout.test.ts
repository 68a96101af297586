import { describe, expect, it } from 'vitest';
import { tagFields, flagLetters } from './tagFields';
import { tagLayout } from './tagLayout';

describe('tagFields and tagLayout', () => {
  it('MR0 0xadd0002 on amd64 reads label 0xadd, no flags, t 0, u 2', () => {
    const fields = tagFields({ raw: 0xadd0002n, label: 0xaddn, u: 2, t: 0, flags: 0 }, 'amd64');
    expect(fields.map((f) => [f.name, f.lsb, f.width, f.display])).toEqual([
      ['label', 16, 48, '0xadd'],
      ['flags', 12, 4, '0'],
      ['t', 6, 6, '0'],
      ['u', 0, 6, '2'],
    ]);
  });

  it('the E flag shows as E, and the label is 16 bits wide on ia32', () => {
    expect(flagLetters(8)).toBe('E');
    expect(flagLetters(0xf)).toBe('EXRP');
    const fields = tagFields({ raw: 0x8000n, label: 0n, u: 0, t: 0, flags: 8 }, 'ia32');
    expect(fields[0]?.width).toBe(16);
    expect(fields[1]?.description).toBe('flags set: error (E)');
  });

  it('bands fill the width in order; the small fields show their bits, msb first', () => {
    const fields = tagFields({ raw: 0x8003n, label: 0n, u: 3, t: 0, flags: 8 }, 'amd64');
    const g = tagLayout(fields, 0x8003n, 400, 16);
    const widths = g.bands.reduce((sum, b) => sum + b.width, 0);
    expect(widths).toBeCloseTo(400);
    expect(g.bands.map((b) => b.x)).toEqual([...g.bands.map((b) => b.x)].sort((a, b) => a - b));
    const u = g.bands.find((b) => b.name === 'u');
    expect(u?.cells.map((c) => c.digit).join('')).toBe('000011');
    expect(
      g.bands
        .find((b) => b.name === 'flags')
        ?.cells.map((c) => c.digit)
        .join(''),
    ).toBe('1000');
    expect(g.bands.find((b) => b.name === 'label')?.cells).toEqual([]);
  });

  it('a card too narrow for the bits still shows every value', () => {
    const fields = tagFields({ raw: 0x2n, label: 0n, u: 2, t: 0, flags: 0 }, 'amd64');
    const g = tagLayout(fields, 0x2n, 120, 16);
    const u = g.bands.find((b) => b.name === 'u');
    expect(u?.cells).toEqual([]);
    expect(u?.value).toBe('2');
  });
});
