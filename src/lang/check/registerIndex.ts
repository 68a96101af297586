/**
 * Constant register indexes checked at compile time: `L4_LoadMR(64, x)` or `L4_StoreMR(-1, &w)`
 * can never work, so they are errors with the same words as the run-time fault
 * (src/lang/builtins/utcbCalls.ts, checkRange), instead of a fault when the line runs.
 */
import { NUM_BRS, NUM_MRS } from '../../kernel/abi/utcb';

/** The calls whose first argument is a register index (and second, for the plural ones, a count). */
const INDEXED: ReadonlyMap<string, { kind: 'MR' | 'BR'; counted: boolean }> = new Map([
  ['L4_LoadMR', { kind: 'MR', counted: false }],
  ['L4_StoreMR', { kind: 'MR', counted: false }],
  ['L4_LoadMRs', { kind: 'MR', counted: true }],
  ['L4_StoreMRs', { kind: 'MR', counted: true }],
  ['L4_LoadBR', { kind: 'BR', counted: false }],
  ['L4_StoreBR', { kind: 'BR', counted: false }],
  ['L4_LoadBRs', { kind: 'BR', counted: true }],
  ['L4_StoreBRs', { kind: 'BR', counted: true }],
]);

/** A constant argument as a signed number (a negative int stays negative); null if not constant. */
export type ConstArg = bigint | null;

/** The message for a call whose constant index (or index + count) is out of range, else null. */
export function registerIndexError(call: string, args: readonly ConstArg[]): string | null {
  const spec = INDEXED.get(call);
  const i = args[0];
  if (spec === undefined || i === null || i === undefined) return null;
  const count = BigInt(spec.kind === 'MR' ? NUM_MRS : NUM_BRS);
  const names =
    spec.kind === 'MR' ? 'message registers are MR0..MR63' : 'buffer registers are BR0..BR32';
  if (i < 0n || i >= count) return `${call}: ${spec.kind} index ${i} is out of range: ${names}`;
  const k = spec.counted ? args[1] : null;
  if (k !== null && k !== undefined && (k < 0n || i + k > count)) {
    return `${call}(${i}, ${k}, ...) reaches ${spec.kind}${i + k - 1n}: ${names}`;
  }
  return null;
}
