/**
 * Bit layouts of each word kind, for the word decoder's bit strip: every field of the word, from the
 * most significant bit down, covering all W bits (reserved and zero ranges included).
 */
import type { WordKind } from './kinds';
import { labelBits } from './msgTag';
import { isLocalId, versionBits } from './threadId';
import { ZERO_TIME, timeText } from './time';
import { bits, hex, wordBits } from './word';
import type { Abi, Word } from './word';

export interface BitField {
  name: string;
  lsb: number;
  width: number;
  value: bigint;
  display: string;
  description: string;
}

export interface WordLayout {
  title: string;
  raw: Word;
  fields: readonly BitField[];
}

/** name, width, description, optional display of the field's value; listed MSB first. */
type Spec = readonly [string, number, string, ((v: bigint) => string)?];

const flag = (v: bigint): string => (v === 1n ? 'set' : 'clear');
const dec = (v: bigint): string => v.toString();
const shifted =
  (by: number) =>
  (v: bigint): string =>
    hex(v << BigInt(by));

function build(title: string, raw: Word, specs: readonly Spec[]): WordLayout {
  const total = specs.reduce((n, s) => n + s[1], 0);
  let msb = total;
  const fields = specs.map(([name, width, description, show]): BitField => {
    msb -= width;
    const value = bits(raw, msb, width);
    return { name, lsb: msb, width, value, display: (show ?? hex)(value), description };
  });
  return { title, raw, fields };
}

function rwx(v: bigint): string {
  return `${v & 4n ? 'r' : '-'}${v & 2n ? 'w' : '-'}${v & 1n ? 'x' : '-'}`;
}

function msgTagLayout(raw: Word, abi: Abi): WordLayout {
  return build('message tag (MR0)', raw, [
    ['label', labelBits(abi), 'Protocol label', hex],
    ['error', 1, 'E: the IPC failed; details in the ErrorCode TCR', flag],
    ['xcpu', 1, 'X: the IPC crossed CPUs', flag],
    ['redirected', 1, 'r: the message was redirected', flag],
    ['propagated', 1, 'p: propagated IPC (ActualSender/VirtualSender)', flag],
    ['t', 6, 'Typed-item words after the untyped words', dec],
    ['u', 6, 'Untyped words MR1..MRu', dec],
  ]);
}

function threadIdLayout(raw: Word, abi: Abi): WordLayout {
  const w = wordBits(abi);
  if (raw !== 0n && isLocalId(raw)) {
    return build('thread ID (local)', raw, [
      ['local_id', w - 6, 'Local thread ID (the UTCB address >> 6)', shifted(6)],
      ['zeros', 6, 'Low 6 bits zero: this is a local ID', hex],
    ]);
  }
  const vb = versionBits(abi);
  return build('thread ID (global)', raw, [
    ['thread_no', w - vb, 'Thread number', hex],
    ['version', vb, 'Version; its low 6 bits must be non-zero for a global ID', hex],
  ]);
}

function fpageSpecs(abi: Abi): readonly Spec[] {
  return [
    ['base', wordBits(abi) - 10, 'Base address >> 10 (the address is size-aligned)', shifted(10)],
    ['s', 6, 'log2 of the size', dec],
    ['extended', 1, 'Architecture-specific page (reserved)', flag],
    ['rwx', 3, 'Access rights: read, write, execute', rwx],
  ];
}

function itemTypeName(v: bigint): string {
  if ((v & 4n) === 0n) return `string (${hex(v)})`;
  return ['map (0x4)', 'grant (0x5)', 'ctrlxfer (0x6)', 'unknown (0x7)'][Number(v & 3n)] ?? hex(v);
}

function sendItemLayouts(kind: 'map' | 'grant', w0: Word, w1: Word, abi: Abi): WordLayout[] {
  return [
    build(`${kind} item word 0`, w0, [
      ['snd_base', wordBits(abi) - 10, 'Send base >> 10 (the hotspot)', shifted(10)],
      ['zero', 6, 'Zero', hex],
      ['type', 3, 'Item type: 100b map, 101b grant', itemTypeName],
      ['C', 1, 'Another typed item follows', flag],
    ]),
    build(`${kind} item word 1: send fpage`, w1, fpageSpecs(abi)),
  ];
}

function stringItemLayouts(w0: Word, w1: Word, abi: Abi): WordLayout[] {
  return [
    build('string item word 0', w0, [
      ['length', wordBits(abi) - 10, 'String length in bytes', hex],
      ['c', 1, 'Compound string: another substring follows', flag],
      ['j', 5, 'Substrings − 1', dec],
      ['type', 3, 'Item type: 0hh = string (hh: cache hints)', itemTypeName],
      ['C', 1, 'Another typed item follows', flag],
    ]),
    build('string item word 1: pointer', w1, [['ptr', wordBits(abi), 'String pointer', hex]]),
  ];
}

function acceptorLayout(raw: Word, abi: Abi): WordLayout {
  return build('acceptor (BR0)', raw, [
    [
      'window',
      wordBits(abi) - 4,
      'Receive window: bits 4.. of an fpage (0: no map/grant)',
      shifted(4),
    ],
    ['zero', 2, 'Zero', hex],
    ['c', 1, 'Accept control-transfer items', flag],
    ['s', 1, 'Accept string items (BR1.. are buffers)', flag],
  ]);
}

function timeSpecs(t: Word): readonly Spec[] {
  if (bits(t, 15, 1) === 1n) {
    return [
      ['a', 1, 'Time point', flag],
      ['e', 4, 'Exponent', dec],
      ['c', 1, 'Carry (epoch) bit', dec],
      ['m', 10, 'Mantissa', dec],
    ];
  }
  const meaning = t === 0n ? ' (raw 0: Never)' : t === ZERO_TIME ? ' (0x400: ZeroTime)' : '';
  return [
    ['a', 1, `Time period${meaning}: ${timeText(t)}`, flag],
    ['e', 5, 'Exponent: the period is m·2^e µs', dec],
    ['m', 10, 'Mantissa', dec],
  ];
}

function timeLayout(raw: Word, abi: Abi): WordLayout {
  const upper: Spec[] = [['zero', wordBits(abi) - 16, 'Unused (L4_Time_t is 16 bits)', hex]];
  return build('time (L4_Time_t)', raw, [...upper, ...timeSpecs(bits(raw, 0, 16))]);
}

function timeoutsLayout(raw: Word, abi: Abi): WordLayout {
  const upper: Spec[] =
    abi === 'amd64' ? [['zero', 32, 'Upper half (zero unless snd is a time point)', hex]] : [];
  return build('timeouts', raw, [
    ...upper,
    ['snd', 16, 'Send timeout (L4_Time_t)', (v) => `${hex(v)} = ${timeText(v)}`],
    ['rcv', 16, 'Receive timeout (L4_Time_t)', (v) => `${hex(v)} = ${timeText(v)}`],
  ]);
}

function errorCodeLayout(raw: Word, abi: Abi): WordLayout {
  return build('ErrorCode TCR', raw, [
    ['offset', wordBits(abi) - 4, 'Bytes transferred before the error (codes 4..7)', hex],
    ['code', 3, 'Error code: 1 timeout … 7 aborted', dec],
    ['p', 1, 'Phase: 0 send, 1 receive', (v) => (v === 1n ? 'receive' : 'send')],
  ]);
}

/** One layout per word of the kind (a map item's second word is laid out as an fpage). */
export function wordLayouts(
  kind: WordKind,
  words: readonly Word[],
  abi: Abi,
): readonly WordLayout[] {
  const w0 = words[0] ?? 0n;
  const w1 = words[1] ?? 0n;
  switch (kind) {
    case 'msgtag':
      return [msgTagLayout(w0, abi)];
    case 'threadid':
      return [threadIdLayout(w0, abi)];
    case 'fpage':
      return [build('fpage', w0, fpageSpecs(abi))];
    case 'mapitem':
      return sendItemLayouts('map', w0, w1, abi);
    case 'grantitem':
      return sendItemLayouts('grant', w0, w1, abi);
    case 'stringitem':
      return stringItemLayouts(w0, w1, abi);
    case 'acceptor':
      return [acceptorLayout(w0, abi)];
    case 'time':
      return [timeLayout(w0, abi)];
    case 'timeouts':
      return [timeoutsLayout(w0, abi)];
    case 'errorcode':
      return [errorCodeLayout(w0, abi)];
  }
}
