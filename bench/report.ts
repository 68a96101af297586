/** Shared shape and printing for bench modules. */
export interface BenchResult {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The SPEC target, e.g. '≥ 200000' or '≤ 16.7', shown beside the value. */
  readonly target?: string;
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
      return `${r.name.padEnd(width)}  ${value} ${r.unit}${target}`;
    })
    .join('\n');
}
