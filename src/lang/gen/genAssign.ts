/** Assignments, ++ and --, and expression statements. */
import type { Expr } from '../ast';
import type { CType } from '../check/ctypes';
import { INT, l4Hint, sizeOf, typeName } from '../check/ctypes';
import { Op } from '../vm/opcodes';
import type { FnGen } from './fnGen';
import { genConverted, genExpr } from './genExpr';
import { emitArith, isZero } from './genOperators';
import { addrDepth, emitLoad, emitStore, genPlace, settle, sourceText } from './lvalue';
import type { LV } from './lvalue';

function writablePlace(g: FnGen, target: Expr, what: string): LV | null {
  const lv = genPlace(g, target, 'assign');
  if (lv === null || lv === 'value') return null;
  if (lv.isConst)
    return g.error(target.pos, `cannot ${what} '${sourceText(target)}': it is declared const`);
  if (lv.type.k === 'array')
    return g.error(
      target.pos,
      `cannot ${what} the array '${sourceText(target)}': assign its elements`,
    );
  return settle(g, lv);
}

export function genIncDec(g: FnGen, e: Extract<Expr, { k: 'incdec' }>): CType | null {
  const lv = writablePlace(g, e.arg, e.op === '++' ? 'increment' : 'decrement');
  if (lv === null) return null;
  if (lv.type.k !== 'int' && lv.type.k !== 'ptr') {
    return g.error(
      e.pos,
      `'${e.op}' needs an integer or a pointer, but '${sourceText(e.arg)}' has type ${typeName(lv.type)}${l4Hint(lv.type)}`,
    );
  }
  if (addrDepth(lv) > 0) g.em.op(Op.DUP);
  emitLoad(g, lv, e.pos);
  if (!e.prefix) g.em.op(addrDepth(lv) > 0 ? Op.TUCK : Op.DUP);
  if (lv.type.k === 'ptr') {
    g.em.op(Op.PADDN, (e.op === '++' ? 1 : -1) * Math.max(1, sizeOf(lv.type.to)));
  } else {
    g.em.push(1n);
    g.em.op(e.op === '++' ? Op.ADD : Op.SUB);
  }
  emitStore(g, lv, e.prefix, e.pos);
  return lv.type;
}

/** `a = b`, `a += b`, ...; leaves the assigned value when `keep`. */
export function genAssign(
  g: FnGen,
  e: Extract<Expr, { k: 'assign' }>,
  keep: boolean,
): CType | null {
  const lv = writablePlace(g, e.target, 'assign to');
  if (lv === null) return null;
  if (e.op === '=') {
    if (!genConverted(g, e.value, lv.type, `cannot assign to '${sourceText(e.target)}'`))
      return null;
    emitStore(g, lv, keep, e.pos);
    return lv.type;
  }
  const op = e.op.slice(0, -1);
  if (lv.type.k === 'ptr' && (op === '+' || op === '-')) {
    if (addrDepth(lv) > 0) g.em.op(Op.DUP);
    emitLoad(g, lv, e.pos);
    if (!genConverted(g, e.value, INT, `'${e.op}' on a pointer`)) return null;
    g.em.op(Op.PIDX, Math.max(1, sizeOf(lv.type.to)), op === '+' ? 1 : -1);
    emitStore(g, lv, keep, e.pos);
    return lv.type;
  }
  if (lv.type.k !== 'int') {
    return g.error(
      e.pos,
      `'${e.op}' needs an integer, but '${sourceText(e.target)}' has type ${typeName(lv.type)}${l4Hint(lv.type)}`,
    );
  }
  if ((op === '/' || op === '%') && isZero(g, e.value))
    return g.error(e.pos, `${op === '/' ? 'division' : 'modulo'} by zero`);
  if (addrDepth(lv) > 0) g.em.op(Op.DUP);
  emitLoad(g, lv, e.pos);
  const r = genExpr(g, e.value);
  if (r === null) return null;
  if (r.k !== 'int')
    return g.error(
      e.value.pos,
      `'${e.op}' needs an integer on the right, got ${typeName(r)}${l4Hint(r)}`,
    );
  const shift = op === '<<' || op === '>>';
  const signed = lv.type.signed && (shift || (r.k === 'int' && r.signed));
  emitArith(g, op, signed, e.pos);
  emitStore(g, lv, keep, e.pos);
  return lv.type;
}

/** An expression statement: evaluates `e` and drops its value. */
export function genDiscard(g: FnGen, e: Expr): void {
  if (e.k === 'assign') {
    genAssign(g, e, false);
    return;
  }
  const t = genExpr(g, e);
  if (t !== null && t.k !== 'void') g.em.op(Op.POP);
}
