/** Writes one function's code and the unit's shared tables (constants, statements, sites). */
import type { Word } from '../../kernel/abi/word';
import type { Pos } from '../diagnostic';
import { Op } from '../vm/opcodes';
import type { CompiledUnit, StmtInfo, StmtWhat, SwitchTable } from '../vm/unit';

const EXPR: StmtWhat = { k: 'expr' };
const NO_CALLS: readonly string[] = [];

export interface Label {
  pos: number;
  readonly fixups: number[];
}

export class Emitter {
  readonly code: number[] = [];
  private readonly constIndex = new Map<Word, number>();

  constructor(readonly unit: CompiledUnit) {}

  op(op: Op, ...operands: number[]): void {
    this.code.push(op, ...operands);
  }

  get here(): number {
    return this.code.length;
  }

  push(value: Word): void {
    let i = this.constIndex.get(value);
    if (i === undefined) {
      i = this.unit.consts.indexOf(value);
      if (i < 0) {
        i = this.unit.consts.length;
        this.unit.consts.push(value);
      }
      this.constIndex.set(value, i);
    }
    this.op(Op.PUSH, i);
  }

  /** A statement boundary: the next step starts here. Returns its info (to fill in `what`). */
  stmt(pos: Pos, what: StmtWhat = EXPR, calls: readonly string[] = NO_CALLS): StmtInfo {
    const i = this.unit.stmts.length;
    const info: StmtInfo = {
      line: pos.line,
      col: pos.col,
      loc: { line: pos.line, column: pos.col },
      narrate: null,
      cues: [],
      what,
      calls,
    };
    this.unit.stmts.push(info);
    this.op(Op.STMT, i);
    return info;
  }

  site(pos: Pos, what: string): number {
    this.unit.sites.push({ line: pos.line, col: pos.col, what });
    return this.unit.sites.length - 1;
  }

  label(): Label {
    return { pos: -1, fixups: [] };
  }

  /** A jump-like instruction whose last operand is the label's position. */
  jump(op: Op, label: Label): void {
    this.code.push(op, label.pos);
    if (label.pos < 0) label.fixups.push(this.code.length - 1);
  }

  place(label: Label): void {
    label.pos = this.code.length;
    for (const at of label.fixups) this.code[at] = label.pos;
  }

  switchTable(): { index: number; table: SwitchTable } {
    const table: SwitchTable = { cases: new Map(), dflt: -1 };
    this.unit.switches.push(table);
    return { index: this.unit.switches.length - 1, table };
  }
}
