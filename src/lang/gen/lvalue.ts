/**
 * Places that can be read, written or pointed at: a local, a word range inside a local aggregate
 * (at a static offset, plus a dynamic offset on the operand stack for computed indexes), or memory
 * behind a pointer on the operand stack.
 */
import type { Expr } from '../ast';
import type { CType } from '../check/ctypes';
import { WORD, isAggregate, l4Hint, sizeOf, typeName } from '../check/ctypes';
import { didYouMean } from '../diagnostic';
import type { Pos } from '../diagnostic';
import { Op } from '../vm/opcodes';
import { constFold } from './constFold';
import type { FnGen } from './fnGen';
import { genExpr } from './genExpr';

export type LV =
  | {
      readonly k: 'local';
      readonly slot: number;
      readonly type: CType;
      readonly name: string;
      readonly isConst: boolean;
    }
  | {
      readonly k: 'elem';
      readonly slot: number;
      readonly off: number;
      readonly dyn: boolean;
      readonly type: CType;
      readonly name: string;
      readonly isConst: boolean;
    }
  | {
      readonly k: 'ptr';
      readonly off: number;
      readonly type: CType;
      readonly name: string;
      readonly isConst: boolean;
    };

export type LvMode = 'read' | 'assign' | 'address';

/** Syntactically a place (a name, member, index or dereference). */
export function isPlaceForm(e: Expr): boolean {
  return (
    e.k === 'ident' || e.k === 'member' || e.k === 'index' || (e.k === 'unary' && e.op === '*')
  );
}

export function sourceText(e: Expr): string {
  // eslint-disable-next-line @typescript-eslint/switch-exhaustiveness-check -- other forms are shown generically
  switch (e.k) {
    case 'ident':
      return e.name;
    case 'member':
      return `${sourceText(e.obj)}${e.arrow ? '->' : '.'}${e.field}`;
    case 'index':
      return `${sourceText(e.obj)}[${sourceText(e.index)}]`;
    case 'unary':
      return `${e.op}${sourceText(e.arg)}`;
    case 'num':
      return e.text;
    case 'call':
      return `${e.callee}(...)`;
    default:
      return 'expression';
  }
}

/** Number of operand-stack entries the place's address occupies. */
export function addrDepth(lv: LV): number {
  return (lv.k === 'elem' && lv.dyn) || lv.k === 'ptr' ? 1 : 0;
}

/**
 * Emits the code that computes the place's address and returns it; null after an error, or
 * `'value'` when `e` is a member of a temporary (not a place: the caller reads it as a value).
 */
export function genPlace(g: FnGen, e: Expr, mode: LvMode): LV | null | 'value' {
  // eslint-disable-next-line @typescript-eslint/switch-exhaustiveness-check -- every other form is not a place
  switch (e.k) {
    case 'ident':
      return identPlace(g, e.name, e.pos, mode);
    case 'member':
      return memberPlace(g, e, mode);
    case 'index':
      return indexPlace(g, e, mode);
    case 'unary':
      if (e.op === '*') {
        const t = genExpr(g, e.arg);
        if (t === null) return null;
        if (t.k !== 'ptr')
          return g.error(
            e.pos,
            `cannot dereference '${sourceText(e.arg)}': it has type ${typeName(t)}, not a pointer`,
          );
        if (t.to.k === 'void')
          return g.error(e.pos, 'cannot dereference a void pointer: cast it first');
        return { k: 'ptr', off: 0, type: t.to, name: sourceText(e), isConst: false };
      }
      break;
    default:
      break;
  }
  return g.error(
    e.pos,
    mode === 'address'
      ? 'cannot take the address of this expression'
      : 'this expression cannot be assigned to',
  );
}

function identPlace(g: FnGen, name: string, pos: Pos, mode: LvMode): LV | null {
  const local = g.lookup(name);
  if (local !== undefined)
    return { k: 'local', slot: local.slot, type: local.type, name, isConst: local.isConst };
  const sym = g.env.globals.get(name);
  const verb = mode === 'address' ? 'take the address of' : 'assign to';
  if (sym !== undefined) {
    const what =
      sym.k === 'define'
        ? 'a #define constant'
        : sym.k === 'enum'
          ? 'an enum constant'
          : sym.k === 'thread'
            ? `the id of thread ${name}`
            : 'an L4 constant';
    return g.error(pos, `cannot ${verb} '${name}': it is ${what}`);
  }
  if (g.env.functions.has(name)) return g.error(pos, `cannot ${verb} '${name}': it is a function`);
  return g.error(
    pos,
    `unknown identifier '${name}'${didYouMean(name, [...g.visibleLocals(), ...g.env.globals.keys()])}`,
  );
}

function fieldOf(
  g: FnGen,
  t: CType,
  field: string,
  pos: Pos,
  what: string,
): { offset: number; type: CType } | null {
  if (t.k === 'l4') {
    if (field === 'raw') return { offset: 0, type: WORD };
    return g.error(pos, `${t.name} has no field '${field}' here: use '.raw' for its word`);
  }
  if (t.k !== 'struct')
    return g.error(pos, `'${what}' has type ${typeName(t)}, which has no fields (no '.${field}')`);
  const f = t.fields.find((x) => x.name === field);
  if (f === undefined) {
    return g.error(
      pos,
      `${t.display} has no field '${field}'${didYouMean(
        field,
        t.fields.map((x) => x.name),
      )}`,
    );
  }
  return f;
}

function memberPlace(
  g: FnGen,
  e: Extract<Expr, { k: 'member' }>,
  mode: LvMode,
): LV | null | 'value' {
  if (e.arrow) {
    const t = genExpr(g, e.obj);
    if (t === null) return null;
    if (t.k !== 'ptr') {
      return g.error(
        e.pos,
        `'->' needs a pointer, but '${sourceText(e.obj)}' has type ${typeName(t)}${t.k === 'struct' ? ": use '.'" : ''}`,
      );
    }
    const f = fieldOf(g, t.to, e.field, e.pos, `*${sourceText(e.obj)}`);
    if (f === null) return null;
    return { k: 'ptr', off: f.offset, type: f.type, name: sourceText(e), isConst: false };
  }
  const constant =
    e.obj.k === 'ident' && g.lookup(e.obj.name) === undefined && g.env.globals.has(e.obj.name);
  if (!isPlaceForm(e.obj) || (constant && mode === 'read')) {
    if (mode !== 'read')
      return g.error(
        e.pos,
        `cannot ${mode === 'address' ? 'take the address of' : 'assign to'} a member of a temporary value`,
      );
    return 'value';
  }
  const base = genPlace(g, e.obj, mode);
  if (base === null || base === 'value') return base;
  if (base.type.k === 'ptr') {
    return g.error(e.pos, `'${sourceText(e.obj)}' is a pointer: use '->' to reach its fields`);
  }
  const f = fieldOf(g, base.type, e.field, e.pos, sourceText(e.obj));
  if (f === null) return null;
  return offsetPlace(base, f.offset, f.type, sourceText(e));
}

function offsetPlace(base: LV, off: number, type: CType, name: string): LV {
  if (base.k === 'local') {
    if (!isAggregate(base.type)) return { ...base, type, name };
    return { k: 'elem', slot: base.slot, off, dyn: false, type, name, isConst: base.isConst };
  }
  return { ...base, off: base.off + off, type, name };
}

function indexPlace(g: FnGen, e: Extract<Expr, { k: 'index' }>, mode: LvMode): LV | null {
  let base: LV | null | 'value' = null;
  if (isPlaceForm(e.obj)) {
    base = genPlace(g, e.obj, mode === 'address' ? 'address' : 'read');
    if (base === null) return null;
  }
  if (base === null || base === 'value' || base.type.k === 'ptr') {
    // Indexing through a pointer: p[i] is *(p + i).
    let pt: CType | null;
    if (base !== null && base !== 'value') {
      emitLoad(g, base, e.pos);
      pt = base.type;
    } else pt = genExpr(g, e.obj);
    if (pt === null) return null;
    const to = pt.k === 'ptr' ? pt.to : null;
    if (to === null || to.k === 'void') {
      return g.error(
        e.pos,
        `cannot index '${sourceText(e.obj)}': it has type ${typeName(pt)}, not an array or a typed pointer`,
      );
    }
    if (!intIndex(g, e.index)) return null;
    g.em.op(Op.PIDX, sizeOf(to), 1);
    return { k: 'ptr', off: 0, type: to, name: sourceText(e), isConst: false };
  }
  if (base.type.k !== 'array') {
    return g.error(
      e.pos,
      `cannot index '${sourceText(e.obj)}': it has type ${typeName(base.type)}, not an array${l4Hint(base.type)}`,
    );
  }
  const { of, len } = base.type;
  const stride = sizeOf(of);
  const name = sourceText(e);
  const c = constFold(g.env, e.index, (n) => g.lookup(n)?.type);
  if (c !== null && c.type.k === 'int') {
    const i = BigInt.asIntN(g.env.width.bits, c.value);
    if (i < 0n || i >= BigInt(len)) {
      return g.error(
        e.index.pos,
        `index ${i} is out of range for '${sourceText(e.obj)}' (${len} elements: 0..${len - 1})`,
      );
    }
    return offsetPlace(base, Number(i) * stride, of, name);
  }
  const site = g.em.site(e.pos, sourceText(e.obj));
  if (base.k === 'ptr') {
    if (base.off !== 0) g.em.op(Op.PADDN, base.off);
    if (!intIndex(g, e.index)) return null;
    g.em.op(Op.IDX, len, stride, site);
    return { k: 'ptr', off: 0, type: of, name, isConst: false };
  }
  const elem: LV =
    base.k === 'local'
      ? {
          k: 'elem',
          slot: base.slot,
          off: 0,
          dyn: false,
          type: base.type,
          name,
          isConst: base.isConst,
        }
      : base;
  if (elem.k !== 'elem') return null;
  if (!elem.dyn) g.em.op(Op.PUSHN, 0);
  if (!intIndex(g, e.index)) return null;
  g.em.op(Op.IDX, len, stride, site);
  return { ...elem, dyn: true, type: of, name };
}

function intIndex(g: FnGen, index: Expr): boolean {
  const t = genExpr(g, index);
  if (t === null) return false;
  if (t.k !== 'int') {
    g.error(index.pos, `an index must be an integer, not ${typeName(t)}${l4Hint(t)}`);
    return false;
  }
  return true;
}

/** Pushes the place's value (an aggregate as a word array). Arrays are not values: see genExpr. */
export function emitLoad(g: FnGen, lv: LV, pos: Pos): void {
  const n = sizeOf(lv.type);
  const agg = isAggregate(lv.type);
  switch (lv.k) {
    case 'local':
      g.em.op(Op.LOAD, lv.slot);
      return;
    case 'elem':
      if (agg) g.em.op(lv.dyn ? Op.LOADAD : Op.LOADA, lv.slot, lv.off, n);
      else g.em.op(lv.dyn ? Op.LOADD : Op.LOADE, lv.slot, lv.off);
      return;
    case 'ptr': {
      if (lv.off !== 0) g.em.op(Op.PADDN, lv.off);
      const site = g.em.site(pos, lv.name);
      if (agg) g.em.op(Op.LOADPA, n, site);
      else g.em.op(Op.LOADP, site);
      return;
    }
  }
}

/** Stores the value on top of the stack (above the address) into the place. */
export function emitStore(g: FnGen, lv: LV, keep: boolean, pos: Pos): void {
  const n = sizeOf(lv.type);
  const agg = isAggregate(lv.type);
  const k = keep ? 1 : 0;
  switch (lv.k) {
    case 'local':
      g.em.op(Op.STORE, lv.slot, k);
      return;
    case 'elem':
      if (agg) g.em.op(lv.dyn ? Op.STOREAD : Op.STOREA, lv.slot, lv.off, n, k);
      else g.em.op(lv.dyn ? Op.STORED : Op.STOREE, lv.slot, lv.off, k);
      return;
    case 'ptr': {
      const site = g.em.site(pos, lv.name);
      if (agg) g.em.op(Op.STOREPA, n, k, site);
      else g.em.op(Op.STOREP, k, site);
      return;
    }
  }
}

/** A `ptr` place keeps its static offset until used; fold it into the pointer now. */
export function settle(g: FnGen, lv: LV): LV {
  if (lv.k === 'ptr' && lv.off !== 0) {
    g.em.op(Op.PADDN, lv.off);
    return { ...lv, off: 0 };
  }
  return lv;
}

/** Pushes a pointer to the place. */
export function emitAddress(g: FnGen, lv: LV): void {
  switch (lv.k) {
    case 'local':
      g.em.op(Op.ADDR, lv.slot, 0);
      return;
    case 'elem':
      g.em.op(lv.dyn ? Op.ADDRD : Op.ADDR, lv.slot, lv.off);
      return;
    case 'ptr':
      if (lv.off !== 0) g.em.op(Op.PADDN, lv.off);
      return;
  }
}
