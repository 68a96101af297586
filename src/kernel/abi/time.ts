/**
 * Time values `L4_Time_t` and the IPC timeouts word (reference-semantics §5; Pistachio `types.h`, `ipc.h`).
 *
 * L4_Time_t is 16 bits. Period (bit 15 = 0): m in bits 0..9, e in bits 10..14, value m·2^e µs.
 * Point (bit 15 = 1): m in 0..9, c in 10, e in 11..14 (`L4_TimePoint` is compiled out).
 * Never is raw 0 and ZeroTime is raw 0x400 (m = 0, e = 1); the kernel tests both by equality.
 */
import { bits, toWord } from './word';
import { asTimeouts } from './kindedWords';
import type { TimeoutsWord } from './kindedWords';
import type { Abi, Word } from './word';

export const NEVER: Word = 0n;
export const ZERO_TIME: Word = 0x400n;

export type TimeKind = 'never' | 'zero' | 'period' | 'point';

export interface DecodedTime {
  kind: TimeKind;
  exponent: number;
  mantissa: number;
  /** m·2^e µs for a period (0 for ZeroTime); null for Never and for a time point. */
  us: bigint | null;
}

function period(e: number, m: bigint): Word {
  return (BigInt(e) << 10n) | m;
}

/**
 * `L4_TimePeriod(us)` as compiled for a run-time argument: halve the mantissa until it is below
 * 1024, counting the exponent, and give Never when the exponent exceeds 31. Truncates (rounds down).
 * Quirks kept: `timePeriod(0n)` is Never (raw 0), not ZeroTime; on ia32 the 64-bit µs is first
 * assigned to a 32-bit word, so values ≥ 2^32 are truncated.
 */
export function timePeriod(us: bigint, abi: Abi): Word {
  let man = toWord(BigInt.asUintN(64, us), abi);
  let e = 0;
  while (man >= 1024n) {
    man >>= 1n;
    e++;
  }
  return e <= 31 ? period(e, man) : NEVER;
}

/**
 * `L4_TimePeriod(us)` as compiled for a literal argument (`__builtin_constant_p`): an if-chain over
 * exponents 0..21 (`us < 2^N`, N = 10..31) that gives Never for µs ≥ 2^31. Same on both ABIs.
 */
export function timePeriodConst(us: bigint): Word {
  const v = BigInt.asUintN(64, us);
  for (let n = 10; n <= 31; n++) {
    if (v < 1n << BigInt(n)) {
      const e = n - 10;
      return period(e, v >> BigInt(e));
    }
  }
  return NEVER;
}

/** Reads an `L4_Time_t` (its low 16 bits). */
export function decodeTime(raw: Word): DecodedTime {
  const t = bits(raw, 0, 16);
  const mantissa = Number(bits(t, 0, 10));
  if (t === NEVER) return { kind: 'never', exponent: 0, mantissa: 0, us: null };
  if (bits(t, 15, 1) === 1n) {
    return { kind: 'point', exponent: Number(bits(t, 11, 4)), mantissa, us: null };
  }
  const exponent = Number(bits(t, 10, 5));
  const us = BigInt(mantissa) << BigInt(exponent);
  return { kind: t === ZERO_TIME ? 'zero' : 'period', exponent, mantissa, us };
}

/**
 * `L4_Timeouts(snd, rcv)` = `(snd.raw << 16) + rcv.raw`. The 16-bit raws are promoted to C `int`,
 * so a snd time point (bit 15 set) makes the sum negative, and on amd64 it is sign-extended to the
 * word, as GCC compiles the header.
 */
export function timeouts(snd: Word, rcv: Word, abi: Abi): TimeoutsWord {
  const sum = (bits(snd, 0, 16) << 16n) + bits(rcv, 0, 16);
  return asTimeouts(toWord(BigInt.asIntN(32, sum), abi));
}

/** The send timeout (bits 16..31) of a timeouts word. */
export function sendTimeout(raw: Word): Word {
  return bits(raw, 16, 16);
}

/** The receive timeout (bits 0..15) of a timeouts word. */
export function receiveTimeout(raw: Word): Word {
  return bits(raw, 0, 16);
}
