/** Shared shape and printing for bench modules. */
export interface BenchResult {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The target, e.g. '≥ 200,000' or '≤ 16.7' (or an exact '0'), shown beside the value. */
  readonly target?: string;
  /** The same figure on a trivial page in the same run (one button, one text node). */
  readonly floor?: number;
}

export interface BenchArea {
  readonly name: string;
  run(): readonly BenchResult[] | Promise<readonly BenchResult[]>;
  /** Runs only when named (`npm run bench -- <name>`), e.g. because it takes minutes. */
  readonly onlyWhenNamed?: boolean;
}

export function formatResults(results: readonly BenchResult[]): string {
  const width = Math.max(...results.map((r) => r.name.length));
  return results
    .map((r) => {
      const value =
        r.value >= 100 || Number.isInteger(r.value)
          ? Math.round(r.value).toLocaleString('en-US')
          : r.value.toFixed(3);
      const target = r.target === undefined ? '' : `   (target ${r.target})`;
      const floor =
        r.floor === undefined
          ? ''
          : `   [floor ${r.floor.toFixed(1)}${r.unit === '' ? '' : ` ${r.unit}`}${r.floor === 0 ? '' : `, ×${(r.value / r.floor).toFixed(2)}`}]`;
      return `${r.name.padEnd(width)}  ${value} ${r.unit}${target}${floor}`;
    })
    .join('\n');
}

/** Whether a figure meets its target ('≤ 16.7', '≥ 300,000', '0'); null when it has none. */
export function meets(r: BenchResult): boolean | null {
  if (r.target === undefined) return null;
  const m = /^([≤≥])?\s*([\d,.]+)$/.exec(r.target.trim());
  if (m === null) return null;
  const limit = Number((m[2] ?? '').replace(/,/g, ''));
  if (m[1] === '≤') return r.value <= limit;
  if (m[1] === '≥') return r.value >= limit;
  return r.value === limit;
}

/** The closing table: every figure that has a target, its value, the target, met or not. */
export function formatSummary(results: readonly BenchResult[]): string {
  const rows = results.filter((r) => r.target !== undefined);
  if (rows.length === 0) return '';
  const width = Math.max(...rows.map((r) => r.name.length), 'figure'.length);
  const value = (r: BenchResult) =>
    `${r.value >= 100 ? Math.round(r.value).toLocaleString('en-US') : r.value.toFixed(3)} ${r.unit}`;
  const vw = Math.max(...rows.map((r) => value(r).length), 'value'.length);
  const tw = Math.max(...rows.map((r) => (r.target ?? '').length), 'target'.length);
  const line = (a: string, b: string, c: string, d: string) =>
    `${a.padEnd(width)}  ${b.padStart(vw)}  ${c.padEnd(tw)}  ${d}`;
  const met = rows.filter((r) => meets(r) === true).length;
  return [
    line('figure', 'value', 'target', 'met'),
    line('-'.repeat(width), '-'.repeat(vw), '-'.repeat(tw), '---'),
    ...rows.map((r) => line(r.name, value(r), r.target ?? '', meets(r) ? 'yes' : 'NO')),
    `${met} of ${rows.length} targets met`,
  ].join('\n');
}
