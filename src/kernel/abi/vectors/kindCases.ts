/**
 * The reference vectors recast as word-kind cases: the `key=value` parameters of `encode <kind>`,
 * the JSON it must give, and the fields `decode <kind>` must report for the encoded words. Used by
 * the kinds tests and the CLI tests, so both check every applicable vector case on both ABIs.
 */
import type { JsonObject } from '../abiInput';
import type { WordKind } from '../kinds';
import { anylocalthread, anythread } from '../threadId';
import { ABIS, fromHex, hex } from '../word';
import type { Abi } from '../word';
import { vectorCases } from './pistachioVectors';
import type { CaseSection, VectorCase } from './pistachioVectors';

export interface KindCase {
  name: string;
  abi: Abi;
  kind: WordKind;
  /** `encode` parameters, when the case was built by one encode call. */
  params?: Record<string, string>;
  /** What `encode` prints. */
  encoded?: JsonObject;
  /** The words to decode (hex). */
  words: string[];
  /** Fields `decode` must report (a subset of its object). */
  decoded: JsonObject;
}

type Made = Omit<KindCase, 'name' | 'abi'>;
type Maker = (c: VectorCase, abi: Abi) => Made | Made[] | null;

const s = (c: VectorCase, k: string): string => String(c[k]);
const n = (c: VectorCase, k: string): number => Number(c[k]);
const b = (c: VectorCase, k: string): boolean => c[k] === true;
const has = (c: VectorCase, k: string): boolean => Object.prototype.hasOwnProperty.call(c, k);
const hexOf = (text: string): string => hex(fromHex(text));

/** Only the listed fields the case actually has, renamed and converted. */
function pick(c: VectorCase, map: Record<string, [string, (v: unknown) => JsonObject[string]]>) {
  const out: JsonObject = {};
  for (const [from, [to, conv]] of Object.entries(map)) if (has(c, from)) out[to] = conv(c[from]);
  return out;
}
const asHex = (v: unknown): string => hexOf(String(v));
const asNum = (v: unknown): number => Number(v);
const asBool = (v: unknown): boolean => v === true;

const MAKERS: Partial<Record<CaseSection, Maker>> = {
  msgtag: (c) => ({
    kind: 'msgtag',
    params: { label: s(c, 'label_in'), u: s(c, 'u_in'), t: s(c, 't_in'), flags: s(c, 'flags_in') },
    encoded: { raw: s(c, 'raw') },
    words: [s(c, 'raw')],
    decoded: {
      raw: s(c, 'raw'),
      label: s(c, 'L4_Label'),
      u: n(c, 'L4_UntypedWords'),
      t: n(c, 'L4_TypedWords'),
      flags: Number(s(c, 'flags_out')),
      propagated: b(c, 'L4_IpcPropagated'),
      redirected: b(c, 'L4_IpcRedirected'),
      xcpu: b(c, 'L4_IpcXcpu'),
      error: b(c, 'L4_IpcFailed'),
    },
  }),
  thread_id: (c, abi) => {
    const decoded = pick(c, {
      raw: ['raw', asHex],
      L4_ThreadNo: ['threadNo', asHex],
      L4_Version: ['version', asHex],
      L4_IsGlobalId: ['isGlobal', asBool],
      L4_IsLocalId: ['isLocal', asBool],
      L4_IsNilThread: ['isNil', asBool],
    });
    const raw = BigInt(s(c, 'raw'));
    decoded.isAny = raw === anythread(abi);
    decoded.isAnyLocal = raw === anylocalthread(abi);
    if (has(c, 'name')) return { kind: 'threadid', words: [s(c, 'raw')], decoded };
    return {
      kind: 'threadid',
      params: { threadNo: s(c, 'threadno'), version: s(c, 'version') },
      encoded: { raw: s(c, 'raw') },
      words: [s(c, 'raw')],
      decoded,
    };
  },
  fpage: (c) => {
    const fn = s(c, 'fn');
    const decoded = pick(c, {
      raw: ['raw', asHex],
      L4_Address: ['address', asHex],
      L4_Size: ['size', asHex],
      L4_SizeLog2: ['sizeLog2', asNum],
      L4_Rights: ['rights', asNum],
      extended_bit3: ['extended', (v) => v === 1],
      L4_IsNilFpage: ['isNil', asBool],
    });
    const base = { kind: 'fpage' as const, words: [s(c, 'raw')], decoded };
    if (fn.startsWith('L4_FpageLog2')) {
      const params = { base: s(c, 'base'), sizeLog2: s(c, 'log2size') };
      return { ...base, params, encoded: { raw: s(c, 'raw') } };
    }
    if (fn === 'L4_Fpage') {
      const params = { base: s(c, 'base'), size: s(c, 'size') };
      return { ...base, params, encoded: { raw: s(c, 'raw') } };
    }
    return base;
  },
  map_grant_items: (c) => {
    const fn = s(c, 'fn');
    if (fn === 'L4_MapItem' || fn === 'L4_GrantItem') {
      const kind = fn === 'L4_MapItem' ? 'mapitem' : 'grantitem';
      const prefix = fn === 'L4_MapItem' ? 'L4_MapItem' : 'L4_GrantItem';
      const words = [s(c, 'w0'), s(c, 'w1')];
      return {
        kind,
        params: { fpage: s(c, 'fpage'), sndBase: s(c, 'snd_base') },
        encoded: { words },
        words,
        decoded: {
          words,
          sndBase: hexOf(s(c, `${prefix}SndBase`)),
          fpage: hexOf(s(c, `${prefix}SndFpage`)),
          continuation: false,
        },
      };
    }
    const ptr = /\(void\*\)(0x[0-9a-f]+)/.exec(fn)?.[1];
    if (!fn.startsWith('L4_StringItem') || ptr === undefined) return null;
    const words = [s(c, 'w0'), s(c, 'w1')];
    return {
      kind: 'stringitem',
      params: { length: s(c, 'len'), ptr },
      encoded: { words },
      words,
      decoded: { words, length: hexOf(s(c, 'len')), ptr, continuation: false },
    };
  },
  acceptor: (c) => {
    if (s(c, 'fn') !== 'L4_MapGrantItems') return null;
    const plus = s(c, 'plus_StringItemsAcceptor_raw');
    const window = s(c, 'L4_RcvWindow');
    return [
      {
        kind: 'acceptor',
        params: { window: s(c, 'window_raw') },
        encoded: { raw: s(c, 'raw') },
        words: [s(c, 'raw')],
        decoded: { raw: s(c, 'raw'), strings: b(c, 'L4_HasStringItems'), window },
      },
      {
        kind: 'acceptor',
        params: { window: s(c, 'window_raw'), strings: '1' },
        encoded: { raw: plus },
        words: [plus],
        decoded: { raw: plus, strings: true, window },
      },
    ];
  },
  time_period: (c) => {
    const raw = s(c, 'runtime_raw');
    const never = BigInt(raw) === 0n;
    return {
      kind: 'time',
      params: { us: s(c, 'us') },
      encoded: { raw },
      words: [raw],
      decoded: {
        raw,
        exponent: n(c, 'runtime_e'),
        mantissa: n(c, 'runtime_m'),
        us: never ? null : s(c, 'runtime_decoded_us'),
      },
    };
  },
  timeouts: (c) => ({
    kind: 'timeouts',
    params: { snd: s(c, 'snd_raw'), rcv: s(c, 'rcv_raw') },
    encoded: { raw: s(c, 'L4_Timeouts') },
    words: [s(c, 'L4_Timeouts')],
    decoded: { raw: s(c, 'L4_Timeouts'), snd: s(c, 'snd_raw'), rcv: s(c, 'rcv_raw') },
  }),
  error_code: (c) => ({
    kind: 'errorcode',
    params: { phase: s(c, 'phase'), code: s(c, 'code'), offset: s(c, 'offset') },
    encoded: { raw: s(c, 'raw') },
    words: [s(c, 'raw')],
    decoded: {
      raw: s(c, 'raw'),
      phase: n(c, 'decoded_p') === 1 ? 'receive' : 'send',
      code: n(c, 'decoded_code'),
      name: s(c, 'name'),
      offset: s(c, 'decoded_offset'),
    },
  }),
};

/** Every vector case that maps onto a word kind, for both ABIs. */
export function kindCases(): KindCase[] {
  return ABIS.flatMap((abi) =>
    (Object.keys(MAKERS) as CaseSection[]).flatMap((section) =>
      vectorCases(abi, section).flatMap((c, i) => {
        const made = MAKERS[section]?.(c, abi) ?? [];
        return (Array.isArray(made) ? made : [made]).map((m, j) => ({
          ...m,
          name: `${abi} ${section} #${i}${j > 0 ? `.${j}` : ''}`,
          abi,
        }));
      }),
    ),
  );
}
