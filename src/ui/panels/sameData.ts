// Plain data compared part by part: the views a step brings are new objects even where their
// words are the same, so a memoised panel part compares what it shows rather than the object.

/**
 * Words, strings, numbers, arrays and records equal part by part (plain data only: a Map, a Set or
 * a class instance would be compared by its own enumerable keys, which is not its content).
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  const x = a as Readonly<Record<string, unknown>>;
  const y = b as Readonly<Record<string, unknown>>;
  return keys.every((k) => k in y && sameData(x[k], y[k]));
}
