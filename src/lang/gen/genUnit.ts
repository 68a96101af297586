/** Checks and compiles a whole scenario program: file-scope declarations, then every function. */
import type { Abi, Word } from '../../kernel/abi/word';
import { wordMask } from '../../kernel/abi/word';
import type { TopDecl, Unit } from '../ast';
import { BUILTINS } from '../builtins/registry';
import { CONSTANTS } from '../builtins/constants';
import { VOID } from '../check/ctypes';
import { didYouMean } from '../diagnostic';
import type { Diagnostics, Pos } from '../diagnostic';
import { INT_TYPES, L4_AGGREGATE_TYPES, L4_WORD_TYPES } from '../typeNames';
import { Op } from '../vm/opcodes';
import type { CompiledUnit, FnCode, StmtWhat } from '../vm/unit';
import { constFold } from './constFold';
import { Env, describeCallClash } from './env';
import type { FuncDecl, FuncSym } from './env';
import { FnGen } from './fnGen';
import { genStmt } from './genStmt';
import { collectHints } from './stmtFacts';

const END: StmtWhat = { k: 'end' };

export interface ThreadName {
  readonly name: string;
  readonly globalId: Word;
  readonly pos: Pos;
}

export interface GenResult {
  readonly unit: CompiledUnit;
  /** Thread name → its function's index and source lines. */
  readonly entries: ReadonlyMap<
    string,
    { readonly fn: number; readonly startLine: number; readonly endLine: number }
  >;
}

export function genUnit(
  ast: Unit,
  threads: readonly ThreadName[],
  abi: Abi,
  hasHeap: boolean,
  diags: Diagnostics,
): GenResult {
  const unit: CompiledUnit = {
    abi,
    mask: wordMask(abi),
    fns: [],
    consts: [],
    stmts: [],
    sites: [],
    switches: [],
    hints: new Map(),
  };
  const env = new Env(abi, diags, unit);
  env.hasHeap = hasHeap;
  env.constInt = (e) => {
    const c = constFold(env, e, () => undefined);
    return c !== null && c.type.k === 'int' ? c.value : null;
  };
  BUILTINS.forEach((def, index) =>
    env.functions.set(def.name, { k: 'builtin', name: def.name, index, def }),
  );
  for (const def of CONSTANTS) env.globals.set(def.name, { k: 'const', name: def.name, def });
  for (const t of threads)
    env.declare({ k: 'thread', name: t.name, value: t.globalId, pos: t.pos }, t.pos, 'thread');
  declareTypes(env, ast.decls);
  for (const d of ast.decls)
    if (d.k === 'define')
      env.declare(
        { k: 'define', name: d.name, body: d.body, pos: d.pos, busy: false },
        d.pos,
        '#define',
      );
  declareEnums(env, ast.decls);
  for (const d of ast.decls) {
    if (d.k === 'global') {
      diags.error(
        d.decl.pos,
        `global variables are not supported: declare '${d.decl.name}' inside a function (each thread has its own variables)`,
      );
    }
  }
  const threadNames = new Set(threads.map((t) => t.name));
  const bodies = declareFunctions(env, ast.decls, threadNames);
  const entries = new Map<string, { fn: number; startLine: number; endLine: number }>();
  for (const fn of env.funcs) {
    const body = bodies.get(fn.index);
    if (body === undefined) continue;
    unit.fns[fn.index] = genFunction(env, fn);
    if (fn.isThread)
      entries.set(fn.name, { fn: fn.index, startLine: fn.decl.startLine, endLine: body.end.line });
  }
  for (const t of threads) {
    if (!entries.has(t.name)) {
      diags.error(
        t.pos,
        `thread '${t.name}' has no code: write 'void ${t.name}(void) { ... }'${didYouMean(
          t.name,
          env.funcs.map((f) => f.name),
        )}`,
      );
    }
  }
  for (const fn of env.funcs) {
    if (!fn.isThread && !fn.called && bodies.has(fn.index)) {
      diags.warning(
        fn.pos,
        `function '${fn.name}' is never called and no thread runs it (a thread needs a header line: // @thread ${fn.name} space=...)`,
      );
    }
  }
  collectHints(env, ast.decls, unit.hints);
  return { unit, entries };
}

function declareTypes(env: Env, decls: readonly TopDecl[]): void {
  const builtin = (n: string) =>
    INT_TYPES.has(n) || L4_WORD_TYPES.includes(n) || L4_AGGREGATE_TYPES.includes(n);
  for (const d of decls) {
    if (d.k === 'struct') {
      const prev = env.structs.get(d.name);
      if (prev !== undefined)
        env.diags.error(
          d.pos,
          `struct ${d.name} is defined twice (first at line ${prev.decl.pos.line})`,
        );
      else env.structs.set(d.name, { decl: d, type: null, busy: false });
    } else if (d.k === 'typedef') {
      const prev = env.typedefs.get(d.name);
      if (builtin(d.name)) env.diags.error(d.pos, `'${d.name}' is already a built-in type`);
      else if (prev !== undefined)
        env.diags.error(
          d.pos,
          `typedef '${d.name}' is defined twice (first at line ${prev.decl.pos.line})`,
        );
      else env.typedefs.set(d.name, { decl: d, type: null, busy: false });
    }
  }
  for (const d of decls) {
    if (d.k === 'struct' && !d.name.startsWith('struct@'))
      env.resolveType({ k: 'struct', name: d.name, pos: d.pos });
    if (d.k === 'typedef') env.resolveType({ k: 'name', name: d.name, pos: d.pos });
  }
}

function declareEnums(env: Env, decls: readonly TopDecl[]): void {
  for (const d of decls) {
    if (d.k !== 'enum') continue;
    let next = 0n;
    for (const m of d.members) {
      let value = next;
      if (m.value !== null) {
        const c = env.constInt(m.value);
        if (c === null)
          env.diags.error(
            m.value.pos,
            `the value of enum constant '${m.name}' must be an integer constant`,
          );
        else value = c;
      }
      env.declare({ k: 'enum', name: m.name, value, pos: m.pos }, m.pos, 'enum constant');
      next = (value + 1n) & env.width.mask;
    }
  }
}

function declareFunctions(
  env: Env,
  decls: readonly TopDecl[],
  threadNames: ReadonlySet<string>,
): Map<number, NonNullable<FuncDecl['body']>> {
  const bodies = new Map<number, NonNullable<FuncDecl['body']>>();
  const prototypes = new Map<string, FuncDecl>();
  for (const d of decls) {
    if (d.k !== 'func') continue;
    if (d.body === null) {
      prototypes.set(d.name, d);
      continue;
    }
    const clash = env.functions.get(d.name);
    if (clash !== undefined) {
      env.diags.error(d.pos, `function '${d.name}' ${describeCallClash(clash)}`);
      continue;
    }
    const value = env.globals.get(d.name);
    if (value !== undefined && value.k !== 'thread') {
      env.diags.error(
        d.pos,
        `function '${d.name}' has the name of ${value.k === 'define' ? 'a #define' : value.k === 'enum' ? 'an enum constant' : 'an L4 constant'}`,
      );
      continue;
    }
    const ret = env.resolveType(d.ret);
    const params = env.paramTypes(d.params, d.name);
    if (ret === null || params === null) continue;
    if (
      ret.k !== 'void' &&
      ret.k !== 'int' &&
      ret.k !== 'l4' &&
      ret.k !== 'struct' &&
      ret.k !== 'ptr'
    ) {
      env.diags.error(d.pos, `function '${d.name}' cannot return an array`);
      continue;
    }
    const isThread = threadNames.has(d.name);
    if (isThread && (params.length > 0 || ret.k !== 'void')) {
      env.diags.error(d.pos, `thread function '${d.name}' must be declared 'void ${d.name}(void)'`);
    }
    params.forEach((prm, i) => {
      if (prm.name === null)
        env.diags.error(
          d.params[i]?.pos ?? d.pos,
          `parameter ${i + 1} of '${d.name}' needs a name`,
        );
    });
    const sym: FuncSym = {
      k: 'func',
      name: d.name,
      index: env.funcs.length,
      params,
      ret,
      pos: d.pos,
      decl: d,
      isThread,
      called: false,
    };
    env.funcs.push(sym);
    env.functions.set(d.name, sym);
    bodies.set(sym.index, d.body);
  }
  for (const [name, d] of prototypes) {
    if (!env.functions.has(name))
      env.diags.error(d.pos, `function '${name}' is declared but never defined`);
  }
  return bodies;
}

function genFunction(env: Env, fn: FuncSym): FnCode {
  const g = new FnGen(env, fn);
  fn.params.forEach((prm, i) =>
    g.declare(prm.name ?? `#${i}`, prm.type, fn.decl.params[i]?.pos ?? fn.pos, false),
  );
  const body = fn.decl.body;
  if (body !== null) {
    for (const s of body.body) genStmt(g, s);
    if (fn.isThread) {
      g.em.stmt(body.end, END);
      g.em.op(Op.EXIT);
    } else if (fn.ret === VOID || fn.ret.k === 'void') g.em.op(Op.RETV);
    else g.em.op(Op.FALLOFF, g.em.site(body.end, fn.name));
  }
  return {
    name: fn.name,
    code: g.em.code,
    nparams: fn.params.length,
    localsInit: g.localsInit,
    localNames: g.localNames,
    localTypes: g.localTypes,
    isThread: fn.isThread,
  };
}
