/**
 * Walks a framed Cap'n Proto message word by word, from the root pointer, and names every word:
 * the segment table, each pointer (struct: offset and section sizes; list: element size and
 * count; far: landing pad; capability: cap-table index), each data word with its fields by schema
 * name (raw, default, XOR), and list contents (Text, Data, numbers, composite tags). Pure; bad
 * words become rows with a reason, never an exception. Limits: depth 64 and one visit per word,
 * as readers must (the spec's traversal and depth limits).
 */
import type { DataField } from './fields';
import { dataFields, pointerFields, structLayout } from './fields';
import type { Framing, Pointer } from './pointers';
import { decodeFraming, decodePointer, ELEMENT_BITS, ELEMENT_SIZES } from './pointers';
import type { TypeLayout } from '../layoutTypes';

export type WordRole =
  | 'segment table'
  | 'struct pointer'
  | 'list pointer'
  | 'far pointer'
  | 'landing pad'
  | 'capability pointer'
  | 'null pointer'
  | 'data'
  | 'composite tag'
  | 'list'
  | 'text'
  | 'bytes'
  | 'unreached'
  | 'error';

export interface WordRow {
  /** Index in the framed message (0 = the first segment-table word). */
  readonly index: number;
  /** Segment and word in it; −1 for the segment table. */
  readonly segment: number;
  readonly offset: number;
  readonly word: bigint;
  readonly role: WordRole;
  /** Where in the message: `Message.call.params.content`. */
  readonly path: string;
  /** What the word says, in one line. */
  readonly text: string;
  readonly pointer: Pointer | null;
  readonly fields: readonly DataField[];
}

export interface DecodedMessage {
  readonly framing: Framing | null;
  readonly rows: readonly WordRow[];
  /** Null when the framing is valid; else why not. */
  readonly error: string | null;
}

/** What an AnyPointer holds, by its path (e.g. Payload.content: the params struct of the call). */
export type AnyPointerHint = (path: string) => string | null;

const MAX_DEPTH = 64;

interface Ctx {
  readonly words: readonly bigint[];
  readonly starts: readonly number[];
  readonly sizes: readonly number[];
  readonly rows: Map<number, WordRow>;
  readonly hint: AnyPointerHint;
}

function at(c: Ctx, seg: number, off: number): number | null {
  const size = c.sizes[seg];
  const start = c.starts[seg];
  if (size === undefined || start === undefined || off < 0 || off >= size) return null;
  return start + off;
}

function put(
  c: Ctx,
  seg: number,
  off: number,
  row: Omit<WordRow, 'index' | 'segment' | 'offset' | 'word'>,
): boolean {
  const i = at(c, seg, off);
  if (i === null || c.rows.has(i)) return false;
  c.rows.set(i, { index: i, segment: seg, offset: off, word: c.words[i] ?? 0n, ...row });
  return true;
}

const plain = (role: WordRole, path: string, text: string) => ({
  role,
  path,
  text,
  pointer: null,
  fields: [],
});

function structName(id: string | null): string {
  return (id !== null ? structLayout(id)?.name : undefined) ?? 'struct (schema unknown)';
}

/** The pointer at (seg, off), following far pointers: where its target is and what it says. */
function resolve(
  c: Ctx,
  seg: number,
  off: number,
  path: string,
  label: string,
): { seg: number; base: number; p: Pointer; atSeg: number; atOff: number } | null {
  const i = at(c, seg, off);
  if (i === null) return null;
  const p = decodePointer(c.words[i] ?? 0n);
  if (p.kind !== 'far') return { seg, base: off + 1, p, atSeg: seg, atOff: off };
  put(c, seg, off, {
    role: 'far pointer',
    path,
    text: `${label}: far pointer → segment ${p.segment}, word ${p.padOffset}${p.double ? ' (double-far: 2-word landing pad)' : ''}`,
    pointer: p,
    fields: [],
  });
  const pad = at(c, p.segment, p.padOffset);
  if (pad === null) return null;
  const padPtr = decodePointer(c.words[pad] ?? 0n);
  if (!p.double)
    return {
      seg: p.segment,
      base: p.padOffset + 1,
      p: padPtr,
      atSeg: p.segment,
      atOff: p.padOffset,
    };
  if (padPtr.kind !== 'far') return null;
  put(
    c,
    p.segment,
    p.padOffset,
    plain(
      'landing pad',
      path,
      `landing pad: content at segment ${padPtr.segment}, word ${padPtr.padOffset}`,
    ),
  );
  const tagAt = at(c, p.segment, p.padOffset + 1);
  if (tagAt === null) return null;
  const tag = decodePointer(c.words[tagAt] ?? 0n);
  put(c, p.segment, p.padOffset + 1, {
    role: 'landing pad',
    path,
    text: `landing pad tag: ${describe(tag)}`,
    pointer: tag,
    fields: [],
  });
  const base = padPtr.padOffset - (tag.kind === 'struct' || tag.kind === 'list' ? tag.offset : 0);
  return { seg: padPtr.segment, base, p: tag, atSeg: p.segment, atOff: p.padOffset + 1 };
}

export function describe(p: Pointer): string {
  switch (p.kind) {
    case 'null':
      return 'null pointer';
    case 'struct':
      return `struct pointer: offset ${p.offset}, data ${p.dataWords} words, pointers ${p.pointers}`;
    case 'list':
      return `list pointer: offset ${p.offset}, element size ${p.elementSize} (${ELEMENT_SIZES[p.elementSize] ?? '?'}), ${p.elementSize === 7 ? `${p.count} words` : `${p.count} elements`}`;
    case 'far':
      return `far pointer: segment ${p.segment}, word ${p.padOffset}`;
    case 'capability':
      return `capability pointer: cap table index ${p.index}`;
    case 'other':
      return 'other pointer (not a capability)';
  }
}

const ROLE_OF: Readonly<Record<Pointer['kind'], WordRole>> = {
  null: 'null pointer',
  struct: 'struct pointer',
  list: 'list pointer',
  far: 'far pointer',
  capability: 'capability pointer',
  other: 'error',
};

function visitPointer(
  c: Ctx,
  seg: number,
  off: number,
  type: TypeLayout,
  path: string,
  label: string,
  depth: number,
): void {
  if (depth > MAX_DEPTH) return;
  const r = resolve(c, seg, off, path, label);
  if (r === null) {
    put(c, seg, off, plain('error', path, `${label}: points outside the message`));
    return;
  }
  const { p } = r;
  const kind =
    type.kind === 'anyPointer' ? (c.hint(path) === null ? 'anyPointer' : 'struct') : type.kind;
  const structId = type.kind === 'anyPointer' ? c.hint(path) : (type.structId ?? null);
  const what = p.kind === 'struct' ? ` → ${structName(structId)}` : '';
  const far = r.atSeg !== seg || r.atOff !== off ? ' (landing pad)' : '';
  put(c, r.atSeg, r.atOff, {
    role: ROLE_OF[p.kind],
    path,
    text: `${label}${far}: ${describe(p)}${what}`,
    pointer: p,
    fields: [],
  });
  if (p.kind === 'struct')
    visitStruct(
      c,
      r.seg,
      r.base + p.offset,
      p,
      kind === 'struct' ? structId : null,
      path,
      depth + 1,
    );
  else if (p.kind === 'list') visitList(c, r.seg, r.base + p.offset, p, type, path, depth + 1);
}

function visitStruct(
  c: Ctx,
  seg: number,
  start: number,
  p: Extract<Pointer, { kind: 'struct' }>,
  id: string | null,
  path: string,
  depth: number,
): void {
  const layout = id === null ? null : structLayout(id);
  const data: bigint[] = [];
  for (let i = 0; i < p.dataWords; i++) {
    const w = at(c, seg, start + i);
    data.push(w === null ? 0n : (c.words[w] ?? 0n));
  }
  const fields = layout === null ? [] : dataFields(layout, data);
  for (let i = 0; i < p.dataWords; i++) {
    const mine = fields.filter((f) => Math.floor(f.bit / 64) === i);
    const text =
      mine.length > 0
        ? mine.map((f) => `${f.name} = ${f.value}`).join(', ')
        : layout === null
          ? 'data'
          : '(no field here)';
    put(c, seg, start + i, {
      role: 'data',
      path,
      text: `${structName(id)} data word ${i}: ${text}`,
      pointer: null,
      fields: mine,
    });
  }
  const ptrs = layout === null ? [] : pointerFields(layout, data);
  for (let j = 0; j < p.pointers; j++) {
    const f = ptrs.find((x) => x.index === j);
    const name = f?.name ?? `pointer ${j}`;
    visitPointer(
      c,
      seg,
      start + p.dataWords + j,
      f?.field.type ?? { kind: 'anyPointer' },
      `${path}.${name}`,
      name,
      depth,
    );
  }
}

function bytesOf(c: Ctx, seg: number, start: number, n: number): number[] {
  const out: number[] = [];
  for (let b = 0; b < n; b++) {
    const i = at(c, seg, start + Math.floor(b / 8));
    const w = i === null ? 0n : (c.words[i] ?? 0n);
    out.push(Number((w >> BigInt((b % 8) * 8)) & 0xffn));
  }
  return out;
}

function visitList(
  c: Ctx,
  seg: number,
  start: number,
  p: Extract<Pointer, { kind: 'list' }>,
  type: TypeLayout,
  path: string,
  depth: number,
): void {
  if (p.elementSize === 7) {
    const tag = decodePointer(
      at(c, seg, start) === null ? 0n : (c.words[at(c, seg, start) ?? 0] ?? 0n),
    );
    if (tag.kind !== 'struct') {
      put(c, seg, start, plain('error', path, 'composite list: the tag word is not struct-shaped'));
      return;
    }
    const count = tag.offset;
    put(c, seg, start, {
      role: 'composite tag',
      path,
      text: `composite tag: ${count} elements × (data ${tag.dataWords} words, pointers ${tag.pointers})`,
      pointer: tag,
      fields: [],
    });
    const size = tag.dataWords + tag.pointers;
    const element = type.element?.structId ?? null;
    for (let e = 0; e < count && size > 0; e++)
      visitStruct(c, seg, start + 1 + e * size, tag, element, `${path}[${e}]`, depth);
    return;
  }
  const bits = ELEMENT_BITS[p.elementSize] ?? 0;
  const words = Math.ceil((bits * p.count) / 64);
  if (type.kind === 'text' || type.kind === 'data' || p.elementSize === 2) {
    const bytes = bytesOf(c, seg, start, p.count);
    for (let i = 0; i < words; i++) {
      const chunk = bytes.slice(i * 8, i * 8 + 8);
      const text =
        type.kind === 'text'
          ? `Text "${chunk.map((b) => (b === 0 ? '\\0' : b >= 32 && b < 127 ? String.fromCharCode(b) : '·')).join('')}"`
          : `Data ${chunk.map((b) => b.toString(16).padStart(2, '0')).join(' ')}`;
      put(
        c,
        seg,
        start + i,
        plain(
          type.kind === 'text' ? 'text' : 'bytes',
          path,
          `${text}  (bytes ${i * 8}..${i * 8 + chunk.length - 1} of ${p.count})`,
        ),
      );
    }
    return;
  }
  if (p.elementSize === 6) {
    for (let e = 0; e < p.count; e++)
      visitPointer(
        c,
        seg,
        start + e,
        type.element ?? { kind: 'anyPointer' },
        `${path}[${e}]`,
        `[${e}]`,
        depth,
      );
    return;
  }
  for (let i = 0; i < words; i++) {
    const w = c.words[at(c, seg, start + i) ?? -1] ?? 0n;
    const per = bits === 0 ? 0 : 64 / bits;
    const vals = Array.from(
      { length: Math.min(per, p.count - i * per) },
      (_, k) => (w >> BigInt(k * bits)) & ((1n << BigInt(bits)) - 1n),
    );
    put(
      c,
      seg,
      start + i,
      plain('list', path, `elements ${i * per}..${i * per + vals.length - 1}: ${vals.join(', ')}`),
    );
  }
}

/** Names every word of a framed message whose root is struct `rootId`. */
export function walkMessage(
  words: readonly bigint[],
  rootId: string | null,
  hint: AnyPointerHint,
): DecodedMessage {
  const framing = decodeFraming(words);
  if (typeof framing === 'string') {
    const rows = words.map((w, index) => ({
      index,
      segment: -1,
      offset: index,
      word: w,
      ...plain('error', '', framing),
    }));
    return { framing: null, rows, error: framing };
  }
  const starts: number[] = [];
  let s = framing.headerWords;
  for (const size of framing.sizes) {
    starts.push(s);
    s += size;
  }
  const c: Ctx = { words, starts, sizes: framing.sizes, rows: new Map(), hint };
  for (let i = 0; i < framing.headerWords; i++) {
    const text =
      i === 0
        ? `segment table: ${framing.sizes.length} segment${framing.sizes.length === 1 ? '' : 's'} (count − 1 = ${framing.sizes.length - 1}), segment 0 = ${framing.sizes[0]} words`
        : `segment table: sizes of segments ${2 * i - 1}, ${2 * i} (words)`;
    c.rows.set(i, {
      index: i,
      segment: -1,
      offset: i,
      word: words[i] ?? 0n,
      ...plain('segment table', '', text),
    });
  }
  if ((framing.sizes[0] ?? 0) > 0)
    visitPointer(
      c,
      0,
      0,
      { kind: 'struct', ...(rootId === null ? {} : { structId: rootId }) },
      structName(rootId),
      'root',
      0,
    );
  const rows: WordRow[] = [];
  for (let i = 0; i < words.length; i++) {
    const row = c.rows.get(i);
    if (row !== undefined) rows.push(row);
    else {
      const seg = starts.filter((x) => x <= i).length - 1;
      rows.push({
        index: i,
        segment: seg,
        offset: i - (starts[seg] ?? 0),
        word: words[i] ?? 0n,
        ...plain('unreached', '', 'not reached from the root (padding or unused)'),
      });
    }
  }
  return { framing, rows, error: null };
}
