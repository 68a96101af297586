/** Statements. Each simple statement and each condition check starts a step (a STMT marker). */
import type { Stmt } from '../ast';
import { typeName } from '../check/ctypes';
import { Op } from '../vm/opcodes';
import type { StmtWhat } from '../vm/unit';
import { constFold } from './constFold';
import type { FnGen } from './fnGen';
import { genDiscard } from './genAssign';
import { genCondition, genConverted, genExpr } from './genExpr';
import { genDecl } from './genInit';
import { callsIn } from './stmtFacts';

const BREAK: StmtWhat = { k: 'break' };
const CONTINUE: StmtWhat = { k: 'continue' };
const RETURN: StmtWhat = { k: 'return' };
const SWITCH: StmtWhat = { k: 'switch' };

type CondWhat = Extract<StmtWhat, { k: 'cond' }>;

function cond(kw: CondWhat['kw']): CondWhat {
  return { k: 'cond', kw, bodyStart: -1, bodyEnd: -1, elseLine: null };
}

/** A condition that is a non-zero constant (`while (1)`, `for (;;)`): not a step of its own. */
function alwaysTrue(g: FnGen, test: Extract<Stmt, { k: 'while' }>['test'] | null): boolean {
  if (test === null) return true;
  const c = constFold(g.env, test, (n) => g.lookup(n)?.type);
  return c !== null && c.type.k === 'int' && c.value !== 0n;
}

export function genStmt(g: FnGen, s: Stmt): void {
  const em = g.em;
  switch (s.k) {
    case 'expr':
      em.stmt(s.pos, undefined, callsIn(s.expr));
      genDiscard(g, s.expr);
      return;
    case 'decl':
      for (const d of s.decls) genDecl(g, d);
      return;
    case 'block':
      g.pushScope();
      for (const x of s.body) genStmt(g, x);
      g.popScope();
      return;
    case 'if': {
      const otherwise = em.label();
      const what = cond('if');
      em.stmt(s.pos, what, callsIn(s.test));
      genCondition(g, s.test);
      em.jump(Op.JZ, otherwise);
      what.bodyStart = em.here;
      genScoped(g, s.then);
      what.bodyEnd = em.here;
      if (s.else === null) {
        em.place(otherwise);
        return;
      }
      what.elseLine = s.else.pos.line;
      const end = em.label();
      em.jump(Op.JMP, end);
      em.place(otherwise);
      genScoped(g, s.else);
      em.place(end);
      return;
    }
    case 'while': {
      const head = em.label();
      const brk = em.label();
      em.place(head);
      const what = cond('while');
      if (!alwaysTrue(g, s.test)) {
        em.stmt(s.pos, what, callsIn(s.test));
        genCondition(g, s.test);
        em.jump(Op.JZ, brk);
      }
      what.bodyStart = em.here;
      loopBody(g, s.body, brk, head);
      what.bodyEnd = em.here;
      back(g, head, s.pos);
      em.place(brk);
      return;
    }
    case 'do': {
      const top = em.label();
      const cont = em.label();
      const brk = em.label();
      em.place(top);
      loopBody(g, s.body, brk, cont);
      em.place(cont);
      if (!alwaysTrue(g, s.test)) {
        // A true test jumps back (the BACK below) into the body, which lies above the test.
        const what = cond('do');
        what.bodyStart = top.pos;
        what.bodyEnd = em.here;
        em.stmt(s.testPos, what, callsIn(s.test));
        genCondition(g, s.test);
        em.jump(Op.JZ, brk);
      }
      back(g, top, s.pos);
      em.place(brk);
      return;
    }
    case 'for': {
      g.pushScope();
      if (s.init !== null) genStmt(g, s.init);
      const head = em.label();
      const cont = em.label();
      const brk = em.label();
      em.place(head);
      const what = cond('for');
      if (s.test !== null && !alwaysTrue(g, s.test)) {
        em.stmt(s.test.pos, what, callsIn(s.test));
        genCondition(g, s.test);
        em.jump(Op.JZ, brk);
      }
      what.bodyStart = em.here;
      loopBody(g, s.body, brk, cont);
      what.bodyEnd = em.here;
      em.place(cont);
      if (s.update !== null) {
        em.stmt(s.update.pos, undefined, callsIn(s.update));
        genDiscard(g, s.update);
      }
      back(g, head, s.pos);
      em.place(brk);
      g.popScope();
      return;
    }
    case 'break': {
      const target = g.breakables[g.breakables.length - 1];
      if (target === undefined) {
        g.error(s.pos, "'break' is only allowed inside a loop or a switch");
        return;
      }
      em.stmt(s.pos, BREAK);
      em.jump(Op.JMP, target.brk);
      return;
    }
    case 'continue': {
      const loop = [...g.breakables].reverse().find((b) => b.cont !== null);
      if (loop === undefined || loop.cont === null) {
        g.error(s.pos, "'continue' is only allowed inside a loop");
        return;
      }
      em.stmt(s.pos, CONTINUE);
      em.jump(Op.JMP, loop.cont);
      return;
    }
    case 'return':
      genReturn(g, s);
      return;
    case 'switch':
      genSwitch(g, s);
      return;
    case 'case':
    case 'default':
      genCaseLabel(g, s);
      return;
    case 'empty':
      return;
  }
}

/** A loop's back edge: the iteration is counted (and a runaway loop halted here). */
function back(
  g: FnGen,
  target: ReturnType<FnGen['em']['label']>,
  pos: Parameters<FnGen['em']['site']>[0],
): void {
  g.em.op(Op.BACK, target.pos, g.em.site(pos, 'loop'));
}

/** The body of if/else/loops gets its own scope even without braces. */
function genScoped(g: FnGen, s: Stmt): void {
  if (s.k === 'decl') g.error(s.pos, 'a declaration here needs braces around it');
  g.pushScope();
  genStmt(g, s);
  g.popScope();
}

function loopBody(
  g: FnGen,
  body: Stmt,
  brk: ReturnType<FnGen['em']['label']>,
  cont: ReturnType<FnGen['em']['label']>,
): void {
  g.breakables.push({ brk, cont });
  genScoped(g, body);
  g.breakables.pop();
}

function genReturn(g: FnGen, s: Extract<Stmt, { k: 'return' }>): void {
  const fn = g.fn;
  g.em.stmt(s.pos, RETURN, s.value === null ? undefined : callsIn(s.value));
  if (fn.isThread) {
    if (s.value !== null)
      g.error(s.value.pos, `thread function '${fn.name}' returns nothing: write 'return;'`);
    g.em.op(Op.EXIT);
    return;
  }
  if (fn.ret.k === 'void') {
    if (s.value !== null)
      g.error(s.value.pos, `'${fn.name}' returns void: remove the return value`);
    g.em.op(Op.RETV);
    return;
  }
  if (s.value === null) {
    g.error(s.pos, `'${fn.name}' must return a ${typeName(fn.ret)} value`);
    return;
  }
  if (genConverted(g, s.value, fn.ret, `return value of '${fn.name}'`)) g.em.op(Op.RET);
}

function genSwitch(g: FnGen, s: Extract<Stmt, { k: 'switch' }>): void {
  const em = g.em;
  em.stmt(s.pos, SWITCH, callsIn(s.disc));
  const t = genExpr(g, s.disc);
  if (t !== null && t.k !== 'int')
    g.error(s.disc.pos, `switch needs an integer, not ${typeName(t)}`);
  const { index, table } = em.switchTable();
  em.op(Op.SWITCH, index);
  const brk = em.label();
  const ctx = { table, seen: new Map(), hasDefault: false };
  g.switches.push(ctx);
  g.breakables.push({ brk, cont: null });
  genStmt(g, s.body);
  g.breakables.pop();
  g.switches.pop();
  em.place(brk);
  if (!ctx.hasDefault) table.dflt = brk.pos;
}

function genCaseLabel(g: FnGen, s: Extract<Stmt, { k: 'case' | 'default' }>): void {
  const ctx = g.switches[g.switches.length - 1];
  if (ctx === undefined) {
    g.error(s.pos, `'${s.k}' is only allowed inside a switch`);
    return;
  }
  if (s.k === 'default') {
    if (ctx.hasDefault) g.error(s.pos, "this switch already has a 'default'");
    ctx.hasDefault = true;
    ctx.table.dflt = g.em.here;
    return;
  }
  const c = constFold(g.env, s.value, (n) => g.lookup(n)?.type);
  if (c === null || c.type.k !== 'int') {
    g.error(s.value.pos, 'a case value must be an integer constant (a number, #define or enum)');
    return;
  }
  const prev = ctx.seen.get(c.value);
  if (prev !== undefined) {
    g.error(s.pos, `duplicate case value ${c.value} (first at line ${prev})`);
    return;
  }
  ctx.seen.set(c.value, s.pos.line);
  ctx.table.cases.set(c.value, g.em.here);
}
