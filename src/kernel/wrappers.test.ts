import { describe, expect, it } from 'vitest';
import raw from './abi/vectors/pistachio-x2.json';
import { asThreadId } from './abi/kindedWords';
import { anylocalthread, anythread } from './abi/threadId';
import { NEVER, timePeriodConst, ZERO_TIME } from './abi/time';
import { fromHex } from './abi/word';
import type { Word } from './abi/word';
import type { IpcWrapper } from './program';
import { userIpcFastPath, WRAPPER_SIGNATURES, wrapperArgs, WrapperArgsError } from './wrappers';

// The amd64 wrapper vectors (reference-semantics §4.2, captured by running the real inline wrappers).
interface WrapperCase {
  readonly call: string;
  readonly to: string;
  readonly FromSpecifier: string;
  readonly Timeouts: string;
  readonly from_written?: boolean;
  readonly my_global_id?: string;
}
const vectors = raw.amd64.ipc_wrappers_amd64 as readonly WrapperCase[];
const TO = 0x9900000003n;

/** Evaluates a vector's C argument expression. */
function arg(text: string): Word | null {
  const t = text.trim();
  if (t.startsWith('&')) return null;
  if (t === 'to') return TO;
  if (t === 'ZeroTime') return ZERO_TIME;
  if (t === 'Never') return NEVER;
  if (t === 'anylocalthread') return anylocalthread('amd64');
  if (t === 'anythread') return anythread('amd64');
  if (t === 'Timeouts(Never,Never)') return 0n;
  const period = /^TimePeriod\((\d+)\)$/.exec(t);
  if (period?.[1] !== undefined) return timePeriodConst(BigInt(period[1]));
  throw new Error(`unknown vector argument ${t}`);
}

function parse(call: string): { name: IpcWrapper; args: Word[] } {
  const m = /^(\w+)\((.*)\)/.exec(call);
  if (m?.[1] === undefined || m[2] === undefined) throw new Error(`unparsed vector ${call}`);
  const parts = m[2].length === 0 ? [] : m[2].split(/,(?![^(]*\))/);
  return {
    name: m[1] as IpcWrapper,
    args: parts.map(arg).filter((a): a is Word => a !== null),
  };
}

describe('wrapper → (to, FromSpecifier, Timeouts), every ipc_wrappers_amd64 vector', () => {
  it.each(vectors.map((v) => [v.call, v] as const))('%s', (_name, v) => {
    const { name, args } = parse(v.call);
    const self = v.my_global_id === undefined ? 0x4200000001n : fromHex(v.my_global_id);
    const words = wrapperArgs(name, args, self, 'amd64');
    expect(words.to).toBe(fromHex(v.to));
    expect(words.fromSpecifier).toBe(fromHex(v.FromSpecifier));
    expect(words.timeouts).toBe(fromHex(v.Timeouts));
    expect(words.local).toBe(v.call.includes('Lipc'));
    if (v.from_written !== undefined) expect(WRAPPER_SIGNATURES[name].from).toBe(v.from_written);
  });

  it('covers every wrapper the vectors name', () => {
    const named = new Set(vectors.map((v) => parse(v.call).name));
    expect(named.size).toBeGreaterThanOrEqual(11);
  });
});

// Pistachio user/include/l4/ipc.h: L4_Send, L4_Receive, L4_Wait_Timeout, L4_LreplyWait are inline
// calls of L4_Ipc / L4_Lipc with these words.
describe('wrappers the vectors hold back follow reference-semantics §4.2', () => {
  it('L4_Send(to): no receive phase, Never', () => {
    expect(wrapperArgs('L4_Send', [TO], 0n, 'amd64')).toEqual({
      to: TO,
      fromSpecifier: 0n,
      timeouts: 0n,
      local: false,
    });
  });
  it('L4_Receive(from): closed receive, Never', () => {
    expect(wrapperArgs('L4_Receive', [TO], 0n, 'amd64').fromSpecifier).toBe(TO);
  });
  it('L4_Wait_Timeout(r): open receive with receive timeout r', () => {
    const w = wrapperArgs('L4_Wait_Timeout', [0x3e8n], 0n, 'ia32');
    expect(w).toEqual({ to: 0n, fromSpecifier: 0xffffffffn, timeouts: 0x3e8n, local: false });
  });
  it('L4_LreplyWait(to): Zero send, anylocalthread, via L4_Lipc', () => {
    const w = wrapperArgs('L4_LreplyWait', [TO], 0n, 'amd64');
    expect(w).toEqual({
      to: TO,
      fromSpecifier: 0xffffffffffffffc0n,
      timeouts: 0x4000000n,
      local: true,
    });
  });
  it('a wrong argument count is a clear error, not a crash', () => {
    expect(() => wrapperArgs('L4_Call', [], 0n, 'amd64')).toThrow(WrapperArgsError);
    expect(() => wrapperArgs('L4_Call', [], 0n, 'amd64')).toThrow(/L4_Call takes 1 argument/);
  });
  it('L4_UserIpc fast path: to == self and no receive phase only', () => {
    const id = asThreadId;
    expect(userIpcFastPath(id(0x42n), id(0n), 0x42n)).toBe(true);
    expect(userIpcFastPath(id(0x42n), id(0x42n), 0x42n)).toBe(false);
    expect(userIpcFastPath(id(0x43n), id(0n), 0x42n)).toBe(false);
  });
});

describe('branded words at the kernel API', () => {
  it('a swapped argument is a type error; the words stay bigints at run time', () => {
    const call = wrapperArgs('L4_Call_Timeouts', [0x4200000001n, 0x400n, 0n], 0n, 'amd64');
    // @ts-expect-error a Timeouts word is not a ThreadId (tsc fails if this ever type-checks)
    const swapped: typeof call = { ...call, to: call.timeouts };
    // @ts-expect-error a plain Word is not a ThreadId either
    const plain: typeof call = { ...call, fromSpecifier: 0x4200000001n };
    expect(typeof swapped.to).toBe('bigint');
    expect(swapped.to).toBe(call.timeouts);
    expect(plain.fromSpecifier).toBe(call.to);
    expect(call.timeouts).toBe(0x4000000n);
  });
});
