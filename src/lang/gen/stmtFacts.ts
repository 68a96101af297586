/**
 * Facts about statements that the narration and the variables panel read: which functions a
 * statement calls, and which named constants (`#define`, enum) each variable is used with.
 */
import type { Expr, InitList, Stmt, TopDecl } from '../ast';
import type { NamedConst } from '../vm/unit';
import type { Env } from './env';

/**
 * The expressions directly inside `x`, in evaluation (source) order. A `sizeof` operand is not
 * evaluated, so it has none.
 */
function subExprs(x: Expr | InitList): readonly (Expr | InitList)[] {
  switch (x.k) {
    case 'init':
      return x.items.map((it) => it.value);
    case 'call':
      return x.args;
    case 'member':
      return [x.obj];
    case 'index':
      return [x.obj, x.index];
    case 'unary':
    case 'incdec':
    case 'cast':
      return [x.arg];
    case 'binary':
    case 'comma':
      return [x.left, x.right];
    case 'assign':
      return [x.target, x.value];
    case 'cond':
      return [x.test, x.then, x.else];
    case 'sizeof':
    case 'num':
    case 'ident':
    case 'string':
      return [];
  }
}

/** The functions and helpers an expression calls, in source order (callee before its arguments). */
export function callsIn(e: Expr | InitList | null): readonly string[] {
  const out: string[] = [];
  const walk = (x: Expr | InitList | null): void => {
    if (x === null) return;
    if (x.k === 'call') out.push(x.callee);
    for (const sub of subExprs(x)) walk(sub);
  };
  walk(e);
  return out;
}

/** The key a variable's hints are filed under: `fn:name` for a local, `.field` for a field. */
function keyOf(fn: string, e: Expr): string | null {
  if (e.k === 'ident') return `${fn}:${e.name}`;
  if (e.k === 'member') return `.${e.field}`;
  if (e.k === 'cast') return keyOf(fn, e.arg);
  return null;
}

/**
 * Records, for each variable, the named constants it is compared with (`==`, `!=`), assigned
 * (`=`), switched on (`case`), or passed as (a parameter of the scenario's own functions). A
 * constant of an enum brings its whole enum: `op` compared with MEM_ALLOC also names MEM_FREE.
 */
export function collectHints(
  env: Env,
  decls: readonly TopDecl[],
  hints: Map<string, readonly NamedConst[]>,
): void {
  const groups = new Map<string, readonly string[]>();
  for (const d of decls)
    if (d.k === 'enum')
      for (const m of d.members)
        groups.set(
          m.name,
          d.members.map((x) => x.name),
        );
  const params = new Map<string, readonly (string | null)[]>();
  for (const d of decls)
    if (d.k === 'func')
      params.set(
        d.name,
        d.params.map((p) => p.name),
      );

  const constOf = (name: string): NamedConst | null => {
    const g = env.globals.get(name);
    if (g?.k === 'enum') return { name, value: g.value };
    if (g?.k === 'define') {
      const value = env.constInt({ k: 'ident', name, pos: g.pos });
      return value === null ? null : { name, value };
    }
    return null;
  };
  const add = (key: string | null, c: Expr): void => {
    if (key === null || c.k !== 'ident') return;
    const first = constOf(c.name);
    if (first === null) return;
    const list = [...(hints.get(key) ?? [])];
    for (const name of groups.get(c.name) ?? [c.name]) {
      const k = constOf(name);
      if (k !== null && !list.some((x) => x.name === name)) list.push(k);
    }
    hints.set(key, list);
  };

  const expr = (fn: string, e: Expr | InitList | null): void => {
    if (e === null) return;
    if (e.k === 'call') {
      const names = params.get(e.callee);
      e.args.forEach((a, i) => {
        const p = names?.[i];
        if (p !== undefined && p !== null) add(`${e.callee}:${p}`, a);
        expr(fn, a);
      });
      return;
    }
    if (e.k === 'binary' && (e.op === '==' || e.op === '!=')) {
      add(keyOf(fn, e.left), e.right);
      add(keyOf(fn, e.right), e.left);
    }
    if (e.k === 'assign' && e.op === '=') add(keyOf(fn, e.target), e.value);
    for (const sub of subExprs(e)) expr(fn, sub);
  };

  const stmt = (fn: string, s: Stmt, disc: string | null): void => {
    switch (s.k) {
      case 'expr':
        expr(fn, s.expr);
        return;
      case 'decl':
        for (const d of s.decls) {
          if (d.init !== null && d.init.k !== 'init') add(`${fn}:${d.name}`, d.init);
          expr(fn, d.init);
        }
        return;
      case 'block':
        for (const x of s.body) stmt(fn, x, disc);
        return;
      case 'if':
        expr(fn, s.test);
        stmt(fn, s.then, disc);
        if (s.else !== null) stmt(fn, s.else, disc);
        return;
      case 'while':
      case 'do':
        expr(fn, s.test);
        stmt(fn, s.body, disc);
        return;
      case 'for':
        if (s.init !== null) stmt(fn, s.init, disc);
        expr(fn, s.test);
        expr(fn, s.update);
        stmt(fn, s.body, disc);
        return;
      case 'return':
        expr(fn, s.value);
        return;
      case 'switch':
        expr(fn, s.disc);
        stmt(fn, s.body, keyOf(fn, s.disc));
        return;
      case 'case':
        add(disc, s.value);
        return;
      case 'break':
      case 'continue':
      case 'default':
      case 'empty':
        return;
    }
  };

  for (const d of decls) if (d.k === 'func' && d.body !== null) stmt(d.name, d.body, null);
}
