import { describe, expect, it } from 'vitest';
import { formatResults, formatSummary, meets } from './report';

describe('bench report', () => {
  it('reads targets with ≤, ≥ and exact values, thousands separators included', () => {
    expect(meets({ name: 'a', value: 12, unit: 'ms', target: '≤ 16.7' })).toBe(true);
    expect(meets({ name: 'a', value: 17, unit: 'ms', target: '≤ 16.7' })).toBe(false);
    expect(meets({ name: 'b', value: 310_000, unit: 'x', target: '≥ 300,000' })).toBe(true);
    expect(meets({ name: 'b', value: 290_000, unit: 'x', target: '≥ 300,000' })).toBe(false);
    expect(meets({ name: 'c', value: 0, unit: '', target: '0' })).toBe(true);
    expect(meets({ name: 'c', value: 1, unit: '', target: '0' })).toBe(false);
    expect(meets({ name: 'd', value: 1, unit: '' })).toBeNull();
  });

  it('prints the floor and the ratio beside a figure, and a closing table of targets', () => {
    const results = [
      { name: 'next p95', value: 20, unit: 'ms', target: '≤ 16.7', floor: 10 },
      { name: 'plain', value: 3, unit: 'x' },
    ];
    expect(formatResults(results)).toContain('[floor 10.0 ms, ×2.00]');
    // A floor of 0 (no key dropped on the trivial page) has no ratio.
    expect(formatResults([{ name: 'dropped', value: 0, unit: '', floor: 0 }])).toContain(
      '[floor 0.0]',
    );
    const table = formatSummary(results);
    expect(table).toMatch(/next p95\s+20\.000 ms\s+≤ 16\.7\s+NO/);
    expect(table).not.toContain('plain');
    expect(table).toContain('0 of 1 targets met');
  });
});
