/** Constant expressions: array sizes, case labels, enum values, and folding in generated code. */
import type { Word } from '../../kernel/abi/word';
import type { Expr } from '../ast';
import type { CType } from '../check/ctypes';
import { INT, WORD, sizeOf } from '../check/ctypes';
import { binop, bitNot, neg } from '../vm/arith';
import { MAX_DEFINE_DEPTH } from './env';
import type { Env } from './env';

export interface ConstVal {
  readonly value: Word;
  readonly type: CType;
}

/** The type of a literal: int unless it has a `u` suffix or does not fit a signed word. */
export function literalType(value: Word, unsigned: boolean, env: Env): CType {
  return unsigned || value > env.width.mask >> 1n ? WORD : INT;
}

/**
 * The value of `e` when it is a constant; null otherwise (including on any error, which the
 * code generator then reports). `localType` answers for names that are local variables.
 */
export function constFold(
  env: Env,
  e: Expr,
  localType: (name: string) => CType | undefined,
): ConstVal | null {
  const fold = (x: Expr): ConstVal | null => constFold(env, x, localType);
  const int = (v: ConstVal | null): v is ConstVal => v !== null && v.type.k === 'int';
  switch (e.k) {
    case 'num':
      if (e.value > env.width.mask) return null;
      return { value: e.value, type: literalType(e.value, e.unsigned, env) };
    case 'ident': {
      if (localType(e.name) !== undefined) return null;
      const g = env.globals.get(e.name);
      if (g === undefined) return null;
      switch (g.k) {
        case 'enum':
          return { value: g.value, type: INT };
        case 'thread':
          return { value: g.value, type: { k: 'l4', name: 'L4_ThreadId_t' } };
        case 'const':
          return { value: g.def.value(env.abi), type: g.def.type };
        case 'define': {
          if (g.busy || env.defineDepth >= MAX_DEFINE_DEPTH) return null;
          g.busy = true;
          env.defineDepth++;
          try {
            return fold(g.body);
          } finally {
            env.defineDepth--;
            g.busy = false;
          }
        }
      }
      return null;
    }
    case 'unary': {
      const a = fold(e.arg);
      if (!int(a)) return null;
      if (e.op === '-') return { value: neg(a.value, env.width), type: a.type };
      if (e.op === '~') return { value: bitNot(a.value, env.width), type: a.type };
      if (e.op === '!') return { value: a.value === 0n ? 1n : 0n, type: INT };
      if (e.op === '+') return a;
      return null;
    }
    case 'binary': {
      const a = fold(e.left);
      if (!int(a)) return null;
      if (e.op === '&&' || e.op === '||') {
        if (e.op === '&&' && a.value === 0n) return { value: 0n, type: INT };
        if (e.op === '||' && a.value !== 0n) return { value: 1n, type: INT };
        const b = fold(e.right);
        return int(b) ? { value: b.value !== 0n ? 1n : 0n, type: INT } : null;
      }
      const b = fold(e.right);
      if (!int(b)) return null;
      const shift = e.op === '<<' || e.op === '>>';
      const signed = shift ? a.type.k === 'int' && a.type.signed : bothSigned(a.type, b.type);
      const value = binop(e.op, a.value, b.value, signed, env.width);
      if (value === null) return null;
      const compare = ['==', '!=', '<', '<=', '>', '>='].includes(e.op);
      return { value, type: compare ? INT : shift ? a.type : signed ? INT : WORD };
    }
    case 'cond': {
      const t = fold(e.test);
      if (!int(t)) return null;
      return fold(t.value !== 0n ? e.then : e.else);
    }
    case 'cast': {
      const a = fold(e.arg);
      const t = e.type.k === 'name' || e.type.k === 'enum' ? env.resolveType(e.type) : null;
      if (!int(a) || t === null || t.k !== 'int') return null;
      return { value: a.value, type: t };
    }
    case 'sizeof': {
      let t: CType | null | undefined = null;
      if (e.type !== null) t = env.resolveType(e.type);
      else if (e.arg?.k === 'ident') t = localType(e.arg.name);
      if (t === null || t === undefined) return null;
      return { value: BigInt(sizeOf(t) * env.wordBytes), type: WORD };
    }
    case 'string':
    case 'call':
    case 'member':
    case 'index':
    case 'incdec':
    case 'assign':
    case 'comma':
      return null;
  }
}

function bothSigned(a: CType, b: CType): boolean {
  return a.k === 'int' && a.signed && b.k === 'int' && b.signed;
}
