// Decoding a thread's UTCB words into the register panel's view: MR0 as a tag, the ErrorCode TCR,
// BR0 as an acceptor, which words to list and which changed. Pure; used by every FrameSource.
import {
  hasCtrlXferItems,
  hasMapGrantItems,
  hasStringItems,
  rcvWindow,
} from '../kernel/abi/acceptor';
import { decodeErrorCode, errorCodeDescription } from '../kernel/abi/errorCode';
import { fpageAddress, fpageIsComplete, fpageRights, fpageSize } from '../kernel/abi/fpage';
import { timeoutsText } from '../kernel/abi/time';
import { decodeTypedItem } from '../kernel/abi/typedItem';
import { decodeMsgTag } from '../kernel/abi/msgTag';
import { hex } from '../kernel/abi/word';
import type { Abi, Word } from '../kernel/abi/word';
import type { AcceptorView, ErrorCodeView, RegisterView, TagView } from './viewModel';

/** The fewest MRs the panel lists (MR0..MR3), so a quiet thread still shows its tag and a few words. */
export const MIN_SHOWN = 4;
export const MR_COUNT = 64;

export function tagView(raw: Word, abi: Abi): TagView {
  return { raw, ...decodeMsgTag(raw, abi) };
}

/** Null while the TCR is zero (no IPC has failed). */
export function errorCodeView(raw: Word, abi: Abi): ErrorCodeView | null {
  if (raw === 0n) return null;
  const e = decodeErrorCode(raw, abi);
  return {
    raw,
    phase: e.phase,
    code: e.code,
    description: errorCodeDescription(e.code),
    offset: e.offset,
  };
}

/** A byte count in words people use: 4 KB, 1 MB, 0x1800 bytes. */
export function sizeText(size: bigint): string {
  if (size === 0n) return '0 bytes';
  const units: readonly [bigint, string][] = [
    [1n << 30n, 'GB'],
    [1n << 20n, 'MB'],
    [1n << 10n, 'KB'],
  ];
  for (const [unit, name] of units) {
    if (size >= unit && size % unit === 0n) return `${size / unit} ${name}`;
  }
  return `${hex(size)} bytes`;
}

export function acceptorView(raw: Word, abi: Abi): AcceptorView {
  const parts: string[] = [];
  if (!hasMapGrantItems(raw)) parts.push('no map/grant items');
  else {
    const window = rcvWindow(raw);
    parts.push(
      fpageIsComplete(window)
        ? 'map/grant anywhere in the address space'
        : `map/grant into ${hex(fpageAddress(window, abi))}, ${sizeText(fpageSize(window, abi))}`,
    );
  }
  if (hasStringItems(raw)) parts.push('string items');
  if (hasCtrlXferItems(raw)) parts.push('control-transfer items');
  const summary =
    parts.length === 1 && !hasMapGrantItems(raw) ? 'untyped words only' : parts.join('; ');
  return { raw, summary };
}

/** Indices where `before` and `after` differ (over the longer of the two). */
export function diffWords(before: readonly Word[], after: readonly Word[]): number[] {
  const out: number[] = [];
  const n = Math.max(before.length, after.length);
  for (let i = 0; i < n; i++) if ((before[i] ?? 0n) !== (after[i] ?? 0n)) out.push(i);
  return out;
}

/** How many MRs to list: the tag's words, every non-zero or changed word, the named fields. */
export function shownCount(
  mrs: readonly Word[],
  tag: TagView,
  changed: readonly number[],
  fieldNames: readonly string[] | undefined,
): number {
  let last = Math.max(MIN_SHOWN - 1, tag.u + tag.t, fieldNames?.length ?? 0, ...changed);
  for (let i = mrs.length - 1; i > last; i--) {
    if (mrs[i] !== 0n) {
      last = i;
      break;
    }
  }
  return Math.min(MR_COUNT, last + 1);
}

function fpageText(f: Word, abi: Abi): string {
  if (f === 0n) return 'nil fpage';
  if (fpageIsComplete(f)) return `the whole address space, ${rightsOf(f)}`;
  return `fpage ${hex(fpageAddress(f, abi))}, ${sizeText(fpageSize(f, abi))}, ${rightsOf(f)}`;
}

function rightsOf(f: Word): string {
  const r = fpageRights(f);
  return `${r & 4 ? 'r' : '-'}${r & 2 ? 'w' : '-'}${r & 1 ? 'x' : '-'}`;
}

/** The typed items of a message (MR u+1 .. u+t), two words each, as text per MR. */
export function typedItems(
  mrs: readonly Word[],
  tag: TagView,
  abi: Abi,
): Readonly<Record<number, string>> {
  const out: Record<number, string> = {};
  const end = tag.u + tag.t;
  for (let i = tag.u + 1; i <= end; i += 2) {
    const w0 = mrs[i] ?? 0n;
    const w1 = mrs[i + 1] ?? 0n;
    const item = decodeTypedItem(w0, w1, abi);
    const more = item.continuation ? ', another item follows' : '';
    switch (item.type) {
      case 'map':
      case 'grant':
        out[i] = `${item.type} item: send base ${hex(item.sndBase)}${more}`;
        out[i + 1] = fpageText(item.fpage, abi);
        break;
      case 'string':
        out[i] =
          `string item: ${hex(item.length ?? 0n)} bytes${item.compound ? ', compound' : ''}${more}`;
        out[i + 1] = `string at ${hex(item.ptr ?? 0n)}`;
        break;
      case 'ctrlxfer':
        out[i] = `control-transfer item${more}`;
        break;
      case 'unknown':
        out[i] = 'typed word of an unknown item type';
    }
  }
  return out;
}

export interface RegisterInput {
  readonly mrs: readonly Word[];
  readonly abi: Abi;
  readonly changed: readonly number[];
  readonly errorCode: ErrorCodeView | null;
  readonly br0: AcceptorView;
  readonly fieldNames?: readonly string[];
  /** The timeouts word of the IPC the thread is blocked in. */
  readonly timeouts?: Word | null;
  /** MR0..MR(count-1) hold the fpages an `L4_Unmap` / `L4_Flush` gave back (no message tag). */
  readonly fpages?: { readonly count: number; readonly by: 'L4_Unmap' | 'L4_Flush' } | null;
}

/**
 * The fpages in MR0..MR(count-1) after an unmap, as text per MR: the low bits now say which of
 * read, write, execute were used since the last unmap (the model tracks none: `---`).
 */
function fpageWords(mrs: readonly Word[], count: number, abi: Abi): Record<number, string> {
  const out: Record<number, string> = {};
  for (let i = 0; i < count; i++) {
    const f = mrs[i] ?? 0n;
    out[i] =
      f === 0n
        ? 'nil fpage'
        : `fpage ${hex(fpageAddress(f, abi))}, ${sizeText(fpageSize(f, abi))}, accessed ${rightsOf(f)}`;
  }
  return out;
}

export function registerView(input: RegisterInput): RegisterView {
  const fpages = input.fpages ?? null;
  if (fpages !== null) {
    // What L4_Unmap left: fpages in MR0..MRk, so no tag to decode and no protocol fields.
    const empty = tagView(0n, input.abi);
    return {
      mrs: input.mrs,
      tag: empty,
      shown: Math.max(fpages.count, shownCount(input.mrs, empty, input.changed, undefined)),
      changed: input.changed,
      errorCode: input.errorCode,
      br0: input.br0,
      typed: fpageWords(input.mrs, fpages.count, input.abi),
      fpages,
    };
  }
  const tag = tagView(input.mrs[0] ?? 0n, input.abi);
  const shown = shownCount(input.mrs, tag, input.changed, input.fieldNames);
  return {
    mrs: input.mrs,
    tag,
    shown,
    changed: input.changed,
    ...(input.fieldNames ? { fieldNames: input.fieldNames } : {}),
    errorCode: input.errorCode,
    br0: input.br0,
    ...(tag.t > 0 ? { typed: typedItems(input.mrs, tag, input.abi) } : {}),
    ...(input.timeouts === null || input.timeouts === undefined
      ? {}
      : { timeouts: { raw: input.timeouts, text: timeoutsText(input.timeouts) } }),
  };
}
