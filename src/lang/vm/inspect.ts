/**
 * A thread's call stack as plain data for the variables panel: each frame's function, the line it
 * is at, and every local, argument and struct field with its value. Read from the program state
 * the kernel keeps (`LangState.frames`), so nothing is stored per step for it.
 */
import type { Word } from '../../kernel/abi/word';
import type { CType } from '../check/ctypes';
import { sizeOf, typeName } from '../check/ctypes';
import type { LangState } from './state';
import type { CompiledUnit, NamedConst } from './unit';
import { Op } from './opcodes';
import type { Frame, Local, Ptr } from './values';
import { isPtr } from './values';

export interface VarInfo {
  /** The name as C spells the path: `req`, `req.op`, `msg.msg[1]`. */
  readonly path: string;
  /** The last part of the path: `op`, `[1]`. */
  readonly name: string;
  readonly type: string;
  /** A word's value; null for a pointer or an aggregate. */
  readonly value: Word | null;
  /** For a pointer: what it points at (`&req`, `&msg.msg[1]`, `NULL`). */
  readonly target: string | null;
  /** The named constant whose value it holds (`MEM_ALLOC`), when the code uses it with one. */
  readonly named: string | null;
  /** One-word L4 types: the type name (`L4_MsgTag_t`, `L4_ThreadId_t`), for decoding. */
  readonly l4: string | null;
  /** Struct fields or array elements (arrays: up to the last non-zero element). */
  readonly fields: readonly VarInfo[];
  /** Elements of an array left out (all zero). */
  readonly hidden: number;
  readonly param: boolean;
}

export interface FrameInfo {
  readonly fn: string;
  /** The line this frame is at: the next statement of the top frame, a call site below it. */
  readonly line: number | null;
  readonly vars: readonly VarInfo[];
}

/** Most array elements listed. */
const MAX_ELEMENTS = 16;

function wordAt(local: Local | undefined, o: number): Word {
  if (typeof local === 'bigint') return o === 0 ? local : 0n;
  if (Array.isArray(local)) return (local as readonly Word[])[o] ?? 0n;
  return 0n;
}

function named(hints: readonly NamedConst[] | undefined, w: Word): string | null {
  return hints?.find((h) => h.value === w)?.name ?? null;
}

interface Ctx {
  readonly unit: CompiledUnit;
  readonly frames: readonly Frame[];
  readonly fn: string;
}

/** A pointer as C would write its target. */
function ptrText(ctx: Ctx, p: Ptr): string {
  if (p.d < 0) return 'NULL';
  const f = ctx.frames[p.d];
  const fn = f === undefined ? undefined : ctx.unit.fns[f.fn];
  const name = fn?.localNames[p.v] ?? '?';
  const type = fn?.localTypes[p.v];
  return `&${name}${type === undefined ? '' : pathAt(type, p.o)}`;
}

/** The C path of word `o` inside a value of type `t` (`.msg[1]`); '' for the value itself. */
function pathAt(t: CType, o: number): string {
  if (o === 0 && t.k !== 'struct' && t.k !== 'array') return '';
  if (t.k === 'array') {
    const size = Math.max(1, sizeOf(t.of));
    const i = Math.floor(o / size);
    return `[${i}]${pathAt(t.of, o - i * size)}`;
  }
  if (t.k === 'struct') {
    if (o === 0) return '';
    const f = [...t.fields].reverse().find((x) => x.offset <= o);
    return f === undefined ? `+${o}` : `.${f.name}${pathAt(f.type, o - f.offset)}`;
  }
  return o === 0 ? '' : `+${o}`;
}

function varOf(
  ctx: Ctx,
  t: CType,
  local: Local | undefined,
  o: number,
  path: string,
  name: string,
  key: string,
  param: boolean,
): VarInfo {
  const base = { path, name, type: typeName(t), param, hidden: 0 };
  if (t.k === 'ptr') {
    const target = isPtr(local) && o === 0 ? ptrText(ctx, local) : 'NULL';
    return { ...base, value: null, target, named: null, l4: null, fields: [] };
  }
  if (t.k === 'struct') {
    if (t.name === 'L4_Msg_t') return msgVar(local, o, path, base);
    const fields: VarInfo[] = [];
    let last = -1;
    for (const f of t.fields) {
      // Union members (L4 types' `raw`) share their offset with the field before: list it once.
      if (f.offset <= last && t.fields.length > 1) continue;
      last = f.offset;
      fields.push(
        varOf(ctx, f.type, local, o + f.offset, `${path}.${f.name}`, f.name, `.${f.name}`, false),
      );
    }
    return aggregate(base, fields, 0);
  }
  if (t.k === 'array') {
    const size = Math.max(1, sizeOf(t.of));
    let shown = 0;
    for (let i = 0; i < t.len; i++) if (wordsNonZero(local, o + i * size, size)) shown = i + 1;
    shown = Math.min(Math.max(shown, Math.min(t.len, 1)), MAX_ELEMENTS);
    const fields: VarInfo[] = [];
    for (let i = 0; i < shown; i++)
      fields.push(varOf(ctx, t.of, local, o + i * size, `${path}[${i}]`, `[${i}]`, key, false));
    return aggregate(base, fields, t.len - shown);
  }
  const value = wordAt(local, o);
  return {
    ...base,
    value,
    target: null,
    named: named(ctx.unit.hints.get(key), value),
    l4: t.k === 'l4' ? t.name : null,
    fields: [],
  };
}

function wordsNonZero(local: Local | undefined, o: number, n: number): boolean {
  for (let i = 0; i < n; i++) if (wordAt(local, o + i) !== 0n) return true;
  return false;
}

/** `L4_Msg_t`: its tag and the words msg[1..] the tag counts (or that are set). */
function msgVar(local: Local | undefined, o: number, path: string, base: VarBase): VarInfo {
  const tag = wordAt(local, o);
  const counted = Number((tag & 0x3fn) + ((tag >> 6n) & 0x3fn));
  let n = counted;
  for (let i = 1; i < 64; i++) if (wordAt(local, o + i) !== 0n) n = Math.max(n, i);
  const tagVar = wordVar(`${path}.tag`, 'tag', 'L4_MsgTag_t', tag, 'L4_MsgTag_t');
  const words: VarInfo[] = [];
  for (let i = 1; i <= Math.min(n, MAX_ELEMENTS); i++) {
    words.push(wordVar(`${path}.msg[${i}]`, `msg[${i}]`, 'L4_Word_t', wordAt(local, o + i), null));
  }
  return aggregate(base, [tagVar, ...words], 63 - words.length);
}

type VarBase = Pick<VarInfo, 'path' | 'name' | 'type' | 'param' | 'hidden'>;

/** A struct, array or message: no value of its own, its parts in `fields`. */
function aggregate(base: VarBase, fields: readonly VarInfo[], hidden: number): VarInfo {
  return { ...base, value: null, target: null, named: null, l4: null, fields, hidden };
}

/** One word of a message, shown on its own. */
function wordVar(
  path: string,
  name: string,
  type: string,
  value: Word,
  l4: string | null,
): VarInfo {
  return {
    path,
    name,
    type,
    value,
    target: null,
    named: null,
    l4,
    fields: [],
    hidden: 0,
    param: false,
  };
}

/** The line a frame is at: the statement at or before its pc. */
function frameLine(unit: CompiledUnit, f: Frame, top: boolean, state: LangState): number | null {
  if (top) return state.loc?.line ?? null;
  const code = unit.fns[f.fn]?.code;
  if (code === undefined) return null;
  // The statement a caller is in: the last STMT marker before its resume pc.
  let stmt = -1;
  for (let pc = 0; pc < f.pc && pc < code.length; pc++)
    if (code[pc] === Op.STMT && pc + 1 < f.pc) stmt = code[pc + 1] ?? -1;
  return unit.stmts[stmt]?.line ?? null;
}

/** The call stack of a thread, outermost first. */
export function inspectFrames(unit: CompiledUnit, state: LangState): FrameInfo[] {
  const frames = state.frames;
  return frames.map((f, d) => {
    const fn = unit.fns[f.fn];
    const ctx: Ctx = { unit, frames, fn: fn?.name ?? '?' };
    const vars: VarInfo[] = [];
    if (fn !== undefined) {
      fn.localNames.forEach((name, v) => {
        const t = fn.localTypes[v];
        if (t === undefined || name.startsWith('#')) return;
        vars.push(varOf(ctx, t, f.locals[v], 0, name, name, `${fn.name}:${name}`, v < fn.nparams));
      });
    }
    return { fn: ctx.fn, line: frameLine(unit, f, d === frames.length - 1, state), vars };
  });
}
