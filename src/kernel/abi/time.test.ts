import { describe, expect, it } from 'vitest';
import {
  decodeTime,
  NEVER,
  receiveTimeout,
  sendTimeout,
  timePeriod,
  timePeriodConst,
  timeouts,
  ZERO_TIME,
} from './time';
import { CaseReader, rows } from './vectors/pistachioVectors';
import type { Abi } from './word';

/** Checks raw, e, m and decoded µs of one path (`runtime_…` or `const_…`) of a vector case. */
function checkPath(r: CaseReader, prefix: string, raw: bigint): void {
  expect(raw).toBe(r.big(`${prefix}_raw`));
  const d = decodeTime(raw);
  expect(d.exponent).toBe(r.num(`${prefix}_e`));
  expect(d.mantissa).toBe(r.num(`${prefix}_m`));
  // The vectors compute m·2^e for every raw value; decodeTime says null for Never (raw 0).
  expect(d.us === null).toBe(raw === NEVER);
  expect(d.us ?? 0n).toBe(r.big(`${prefix}_decoded_us`));
}

describe('L4_TimePeriod against the Pistachio vectors (every case, both ABIs, both paths)', () => {
  it.each(rows('time_period'))('%s', (_label, abi, c) => {
    const r = new CaseReader(c);
    const us = r.big('us');
    const runtime = timePeriod(us, abi);
    const constant = timePeriodConst(us);
    checkPath(r, 'runtime', runtime);
    checkPath(r, 'const', constant);
    expect(runtime === constant).toBe(r.bool('paths_agree'));
    expect(r.unread()).toEqual([]);
  });
});

/** `Never`, `ZeroTime` or `TimePeriod(n)` as the generator wrote them (literal arguments). */
function timeOf(text: string, abi: Abi): bigint {
  if (text === 'Never') return NEVER;
  if (text === 'ZeroTime') return ZERO_TIME;
  const m = /^TimePeriod\((\d+)\)$/.exec(text);
  if (!m?.[1]) throw new Error(`unknown time ${text}`);
  const us = BigInt(m[1]);
  const constant = timePeriodConst(us);
  if (us < 1n << 31n) expect(timePeriod(us, abi)).toBe(constant);
  return constant;
}

describe('L4_Timeouts against the Pistachio vectors (every case, both ABIs)', () => {
  it.each(rows('timeouts'))('%s', (_label, abi, c) => {
    const r = new CaseReader(c);
    const snd = timeOf(r.text('snd'), abi);
    const rcv = timeOf(r.text('rcv'), abi);
    expect(snd).toBe(r.big('snd_raw'));
    expect(rcv).toBe(r.big('rcv_raw'));
    const word = timeouts(snd, rcv, abi);
    expect(word).toBe(r.big('L4_Timeouts'));
    expect(sendTimeout(word)).toBe(snd);
    expect(receiveTimeout(word)).toBe(rcv);
    expect(r.unread()).toEqual([]);
  });
});

describe('time rules', () => {
  // Pistachio user/include/l4/types.h, L4_TimePeriod: 0 < (1 << 10) gives e = 0, m = 0, raw 0,
  // which kernel/src/api/v4/types.h, time_t::is_never reads as Never.
  it('TimePeriod(0) is Never, not ZeroTime', () => {
    expect(timePeriod(0n, 'amd64')).toBe(NEVER);
    expect(timePeriodConst(0n)).toBe(NEVER);
    expect(decodeTime(ZERO_TIME)).toEqual({ kind: 'zero', exponent: 1, mantissa: 0, us: 0n });
  });
  it('the run-time path gives Never beyond exponent 31; the constant path from 2^31', () => {
    expect(timePeriod(1024n << 31n, 'amd64')).toBe(NEVER);
    expect(timePeriod((1024n << 31n) - 1n, 'amd64')).toBe(0x7fffn);
    expect(timePeriodConst((1n << 31n) - 1n)).toBe(0x57ffn);
    expect(timePeriodConst(1n << 31n)).toBe(NEVER);
  });
  it('ia32 truncates the µs to 32 bits before the run-time path', () => {
    expect(timePeriod(1n << 32n, 'ia32')).toBe(NEVER);
    expect(timePeriod(1n << 32n, 'amd64')).toBe(0x5e00n);
  });
  it('reads a time point without a value', () => {
    expect(decodeTime(0x8c05n)).toEqual({ kind: 'point', exponent: 1, mantissa: 5, us: null });
    expect(decodeTime(0x800n)).toEqual({ kind: 'period', exponent: 2, mantissa: 0, us: 0n });
  });
  it('sign-extends a send time point on amd64, as the int arithmetic of the header does', () => {
    expect(timeouts(0x8001n, 0x400n, 'amd64')).toBe(0xffff_ffff_8001_0400n);
    expect(timeouts(0x8001n, 0x400n, 'ia32')).toBe(0x8001_0400n);
  });
});
