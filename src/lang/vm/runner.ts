/**
 * The interpreter's inner loop: runs one step (up to the next statement boundary or a trap).
 * One switch over the instruction set, kept in one place on purpose (it is the hot path).
 */
import type { Word } from '../../kernel/abi/word';
import type { Trap } from '../../kernel/program';
import { BUILTINS } from '../builtins/registry';
import type { BuiltinDef } from '../builtins/builtin';
import { CallingMachine } from './callingMachine';
import { LangFault } from './machine';
import { Op } from './opcodes';
import { divOp, wordOp } from './wordOps';
import type { ArithCode, DivCode } from './wordOps';
import { MAX_CALL_DEPTH } from './state';
import type { Local, Ptr, Value } from './values';
import { NULL_PTR } from './values';

/** Instructions one step may run before the thread is halted (a guard; loops are counted anyway). */
const MAX_INSTRUCTIONS_PER_STEP = 2_000_000;

const NONE: Trap = { kind: 'none' };

export class Runner extends CallingMachine {
  /** Runs until the next statement boundary or a trap. */
  run(): Trap {
    try {
      return this.loop();
    } catch (e) {
      if (e instanceof LangFault)
        return { kind: 'fault', reason: e.message, loc: this.locOf(this.stmt) };
      throw e;
    }
  }

  private loop(): Trap {
    const unit = this.unit;
    const st = this.stack;
    const mask = this.mask;
    const bits = this.bits;
    let budget = MAX_INSTRUCTIONS_PER_STEP;
    for (;;) {
      if (--budget < 0) this.fault('a statement ran too long (more than 2,000,000 instructions)');
      const code = this.code;
      const pc = this.pc;
      switch (code[pc] as Op) {
        case Op.STMT: {
          if (this.started) return NONE;
          this.started = true;
          this.site = -1;
          const s = code[pc + 1] as number;
          this.stmt = s;
          this.pc = pc + 2;
          this.count();
          const info = unit.stmts[s];
          if (info !== undefined) {
            if (info.narrate !== null) this.effects.push({ kind: 'narrate', text: info.narrate });
            for (const name of info.cues) this.effects.push({ kind: 'cue', name });
          }
          break;
        }
        case Op.PUSH:
          st.push(unit.consts[code[pc + 1] as number] as Word);
          this.pc = pc + 2;
          break;
        case Op.PUSHNULL:
          st.push(NULL_PTR);
          this.pc = pc + 1;
          break;
        case Op.PUSHN:
          st.push(code[pc + 1] as number);
          this.pc = pc + 2;
          break;
        case Op.POP:
          st.pop();
          this.pc = pc + 1;
          break;
        case Op.DUP:
          st.push(st[st.length - 1] as Value);
          this.pc = pc + 1;
          break;
        case Op.TUCK: {
          const y = st.pop() as Value;
          const x = st.pop() as Value;
          st.push(y, x, y);
          this.pc = pc + 1;
          break;
        }
        case Op.LOAD: {
          const x = this.locals[code[pc + 1] as number] as Local;
          if (Array.isArray(x)) this.share(x as readonly Word[]);
          st.push(x);
          this.pc = pc + 2;
          break;
        }
        case Op.STORE: {
          const x = (code[pc + 2] === 1 ? st[st.length - 1] : st.pop()) as Local;
          this.own()[code[pc + 1] as number] = x;
          this.pc = pc + 3;
          break;
        }
        case Op.LOADE:
          st.push(
            (this.locals[code[pc + 1] as number] as readonly Word[])[
              code[pc + 2] as number
            ] as Word,
          );
          this.pc = pc + 3;
          break;
        case Op.STOREE: {
          const x = (code[pc + 3] === 1 ? st[st.length - 1] : st.pop()) as Word;
          this.setElem(code[pc + 1] as number, code[pc + 2] as number, x);
          this.pc = pc + 4;
          break;
        }
        case Op.IDX: {
          const i = st.pop() as Word;
          const len = code[pc + 1] as number;
          if (i >= BigInt(len)) {
            this.site = code[pc + 3] as number;
            const shown = BigInt.asIntN(bits, i);
            const what = unit.sites[this.site]?.what ?? 'the array';
            this.fault(
              `index ${shown} is out of range for ${what} (${len} elements: 0..${len - 1})`,
            );
          }
          const add = Number(i) * (code[pc + 2] as number);
          const below = st[st.length - 1] as number | Ptr;
          st[st.length - 1] =
            typeof below === 'number' ? below + add : { d: below.d, v: below.v, o: below.o + add };
          this.pc = pc + 4;
          break;
        }
        case Op.LOADD: {
          const off = (code[pc + 2] as number) + (st.pop() as number);
          st.push((this.locals[code[pc + 1] as number] as readonly Word[])[off] as Word);
          this.pc = pc + 3;
          break;
        }
        case Op.STORED: {
          const x = st.pop() as Word;
          const off = (code[pc + 2] as number) + (st.pop() as number);
          this.setElem(code[pc + 1] as number, off, x);
          if (code[pc + 3] === 1) st.push(x);
          this.pc = pc + 4;
          break;
        }
        case Op.ADDR:
          st.push({ d: this.depth, v: code[pc + 1] as number, o: code[pc + 2] as number });
          this.pc = pc + 3;
          break;
        case Op.ADDRD:
          st.push({
            d: this.depth,
            v: code[pc + 1] as number,
            o: (code[pc + 2] as number) + (st.pop() as number),
          });
          this.pc = pc + 3;
          break;
        case Op.PADDN: {
          const p = st.pop() as Ptr;
          st.push({ d: p.d, v: p.v, o: p.o + (code[pc + 1] as number) });
          this.pc = pc + 2;
          break;
        }
        case Op.PIDX: {
          const i = BigInt.asIntN(bits, st.pop() as Word);
          const p = st.pop() as Ptr;
          st.push({
            d: p.d,
            v: p.v,
            o: p.o + Number(i) * (code[pc + 1] as number) * (code[pc + 2] as number),
          });
          this.pc = pc + 3;
          break;
        }
        case Op.PDIFF: {
          const b = st.pop() as Ptr;
          const a = st.pop() as Ptr;
          if (a.d !== b.d || a.v !== b.v)
            this.fault('subtracting pointers into different variables');
          st.push(BigInt(Math.trunc((a.o - b.o) / (code[pc + 1] as number))) & mask);
          this.pc = pc + 2;
          break;
        }
        case Op.LOADP: {
          this.site = code[pc + 1] as number;
          const p = st.pop() as Ptr;
          st.push(this.read(p, 1, this.siteWhat())[0] as Word);
          this.pc = pc + 2;
          break;
        }
        case Op.STOREP: {
          this.site = code[pc + 2] as number;
          const x = st.pop() as Word;
          this.write(st.pop() as Ptr, [x], this.siteWhat());
          if (code[pc + 1] === 1) st.push(x);
          this.pc = pc + 3;
          break;
        }
        case Op.LOADA:
        case Op.LOADAD: {
          const dyn = code[pc] === Op.LOADAD ? (st.pop() as number) : 0;
          const a = this.locals[code[pc + 1] as number] as readonly Word[];
          const off = (code[pc + 2] as number) + dyn;
          st.push(a.slice(off, off + (code[pc + 3] as number)));
          this.pc = pc + 4;
          break;
        }
        case Op.STOREA:
        case Op.STOREAD: {
          const x = st.pop() as readonly Word[];
          const dyn = code[pc] === Op.STOREAD ? (st.pop() as number) : 0;
          const a = this.ownAgg(this.own(), code[pc + 1] as number);
          const off = (code[pc + 2] as number) + dyn;
          for (let i = 0; i < (code[pc + 3] as number); i++) a[off + i] = x[i] ?? 0n;
          if (code[pc + 4] === 1) st.push(x);
          this.pc = pc + 5;
          break;
        }
        case Op.LOADPA: {
          this.site = code[pc + 2] as number;
          st.push(this.read(st.pop() as Ptr, code[pc + 1] as number, this.siteWhat()));
          this.pc = pc + 3;
          break;
        }
        case Op.STOREPA: {
          this.site = code[pc + 3] as number;
          const x = st.pop() as readonly Word[];
          this.write(st.pop() as Ptr, x.slice(0, code[pc + 1]), this.siteWhat());
          if (code[pc + 2] === 1) st.push(x);
          this.pc = pc + 4;
          break;
        }
        case Op.AGET:
          st.push((st.pop() as readonly Word[])[code[pc + 1] as number] ?? 0n);
          this.pc = pc + 2;
          break;
        case Op.ASLICE: {
          const off = code[pc + 1] as number;
          st.push((st.pop() as readonly Word[]).slice(off, off + (code[pc + 2] as number)));
          this.pc = pc + 3;
          break;
        }
        case Op.ZEROA: {
          const v = code[pc + 1] as number;
          const locals = this.own();
          locals[v] = (this.fn.localsInit[v] as readonly Word[]) ?? [];
          this.pc = pc + 2;
          break;
        }
        case Op.ADD:
        case Op.SUB:
        case Op.MUL:
        case Op.SHL:
        case Op.SHR:
        case Op.SSHR:
        case Op.AND:
        case Op.OR:
        case Op.XOR:
        case Op.EQ:
        case Op.NE:
        case Op.LT:
        case Op.SLT:
        case Op.LE:
        case Op.SLE:
        case Op.GT:
        case Op.SGT:
        case Op.GE:
        case Op.SGE:
          st.push(wordOp(code[pc] as ArithCode, st.pop() as Word, st.pop() as Word, mask, bits));
          this.pc = pc + 1;
          break;
        case Op.DIV:
        case Op.SDIV:
        case Op.MOD:
        case Op.SMOD: {
          const r = divOp(code[pc] as DivCode, st.pop() as Word, st.pop() as Word, mask, bits);
          if (r === null) {
            this.site = code[pc + 1] as number;
            this.fault(
              code[pc] === Op.DIV || code[pc] === Op.SDIV ? 'division by zero' : 'modulo by zero',
            );
          }
          st.push(r);
          this.pc = pc + 2;
          break;
        }
        case Op.NEG:
          st.push(-(st.pop() as Word) & mask);
          this.pc = pc + 1;
          break;
        case Op.NOT:
          st.push(~(st.pop() as Word) & mask);
          this.pc = pc + 1;
          break;
        case Op.LNOT:
          st.push(st.pop() === 0n ? 1n : 0n);
          this.pc = pc + 1;
          break;
        case Op.BOOL:
          st.push(st.pop() === 0n ? 0n : 1n);
          this.pc = pc + 1;
          break;
        case Op.PEQ:
        case Op.PNE: {
          const b = st.pop() as Ptr;
          const a = st.pop() as Ptr;
          const eq = a.d === b.d && (a.d < 0 || (a.v === b.v && a.o === b.o));
          st.push(eq === (code[pc] === Op.PEQ) ? 1n : 0n);
          this.pc = pc + 1;
          break;
        }
        case Op.JMP: {
          const t = code[pc + 1] as number;
          if (t <= pc) this.count();
          this.pc = t;
          break;
        }
        case Op.JZ:
        case Op.JNZ: {
          const zero = st.pop() === 0n;
          const t = code[pc + 1] as number;
          if (zero === (code[pc] === Op.JZ)) {
            if (t <= pc) this.count();
            this.pc = t;
          } else this.pc = pc + 2;
          break;
        }
        case Op.BACK:
          this.site = code[pc + 2] as number;
          this.count();
          this.site = -1;
          this.pc = code[pc + 1] as number;
          break;
        case Op.SWITCH: {
          const table = unit.switches[code[pc + 1] as number];
          const x = st.pop() as Word;
          this.pc = table === undefined ? pc + 2 : (table.cases.get(x) ?? table.dflt);
          break;
        }
        case Op.CALL: {
          if (this.depth + 1 >= MAX_CALL_DEPTH) {
            this.fault(`more than ${MAX_CALL_DEPTH} nested calls: is a recursion endless?`);
          }
          const argc = code[pc + 2] as number;
          const args = st.splice(st.length - argc, argc);
          this.pc = pc + 3;
          this.enter(code[pc + 1] as number, args);
          break;
        }
        case Op.RET:
        case Op.RETV: {
          const value = code[pc] === Op.RET ? st.pop() : undefined;
          if (!this.leave()) return this.exit();
          if (value !== undefined) st.push(value);
          break;
        }
        case Op.FALLOFF:
          this.site = code[pc + 1] as number;
          this.fault(`function '${this.fn.name}' ended without returning a value`);
          break;
        case Op.EXIT:
          return this.exit();
        case Op.BI: {
          const def = BUILTINS[code[pc + 1] as number] as BuiltinDef;
          const argc = code[pc + 2] as number;
          this.site = code[pc + 3] as number;
          const args = argc === 0 ? [] : st.splice(st.length - argc, argc);
          const r = def.run?.(this, args);
          if (r !== undefined) st.push(r);
          this.site = -1;
          this.pc = pc + 4;
          break;
        }
        case Op.SYS: {
          const def = BUILTINS[code[pc + 1] as number] as BuiltinDef;
          const argc = code[pc + 2] as number;
          this.site = code[pc + 3] as number;
          const args = argc === 0 ? [] : st.splice(st.length - argc, argc);
          this.pc = pc + 4;
          const trap = this.syscall(def, args);
          this.site = -1;
          if (trap !== null) return trap;
          break;
        }
        default:
          this.fault(`internal: bad instruction ${String(code[pc])} at ${pc} in ${this.fn.name}`);
      }
    }
  }

  private siteWhat(): string {
    return this.unit.sites[this.site]?.what ?? 'pointer access';
  }
}
