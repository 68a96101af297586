/** Operators: arithmetic, comparisons, logical, unary, and ?: on words and pointers. */
import type { Expr } from '../ast';
import type { CType } from '../check/ctypes';
import { INT, WORD, l4Hint, ptr, sameType, sizeOf, typeName } from '../check/ctypes';
import type { Pos } from '../diagnostic';
import { arithCode } from '../vm/arith';
import { Op } from '../vm/opcodes';
import { constFold } from './constFold';
import type { FnGen } from './fnGen';
import { assignable, genCondition, genExpr, genPlaceValue, isNullConst } from './genExpr';
import { emitAddress, genPlace, sourceText } from './lvalue';

const COMPARE = new Set(['==', '!=', '<', '<=', '>', '>=']);

function arithType(a: CType, b: CType): CType {
  if (a.k === 'int' && b.k === 'int' && a.name === b.name) return a;
  return a.k === 'int' && a.signed && b.k === 'int' && b.signed ? INT : WORD;
}

export function emitArith(g: FnGen, op: string, signed: boolean, pos: Pos): void {
  const code = arithCode(op, signed);
  if (code === undefined) return;
  if (op === '/' || op === '%') g.em.op(code, g.em.site(pos, op === '/' ? 'division' : 'modulo'));
  else g.em.op(code);
}

export function genBinary(g: FnGen, e: Extract<Expr, { k: 'binary' }>): CType | null {
  const l = genExpr(g, e.left);
  if (l === null) return null;
  if (l.k === 'ptr') return genPointerBinary(g, e, l);
  const r = genExpr(g, e.right);
  if (r === null) return null;
  for (const [side, t] of [
    [e.left, l],
    [e.right, r],
  ] as const) {
    if (t.k !== 'int') {
      const hint = t.k === 'ptr' ? ': write the pointer on the left (p + n)' : l4Hint(t);
      return g.error(
        side.pos,
        `operator '${e.op}' needs integer operands, but '${sourceText(side)}' has type ${typeName(t)}${hint}`,
      );
    }
  }
  if ((e.op === '/' || e.op === '%') && isZero(g, e.right)) {
    return g.error(e.pos, `${e.op === '/' ? 'division' : 'modulo'} by zero`);
  }
  const shift = e.op === '<<' || e.op === '>>';
  const signed = shift
    ? l.k === 'int' && l.signed
    : l.k === 'int' && l.signed && r.k === 'int' && r.signed;
  emitArith(g, e.op, signed, e.pos);
  if (COMPARE.has(e.op)) return INT;
  return shift ? l : arithType(l, r);
}

export function isZero(g: FnGen, e: Expr): boolean {
  const c = constFold(g.env, e, (n) => g.lookup(n)?.type);
  return c !== null && c.value === 0n;
}

function genPointerBinary(
  g: FnGen,
  e: Extract<Expr, { k: 'binary' }>,
  l: Extract<CType, { k: 'ptr' }>,
): CType | null {
  if ((e.op === '==' || e.op === '!=') && isNullConst(g, e.right)) {
    g.em.op(Op.PUSHNULL);
    g.em.op(e.op === '==' ? Op.PEQ : Op.PNE);
    return INT;
  }
  const r = genExpr(g, e.right);
  if (r === null) return null;
  if ((e.op === '+' || e.op === '-') && r.k === 'int') {
    if (l.to.k === 'void')
      return g.error(e.pos, 'arithmetic on a void pointer: cast it to a typed pointer first');
    g.em.op(Op.PIDX, sizeOf(l.to), e.op === '+' ? 1 : -1);
    return l;
  }
  if (r.k === 'ptr' && (e.op === '==' || e.op === '!=')) {
    g.em.op(e.op === '==' ? Op.PEQ : Op.PNE);
    return INT;
  }
  if (r.k === 'ptr' && e.op === '-' && sameType(l.to, r.to)) {
    g.em.op(Op.PDIFF, Math.max(1, sizeOf(l.to)));
    return INT;
  }
  return g.error(
    e.pos,
    `operator '${e.op}' is not supported on pointers (${typeName(l)} and ${typeName(r)})`,
  );
}

export function genLogical(g: FnGen, e: Extract<Expr, { k: 'binary' }>): CType | null {
  const short = g.em.label();
  const end = g.em.label();
  if (!genCondition(g, e.left)) return null;
  g.em.jump(e.op === '&&' ? Op.JZ : Op.JNZ, short);
  if (!genCondition(g, e.right)) return null;
  g.em.op(Op.BOOL);
  g.em.jump(Op.JMP, end);
  g.em.place(short);
  g.em.push(e.op === '&&' ? 0n : 1n);
  g.em.place(end);
  return INT;
}

export function genUnary(g: FnGen, e: Extract<Expr, { k: 'unary' }>): CType | null {
  if (e.op === '&') {
    if (
      e.arg.k === 'ident' &&
      g.lookup(e.arg.name) === undefined &&
      g.env.functions.has(e.arg.name)
    ) {
      return g.error(e.pos, 'function pointers are not supported');
    }
    const lv = genPlace(g, e.arg, 'address');
    if (lv === null || lv === 'value') return null;
    emitAddress(g, lv);
    return lv.type.k === 'array' ? ptr(lv.type.of) : ptr(lv.type);
  }
  if (e.op === '*') return genPlaceValue(g, e);
  if (e.op === '!') {
    if (!genCondition(g, e.arg)) return null;
    g.em.op(Op.LNOT);
    return INT;
  }
  const t = genExpr(g, e.arg);
  if (t === null) return null;
  if (t.k !== 'int')
    return g.error(
      e.pos,
      `operator '${e.op}' needs an integer, but '${sourceText(e.arg)}' has type ${typeName(t)}${l4Hint(t)}`,
    );
  if (e.op === '-') g.em.op(Op.NEG);
  else if (e.op === '~') g.em.op(Op.NOT);
  return t;
}

export function genConditional(g: FnGen, e: Extract<Expr, { k: 'cond' }>): CType | null {
  const otherwise = g.em.label();
  const end = g.em.label();
  if (!genCondition(g, e.test)) return null;
  g.em.jump(Op.JZ, otherwise);
  const a = genExpr(g, e.then);
  g.em.jump(Op.JMP, end);
  g.em.place(otherwise);
  const b = genExpr(g, e.else);
  g.em.place(end);
  if (a === null || b === null) return null;
  if (a.k === 'int' && b.k === 'int') return arithType(a, b);
  if (sameType(a, b) || (a.k === 'ptr' && b.k === 'ptr' && assignable(a, b))) return a;
  return g.error(e.pos, `the two results of '?:' differ: ${typeName(a)} and ${typeName(b)}`);
}
