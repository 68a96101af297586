/** The interpreter's two-operand word operations that cannot fault, at the word width. */
import type { Word } from '../../kernel/abi/word';
import { Op } from './opcodes';

/** Two-operand word operations that cannot fault. */
// prettier-ignore
export type ArithCode =
  | Op.ADD | Op.SUB | Op.MUL | Op.SHL | Op.SHR | Op.SSHR | Op.AND | Op.OR | Op.XOR
  | Op.EQ | Op.NE | Op.LT | Op.SLT | Op.LE | Op.SLE | Op.GT | Op.SGT | Op.GE | Op.SGE;

/** `a op b` — note the operands come off the stack right first: `wordOp(op, pop(), pop(), ...)`. */
export function wordOp(op: ArithCode, b: Word, a: Word, mask: Word, bits: number): Word {
  let r: Word;
  // prettier-ignore
  switch (op) {
    case Op.ADD: r = (a + b) & mask; break;
    case Op.SUB: r = (a - b) & mask; break;
    case Op.MUL: r = (a * b) & mask; break;
    case Op.SHL: r = (a << (b & BigInt(bits - 1))) & mask; break;
    case Op.SHR: r = a >> (b & BigInt(bits - 1)); break;
    case Op.SSHR: r = (BigInt.asIntN(bits, a) >> (b & BigInt(bits - 1))) & mask; break;
    case Op.AND: r = a & b; break;
    case Op.OR: r = a | b; break;
    case Op.XOR: r = a ^ b; break;
    case Op.EQ: r = a === b ? 1n : 0n; break;
    case Op.NE: r = a !== b ? 1n : 0n; break;
    case Op.LT: r = a < b ? 1n : 0n; break;
    case Op.LE: r = a <= b ? 1n : 0n; break;
    case Op.GT: r = a > b ? 1n : 0n; break;
    case Op.GE: r = a >= b ? 1n : 0n; break;
    case Op.SLT: r = BigInt.asIntN(bits, a) < BigInt.asIntN(bits, b) ? 1n : 0n; break;
    case Op.SLE: r = BigInt.asIntN(bits, a) <= BigInt.asIntN(bits, b) ? 1n : 0n; break;
    case Op.SGT: r = BigInt.asIntN(bits, a) > BigInt.asIntN(bits, b) ? 1n : 0n; break;
    case Op.SGE: r = BigInt.asIntN(bits, a) >= BigInt.asIntN(bits, b) ? 1n : 0n; break;
  }
  return r;
}

export type DivCode = Op.DIV | Op.SDIV | Op.MOD | Op.SMOD;

/** `a / b` or `a % b`, truncating toward zero as C does; null when b is 0. */
export function divOp(op: DivCode, b: Word, a: Word, mask: Word, bits: number): Word | null {
  if (b === 0n) return null;
  if (op === Op.DIV) return a / b;
  if (op === Op.MOD) return a % b;
  const sa = BigInt.asIntN(bits, a);
  const sb = BigInt.asIntN(bits, b);
  return (op === Op.SDIV ? sa / sb : sa % sb) & mask;
}
