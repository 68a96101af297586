/** Expressions: type-checks and emits code that leaves the value on the operand stack. */
import type { Expr } from '../ast';
import { UNSUPPORTED } from '../builtins/registry';
import type { CType } from '../check/ctypes';
import { VOID_PTR, WORD, l4Hint, ptr, sameType, sizeOf, typeName } from '../check/ctypes';
import { didYouMean } from '../diagnostic';
import type { Pos } from '../diagnostic';
import { Op } from '../vm/opcodes';
import { constFold } from './constFold';
import { MAX_DEFINE_DEPTH } from './env';
import type { FnGen } from './fnGen';
import { genAssign, genIncDec } from './genAssign';
import { genCall } from './genCall';
import { genCast, genSizeof } from './genCast';
import { genBinary, genConditional, genLogical, genUnary } from './genOperators';
import { emitAddress, emitLoad, genPlace, isPlaceForm, sourceText } from './lvalue';
import type { LV } from './lvalue';

function foldable(e: Expr): boolean {
  return (
    e.k === 'num' ||
    e.k === 'ident' ||
    e.k === 'unary' ||
    e.k === 'binary' ||
    e.k === 'cond' ||
    e.k === 'cast' ||
    e.k === 'sizeof'
  );
}

export function genExpr(g: FnGen, e: Expr): CType | null {
  if (foldable(e) && !(e.k === 'unary' && (e.op === '&' || e.op === '*'))) {
    const c = constFold(g.env, e, (n) => g.lookup(n)?.type);
    if (c !== null) {
      g.em.push(c.value);
      return c.type;
    }
  }
  switch (e.k) {
    case 'num':
      return g.error(
        e.pos,
        `integer constant ${e.text} is too large for a ${g.env.width.bits}-bit word`,
      );
    case 'string':
      return g.error(
        e.pos,
        'strings are not supported: the model has only machine words (use a //! comment to narrate)',
      );
    case 'ident':
      return genIdent(g, e.name, e.pos);
    case 'call':
      return genCall(g, e);
    case 'member':
    case 'index':
      return genPlaceValue(g, e);
    case 'unary':
      return genUnary(g, e);
    case 'incdec':
      return genIncDec(g, e);
    case 'binary':
      return e.op === '&&' || e.op === '||' ? genLogical(g, e) : genBinary(g, e);
    case 'assign':
      return genAssign(g, e, true);
    case 'cond':
      return genConditional(g, e);
    case 'cast':
      return genCast(g, e);
    case 'sizeof':
      return genSizeof(g, e);
    case 'comma': {
      const l = genExpr(g, e.left);
      if (l === null) return null;
      if (l.k !== 'void') g.em.op(Op.POP);
      return genExpr(g, e.right);
    }
  }
}

/** The value of a place; arrays decay to a pointer to their first element. */
export function genPlaceValue(g: FnGen, e: Expr): CType | null {
  const lv = genPlace(g, e, 'read');
  if (lv === null) return null;
  if (lv === 'value') return genTempMember(g, e as Extract<Expr, { k: 'member' }>);
  return loadPlace(g, lv, e.pos);
}

function loadPlace(g: FnGen, lv: LV, pos: Pos): CType {
  if (lv.type.k === 'array') {
    emitAddress(g, lv);
    return ptr(lv.type.of);
  }
  emitLoad(g, lv, pos);
  return lv.type;
}

/** `f().field`, `L4_MapItem(...).raw`, `L4_Myself().raw`: a member of a value. */
function genTempMember(g: FnGen, e: Extract<Expr, { k: 'member' }>): CType | null {
  const t = genExpr(g, e.obj);
  if (t === null) return null;
  if (t.k === 'l4' && e.field === 'raw') return WORD;
  if (t.k !== 'struct')
    return g.error(
      e.pos,
      `'${sourceText(e.obj)}' has type ${typeName(t)}, which has no field '${e.field}'`,
    );
  const f = t.fields.find((x) => x.name === e.field);
  if (f === undefined)
    return g.error(
      e.pos,
      `${t.display} has no field '${e.field}'${didYouMean(
        e.field,
        t.fields.map((x) => x.name),
      )}`,
    );
  if (f.type.k === 'array')
    return g.error(
      e.pos,
      `cannot use the array '${e.field}' of a temporary value: store the value in a variable first`,
    );
  if (f.type.k === 'struct') g.em.op(Op.ASLICE, f.offset, sizeOf(f.type));
  else g.em.op(Op.AGET, f.offset);
  return f.type;
}

function genIdent(g: FnGen, name: string, pos: Pos): CType | null {
  const local = g.lookup(name);
  if (local !== undefined)
    return loadPlace(
      g,
      { k: 'local', slot: local.slot, type: local.type, name, isConst: local.isConst },
      pos,
    );
  const sym = g.env.globals.get(name);
  if (sym?.k === 'define') {
    if (sym.busy) return g.error(pos, `#define ${name} refers to itself`);
    if (g.env.defineDepth >= MAX_DEFINE_DEPTH)
      return g.error(
        pos,
        `#define ${name} is expanded inside more than ${MAX_DEFINE_DEPTH} other #defines: shorten the chain of #defines that use one another`,
      );
    sym.busy = true;
    g.env.defineDepth++;
    try {
      return genExpr(g, sym.body);
    } finally {
      g.env.defineDepth--;
      sym.busy = false;
    }
  }
  if (sym !== undefined) return g.error(pos, `internal: constant '${name}' did not fold`);
  if (name === 'NULL') {
    g.em.op(Op.PUSHNULL);
    return VOID_PTR;
  }
  if (g.env.functions.has(name))
    return g.error(pos, `'${name}' is a function: call it with ${name}(...)`);
  const unsupported = UNSUPPORTED.get(name);
  if (unsupported !== undefined) return g.error(pos, `'${name}' is not supported: ${unsupported}`);
  return g.error(
    pos,
    `unknown identifier '${name}'${didYouMean(name, [...g.visibleLocals(), ...g.env.globals.keys()])}`,
  );
}

/** A null pointer constant: `NULL` or an integer constant 0. */
export function isNullConst(g: FnGen, e: Expr): boolean {
  if (
    e.k === 'ident' &&
    e.name === 'NULL' &&
    g.lookup('NULL') === undefined &&
    !g.env.globals.has('NULL')
  )
    return true;
  if (e.k === 'cast') return isNullConst(g, e.arg);
  const c = constFold(g.env, e, (n) => g.lookup(n)?.type);
  return c !== null && c.type.k === 'int' && c.value === 0n;
}

/** Whether a value of type `from` may be stored in a `to` (C's assignment rules, strictly). */
export function assignable(to: CType, from: CType): boolean {
  if (to.k === 'int') return from.k === 'int';
  if (to.k === 'ptr') {
    if (from.k !== 'ptr') return false;
    if (to.to.k === 'void' || from.to.k === 'void') return true;
    if (to.to.k === 'int' && from.to.k === 'int') return true;
    return sameType(to.to, from.to);
  }
  return sameType(to, from);
}

/** Emits `e` converted to `to`; reports "<context>: expected T, got U" when C would reject it. */
export function genConverted(g: FnGen, e: Expr, to: CType, context: string): boolean {
  if (to.k === 'ptr' && isNullConst(g, e)) {
    g.em.op(Op.PUSHNULL);
    return true;
  }
  const t = genExpr(g, e);
  if (t === null) return false;
  if (t.k === 'void') {
    g.error(e.pos, `${context}: ${sourceText(e)} returns nothing (void)`);
    return false;
  }
  if (!assignable(to, t)) {
    let hint = l4Hint(t);
    if (to.k === 'ptr' && t.k === 'ptr') hint = `: cast it, (${typeName(to)})${sourceText(e)}`;
    else if (to.k === 'ptr' && t.k !== 'ptr' && isPlaceForm(e))
      hint = `: pass its address, &${sourceText(e)}`;
    else if (to.k === 'l4' && t.k === 'int')
      hint = `: C does not convert a word to ${to.name}; set its .raw instead`;
    g.error(e.pos, `${context}: expected ${typeName(to)}, got ${typeName(t)}${hint}`);
    return false;
  }
  return true;
}

/** A condition: any scalar; leaves a value that is zero or not. */
export function genCondition(g: FnGen, e: Expr): boolean {
  const t = genExpr(g, e);
  if (t === null) return false;
  if (t.k === 'ptr') {
    g.em.op(Op.PUSHNULL);
    g.em.op(Op.PNE);
    return true;
  }
  if (t.k !== 'int') {
    g.error(e.pos, `a condition must be an integer or a pointer, not ${typeName(t)}${l4Hint(t)}`);
    return false;
  }
  return true;
}
