/** File-scope names and types: structs, typedefs, #defines, enums, threads, functions, L4 calls. */
import type { Abi, Word } from '../../kernel/abi/word';
import { wordBits } from '../../kernel/abi/word';
import type { Expr, FieldDecl, Param, TopDecl, TypeExpr } from '../ast';
import type { BuiltinDef, ConstDef } from '../builtins/builtin';
import type { CType, Field } from '../check/ctypes';
import { L4_AGGREGATES, VOID, isScalar, l4, sizeOf, typeName } from '../check/ctypes';
import { didYouMean } from '../diagnostic';
import type { Diagnostics, Pos } from '../diagnostic';
import { INT_TYPES, L4_WORD_TYPES } from '../typeNames';
import type { Width } from '../vm/arith';
import { widthOf } from '../vm/arith';
import type { CompiledUnit } from '../vm/unit';

export type FuncDecl = Extract<TopDecl, { k: 'func' }>;

export interface FuncSym {
  readonly k: 'func';
  readonly name: string;
  readonly index: number;
  readonly params: readonly { readonly name: string | null; readonly type: CType }[];
  readonly ret: CType;
  readonly pos: Pos;
  decl: FuncDecl;
  readonly isThread: boolean;
  called: boolean;
}

export type GlobalSym =
  | {
      readonly k: 'define';
      readonly name: string;
      readonly body: Expr;
      readonly pos: Pos;
      busy: boolean;
    }
  | { readonly k: 'enum'; readonly name: string; readonly value: Word; readonly pos: Pos }
  | { readonly k: 'thread'; readonly name: string; readonly value: Word; readonly pos: Pos }
  | { readonly k: 'const'; readonly name: string; readonly def: ConstDef };

export type CallSym =
  | {
      readonly k: 'builtin';
      readonly name: string;
      readonly index: number;
      readonly def: BuiltinDef;
    }
  | FuncSym;

/** The largest aggregate a variable may be, in words. */
export const MAX_AGGREGATE_WORDS = 4096;

interface Pending<T> {
  readonly decl: T;
  type: CType | null;
  busy: boolean;
}

/**
 * How deep #defines may expand inside one another: a longer chain is an error with a message, not
 * a JavaScript stack overflow (each body is itself an expression up to MAX_NESTING deep).
 */
export const MAX_DEFINE_DEPTH = 100;

export class Env {
  /** Values: #defines, enum constants, thread ids, L4 constants. */
  readonly globals = new Map<string, GlobalSym>();
  /** Functions: the scenario's and the L4 calls. */
  readonly functions = new Map<string, CallSym>();
  readonly structs = new Map<string, Pending<Extract<TopDecl, { k: 'struct' }>>>();
  readonly typedefs = new Map<string, Pending<Extract<TopDecl, { k: 'typedef' }>>>();
  readonly funcs: FuncSym[] = [];
  readonly width: Width;
  /** Some thread has a heap (`// @heap`). */
  hasHeap = false;
  /** #define bodies being expanded inside one another now (bounded by MAX_DEFINE_DEPTH). */
  defineDepth = 0;
  /** Evaluates an array size (set by the code generator: constant folding lives there). */
  constInt: (e: Expr) => Word | null = () => null;

  constructor(
    readonly abi: Abi,
    readonly diags: Diagnostics,
    readonly unit: CompiledUnit,
  ) {
    this.width = widthOf(wordBits(abi));
  }

  get wordBytes(): number {
    return wordBits(this.abi) / 8;
  }

  /** Declares a file-scope name; reports a duplicate. */
  declare(sym: GlobalSym, pos: Pos, what: string): boolean {
    const prev = this.globals.get(sym.name);
    if (prev !== undefined) {
      this.diags.error(pos, `${what} '${sym.name}' ${describeClash(prev)}`);
      return false;
    }
    this.globals.set(sym.name, sym);
    return true;
  }

  resolveType(te: TypeExpr): CType | null {
    switch (te.k) {
      case 'name':
        return this.namedType(te.name, te.pos);
      case 'enum':
        return { k: 'int', name: te.name === '' ? 'int' : `enum ${te.name}`, signed: true };
      case 'struct':
        return this.structType(te.name, te.pos);
      case 'ptr': {
        const to = this.resolveType(te.to);
        if (to === null) return null;
        if (to.k === 'ptr') return this.fail(te.pos, 'pointers to pointers are not supported');
        if (to.k === 'array')
          return this.fail(
            te.pos,
            'pointers to arrays are not supported: point at the first element',
          );
        return { k: 'ptr', to };
      }
      case 'array': {
        const of = this.resolveType(te.of);
        if (of === null) return null;
        if (of.k === 'void') return this.fail(te.pos, 'arrays of void are not allowed');
        if (of.k === 'ptr') return this.fail(te.pos, 'arrays of pointers are not supported');
        if (te.size === null) return this.fail(te.pos, 'the array needs a size, like [4]');
        const n = this.constInt(te.size);
        if (n === null)
          return this.fail(
            te.size.pos,
            'the array size must be a constant (a number or a #define)',
          );
        const len = Number(BigInt.asIntN(this.width.bits, n));
        if (len <= 0 || len * sizeOf(of) > MAX_AGGREGATE_WORDS) {
          return this.fail(
            te.size.pos,
            `array size ${len} is out of range: 1..${Math.floor(MAX_AGGREGATE_WORDS / Math.max(1, sizeOf(of)))} elements`,
          );
        }
        return { k: 'array', of, len };
      }
    }
  }

  private fail(pos: Pos, message: string): null {
    this.diags.error(pos, message);
    return null;
  }

  private namedType(name: string, pos: Pos): CType | null {
    if (name === 'void') return VOID;
    const int = INT_TYPES.get(name);
    if (int !== undefined) return { k: 'int', name, signed: int.signed };
    if (L4_WORD_TYPES.includes(name)) return l4(name);
    const aggregate = L4_AGGREGATES.get(name);
    if (aggregate !== undefined) return aggregate;
    const td = this.typedefs.get(name);
    if (td === undefined) return this.fail(pos, `unknown type '${name}'`);
    if (td.type !== null) return td.type;
    if (td.busy) return this.fail(pos, `typedef '${name}' refers to itself`);
    td.busy = true;
    const t = this.resolveType(td.decl.type);
    td.busy = false;
    if (t !== null && t.k === 'struct' && t.name.startsWith('struct@')) {
      td.type = { ...t, display: name };
    } else td.type = t;
    return td.type;
  }

  private structType(name: string, pos: Pos): CType | null {
    const st = this.structs.get(name);
    if (st === undefined) {
      return this.fail(pos, `unknown struct '${name}'${didYouMean(name, this.structs.keys())}`);
    }
    if (st.type !== null) return st.type;
    if (st.busy) return this.fail(pos, `struct ${name} contains itself`);
    st.busy = true;
    const fields = this.layoutFields(st.decl.fields, name);
    st.busy = false;
    if (fields === null) return null;
    const size = fields.reduce((n, f) => Math.max(n, f.offset + sizeOf(f.type)), 0);
    const display = name.startsWith('struct@') ? 'struct (unnamed)' : `struct ${name}`;
    st.type = { k: 'struct', name, display, size, fields };
    return st.type;
  }

  private layoutFields(decls: readonly FieldDecl[], owner: string): Field[] | null {
    const fields: Field[] = [];
    let offset = 0;
    for (const f of decls) {
      const t = this.resolveType(f.type);
      if (t === null) return null;
      if (t.k === 'void' || t.k === 'ptr') {
        this.diags.error(
          f.pos,
          `field '${f.name}' has type ${typeName(t)}: struct fields must be words, L4 types, structs or arrays`,
        );
        return null;
      }
      if (fields.some((g) => g.name === f.name)) {
        this.diags.error(f.pos, `struct ${owner} has two fields named '${f.name}'`);
        return null;
      }
      fields.push({ name: f.name, offset, type: t });
      offset += sizeOf(t);
    }
    if (offset > MAX_AGGREGATE_WORDS) {
      this.diags.error(
        decls[0]?.pos ?? { line: 1, col: 1 },
        `struct ${owner} is too large (${offset} words; at most ${MAX_AGGREGATE_WORDS})`,
      );
      return null;
    }
    return fields;
  }

  paramTypes(params: readonly Param[], fn: string): { name: string | null; type: CType }[] | null {
    const out: { name: string | null; type: CType }[] = [];
    for (const prm of params) {
      const t = this.resolveType(prm.type);
      if (t === null) return null;
      if (t.k === 'void') {
        this.diags.error(
          prm.pos,
          `parameter ${prm.name ?? out.length + 1} of ${fn} cannot be void`,
        );
        return null;
      }
      if (!isScalar(t) && t.k !== 'struct') {
        this.diags.error(
          prm.pos,
          `parameter '${prm.name ?? ''}' of ${fn} has type ${typeName(t)}: pass a pointer instead`,
        );
        return null;
      }
      out.push({ name: prm.name, type: t });
    }
    return out;
  }
}

function describeClash(prev: GlobalSym): string {
  switch (prev.k) {
    case 'define':
      return `is already a #define (line ${prev.pos.line})`;
    case 'enum':
      return `is already an enum constant (line ${prev.pos.line})`;
    case 'thread':
      return `is already the name of a thread (header line ${prev.pos.line})`;
    case 'const':
      return 'is an L4 constant; choose another name';
  }
}

export function describeCallClash(prev: CallSym): string {
  return prev.k === 'builtin'
    ? 'is an L4 function of the model; choose another name'
    : `is defined twice (first at line ${prev.pos.line})`;
}
