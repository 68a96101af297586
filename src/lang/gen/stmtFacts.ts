/**
 * Facts about statements that the narration and the variables panel read: which functions a
 * statement calls, and which named constants (`#define`, enum) each variable is used with.
 */
import type { Expr, InitList, Stmt, TopDecl } from '../ast';
import type { NamedConst } from '../vm/unit';
import type { Env } from './env';

/** The functions and helpers an expression calls, in source order (callee before its arguments). */
export function callsIn(e: Expr | InitList | null): readonly string[] {
  const out: string[] = [];
  const walk = (x: Expr | InitList | null): void => {
    if (x === null) return;
    switch (x.k) {
      case 'init':
        for (const it of x.items) walk(it.value);
        return;
      case 'call':
        out.push(x.callee);
        for (const a of x.args) walk(a);
        return;
      case 'member':
        walk(x.obj);
        return;
      case 'index':
        walk(x.obj);
        walk(x.index);
        return;
      case 'unary':
      case 'incdec':
      case 'cast':
        walk(x.arg);
        return;
      case 'binary':
      case 'comma':
        walk(x.left);
        walk(x.right);
        return;
      case 'assign':
        walk(x.target);
        walk(x.value);
        return;
      case 'cond':
        walk(x.test);
        walk(x.then);
        walk(x.else);
        return;
      case 'sizeof':
      case 'num':
      case 'ident':
      case 'string':
        return;
    }
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
    if (e.k === 'init') {
      for (const it of e.items) expr(fn, it.value);
      return;
    }
    switch (e.k) {
      case 'binary':
        if (e.op === '==' || e.op === '!=') {
          add(keyOf(fn, e.left), e.right);
          add(keyOf(fn, e.right), e.left);
        }
        expr(fn, e.left);
        expr(fn, e.right);
        return;
      case 'assign':
        if (e.op === '=') add(keyOf(fn, e.target), e.value);
        expr(fn, e.target);
        expr(fn, e.value);
        return;
      case 'call': {
        const names = params.get(e.callee);
        e.args.forEach((a, i) => {
          const p = names?.[i];
          if (p !== undefined && p !== null) add(`${e.callee}:${p}`, a);
          expr(fn, a);
        });
        return;
      }
      case 'member':
        expr(fn, e.obj);
        return;
      case 'index':
        expr(fn, e.obj);
        expr(fn, e.index);
        return;
      case 'unary':
      case 'incdec':
      case 'cast':
        expr(fn, e.arg);
        return;
      case 'comma':
        expr(fn, e.left);
        expr(fn, e.right);
        return;
      case 'cond':
        expr(fn, e.test);
        expr(fn, e.then);
        expr(fn, e.else);
        return;
      case 'sizeof':
      case 'num':
      case 'ident':
      case 'string':
        return;
    }
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
