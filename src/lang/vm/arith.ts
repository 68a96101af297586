/**
 * C arithmetic at the ABI's word width, by operator: the instruction the code generator emits for
 * it, and constant folding. Folding runs the interpreter's own word operations (`wordOps.ts`) on
 * the same instruction table, so a folded constant and the same expression computed at run time
 * always agree.
 */
import type { Word } from '../../kernel/abi/word';
import { Op } from './opcodes';
import { divOp, wordOp } from './wordOps';
import type { ArithCode, DivCode } from './wordOps';

// prettier-ignore
export type ArithOp =
  | '+' | '-' | '*' | '/' | '%' | '<<' | '>>' | '&' | '|' | '^'
  | '==' | '!=' | '<' | '<=' | '>' | '>=';

export interface Width {
  readonly bits: number;
  readonly mask: Word;
}

export function widthOf(bits: 32 | 64): Width {
  return { bits, mask: (1n << BigInt(bits)) - 1n };
}

/** Unsigned and signed instruction for each operator. */
const CODES: Readonly<Record<Exclude<ArithOp, '/' | '%'>, readonly [ArithCode, ArithCode]>> = {
  '+': [Op.ADD, Op.ADD],
  '-': [Op.SUB, Op.SUB],
  '*': [Op.MUL, Op.MUL],
  '<<': [Op.SHL, Op.SHL],
  '>>': [Op.SHR, Op.SSHR],
  '&': [Op.AND, Op.AND],
  '|': [Op.OR, Op.OR],
  '^': [Op.XOR, Op.XOR],
  '==': [Op.EQ, Op.EQ],
  '!=': [Op.NE, Op.NE],
  '<': [Op.LT, Op.SLT],
  '<=': [Op.LE, Op.SLE],
  '>': [Op.GT, Op.SGT],
  '>=': [Op.GE, Op.SGE],
};
const DIV_CODES: Readonly<Record<'/' | '%', readonly [DivCode, DivCode]>> = {
  '/': [Op.DIV, Op.SDIV],
  '%': [Op.MOD, Op.SMOD],
};

/** The instruction the code generator emits for `op` (undefined for a non-arithmetic operator). */
export function arithCode(op: string, signed: boolean): ArithCode | DivCode | undefined {
  const codes = Object.hasOwn(CODES, op)
    ? CODES[op as keyof typeof CODES]
    : Object.hasOwn(DIV_CODES, op)
      ? DIV_CODES[op as keyof typeof DIV_CODES]
      : undefined;
  return codes?.[signed ? 1 : 0];
}

/** `a op b`; null for division or modulo by zero. */
export function binop(op: ArithOp, a: Word, b: Word, signed: boolean, w: Width): Word | null {
  if (op === '/' || op === '%') return divOp(DIV_CODES[op][signed ? 1 : 0], b, a, w.mask, w.bits);
  const codes = CODES[op];
  return wordOp(signed ? codes[1] : codes[0], b, a, w.mask, w.bits);
}

export function neg(a: Word, w: Width): Word {
  return -a & w.mask;
}

export function bitNot(a: Word, w: Width): Word {
  return ~a & w.mask;
}
