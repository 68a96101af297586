/**
 * How the model's throughput is timed: CPU seconds of this process (user + system), not wall time,
 * so other work on a shared machine shows much less in the figure; the median of a few runs.
 */
export function cpuSeconds(fn: () => void): number {
  const before = process.cpuUsage();
  fn();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1e6;
}

/** The median of `runs` results of `fn` (each run returns its own figure). */
export function medianOf(runs: number, fn: () => number): number {
  const values = Array.from({ length: runs }, fn).sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)] ?? 0;
}
