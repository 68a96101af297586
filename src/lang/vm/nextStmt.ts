/**
 * The statement a blocked thread runs once its system call returns, read from the code without
 * running it: the straight-line code after the call up to the next statement marker. A lesson's
 * note on that statement ("The map item arrived") belongs to the step in which the kernel ends the
 * call, not to the thread's next turn on the CPU.
 */
import { Op } from './opcodes';
import type { LangState } from './state';
import type { CompiledUnit } from './unit';

/** Operand counts of the instructions that can follow a system call on the straight path. */
const OPERANDS: Partial<Record<Op, number>> = {
  [Op.PUSH]: 1,
  [Op.PUSHNULL]: 0,
  [Op.PUSHN]: 1,
  [Op.POP]: 0,
  [Op.DUP]: 0,
  [Op.TUCK]: 0,
  [Op.LOAD]: 1,
  [Op.STORE]: 2,
  [Op.LOADE]: 2,
  [Op.STOREE]: 3,
  [Op.STOREP]: 2,
  [Op.STOREA]: 4,
  [Op.STOREPA]: 3,
  [Op.AGET]: 1,
  [Op.BOOL]: 0,
  [Op.LNOT]: 0,
};

/** The statement index a blocked thread reaches after its call returns, or null when it branches. */
export function statementAfterCall(unit: CompiledUnit, state: LangState): number | null {
  if (state.status !== 'blocked' || state.pending === null) return null;
  const top = state.frames[state.frames.length - 1];
  const code = top === undefined ? undefined : unit.fns[top.fn]?.code;
  if (top === undefined || code === undefined) return null;
  let pc = top.pc;
  for (let guard = 0; guard < 256 && pc < code.length; guard++) {
    const op = code[pc] as Op;
    if (op === Op.STMT) return code[pc + 1] ?? null;
    if (op === Op.JMP || op === Op.BACK) {
      pc = code[pc + 1] ?? code.length;
      continue;
    }
    const n = OPERANDS[op];
    if (n === undefined) return null;
    pc += 1 + n;
  }
  return null;
}
