// One rule for a step number, wherever it comes from (the address, a deck's `goto`, the test
// bridge): a whole number from 0 to MAX_STEP_NUMBER. Anything else (-1, 1e20, Infinity, NaN,
// 100,000 nines, "x") is not a step and says so in the same words; a step number past the end of
// a run shows its last step (docs/reliability.md).

/** The largest step number (15 digits: every one is exact as a double). */
export const MAX_STEP_NUMBER = 999_999_999_999_999;

/** What a step must be, as every message says it. */
export const STEP_NUMBER = 'a step number (a whole number 0, 1, 2, …)';

export const isStepNumber = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_STEP_NUMBER;

/** The step a text names (digits only, at most 15), or NaN. */
export function readStepNumber(text: string): number {
  const t = text.trim();
  return /^\d{1,15}$/.test(t) ? Number(t) : Number.NaN;
}
