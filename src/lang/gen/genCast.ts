/** Casts and sizeof. */
import type { Expr } from '../ast';
import type { CType } from '../check/ctypes';
import { VOID, WORD, sizeOf, typeName } from '../check/ctypes';
import { Op } from '../vm/opcodes';
import type { FnGen } from './fnGen';
import { genExpr, isNullConst } from './genExpr';
import { genPlace, isPlaceForm } from './lvalue';

export function genCast(g: FnGen, e: Extract<Expr, { k: 'cast' }>): CType | null {
  const to = g.env.resolveType(e.type);
  if (to === null) return null;
  if (to.k === 'void') {
    const t = genExpr(g, e.arg);
    if (t !== null && t.k !== 'void') g.em.op(Op.POP);
    return t === null ? null : VOID;
  }
  if (to.k === 'ptr' && isNullConst(g, e.arg)) {
    g.em.op(Op.PUSHNULL);
    return to;
  }
  const t = genExpr(g, e.arg);
  if (t === null) return null;
  if (to.k === 'int' && t.k === 'int') return to;
  if (to.k === 'ptr' && t.k === 'ptr') return to;
  if (to.k === 'ptr' && t.k === 'int')
    return g.error(
      e.pos,
      'cannot cast an integer to a pointer: pointers are not addresses in this model (only 0 is NULL)',
    );
  if (to.k === 'int' && t.k === 'ptr')
    return g.error(
      e.pos,
      'cannot cast a pointer to an integer here: pointers are not addresses in this model',
    );
  if (to.k === 'l4' && t.k === 'int') {
    return g.error(
      e.pos,
      `cannot cast to ${to.name} (a union in C): declare a ${to.name} variable and set its .raw`,
    );
  }
  if (to.k === 'int' && t.k === 'l4')
    return g.error(e.pos, `cannot cast a ${t.name} to an integer: use .raw`);
  return g.error(e.pos, `cannot cast ${typeName(t)} to ${typeName(to)}`);
}

export function genSizeof(g: FnGen, e: Extract<Expr, { k: 'sizeof' }>): CType | null {
  let t: CType | null = null;
  if (e.type !== null) t = g.env.resolveType(e.type);
  else if (e.arg !== null) {
    const arg = e.arg;
    t = g.scratch(() => {
      if (!isPlaceForm(arg)) return genExpr(g, arg);
      const lv = genPlace(g, arg, 'read');
      return lv === null ? null : lv === 'value' ? genExpr(g, arg) : lv.type;
    });
  }
  if (t === null) return null;
  if (t.k === 'void') return g.error(e.pos, 'sizeof(void) is not allowed');
  g.em.push(BigInt(sizeOf(t) * g.env.wordBytes));
  return WORD;
}
