/** C expressions by precedence climbing. */
import type { AssignOp, BinaryOp, Expr, InitItem, InitList } from '../ast';
import { describeToken } from '../token';
import { parseTypeName } from './parseType';
import { MAX_NESTING, posOf } from './tokenStream';
import type { TokenStream } from './tokenStream';

// prettier-ignore
const BINARY_PREC: ReadonlyMap<string, number> = new Map([
  ['||', 1], ['&&', 2], ['|', 3], ['^', 4], ['&', 5], ['==', 6], ['!=', 6], ['<', 7], ['<=', 7],
  ['>', 7], ['>=', 7], ['<<', 8], ['>>', 8], ['+', 9], ['-', 9], ['*', 10], ['/', 10], ['%', 10],
]);

const ASSIGN_OPS: ReadonlySet<string> = new Set([
  '=',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '<<=',
  '>>=',
  '&=',
  '^=',
  '|=',
]);

/** A full expression, comma operator included. */
export function parseExpr(ts: TokenStream): Expr {
  return ts.nest(() => parseComma(ts));
}

function parseComma(ts: TokenStream): Expr {
  let left = parseAssign(ts);
  while (ts.is(',')) {
    const op = ts.next();
    const right = parseAssign(ts);
    left = { k: 'comma', left, right, pos: posOf(op) };
  }
  return left;
}

export function parseAssign(ts: TokenStream): Expr {
  const target = parseConditional(ts);
  const t = ts.peek();
  if (t.kind === 'punct' && ASSIGN_OPS.has(t.text)) {
    ts.next();
    // `x = x = …` nests to the right: bounded like any nesting (a message, not a stack overflow).
    const value = ts.nest(() => parseAssign(ts));
    return { k: 'assign', op: t.text as AssignOp, target, value, pos: posOf(t) };
  }
  return target;
}

export function parseConditional(ts: TokenStream): Expr {
  const test = parseBinary(ts, 1);
  if (!ts.is('?')) return test;
  const q = ts.next();
  const then = parseExpr(ts);
  ts.expect(':', "in a conditional expression ('a ? b : c')");
  const otherwise = ts.nest(() => parseConditional(ts));
  return { k: 'cond', test, then, else: otherwise, pos: posOf(q) };
}

function parseBinary(ts: TokenStream, minPrec: number): Expr {
  let left = parseUnary(ts);
  for (let n = 0; ; n++) {
    if (n >= MAX_NESTING)
      ts.fail(
        ts.peek(),
        `the expression has too many operators in a row (more than ${MAX_NESTING})`,
      );
    const t = ts.peek();
    const prec = t.kind === 'punct' ? BINARY_PREC.get(t.text) : undefined;
    if (prec === undefined || prec < minPrec) return left;
    ts.next();
    const right = parseBinary(ts, prec + 1);
    left = { k: 'binary', op: t.text as BinaryOp, left, right, pos: posOf(t) };
  }
}

function parseUnary(ts: TokenStream): Expr {
  return ts.nest(() => parseUnaryInner(ts));
}

function parseUnaryInner(ts: TokenStream): Expr {
  const t = ts.peek();
  if (t.kind === 'punct') {
    if (t.text === '++' || t.text === '--') {
      ts.next();
      return { k: 'incdec', op: t.text, prefix: true, arg: parseUnary(ts), pos: posOf(t) };
    }
    if (
      t.text === '-' ||
      t.text === '+' ||
      t.text === '~' ||
      t.text === '!' ||
      t.text === '&' ||
      t.text === '*'
    ) {
      ts.next();
      return { k: 'unary', op: t.text, arg: parseUnary(ts), pos: posOf(t) };
    }
    if (t.text === '(' && ts.startsType(1)) {
      ts.next();
      const type = parseTypeName(ts);
      ts.expect(')', 'to end the cast');
      return { k: 'cast', type, arg: parseUnary(ts), pos: posOf(t) };
    }
  }
  if (t.kind === 'ident' && t.text === 'sizeof') {
    ts.next();
    if (ts.is('(') && ts.startsType(1)) {
      ts.next();
      const type = parseTypeName(ts);
      ts.expect(')', 'after the type in sizeof');
      return { k: 'sizeof', type, arg: null, pos: posOf(t) };
    }
    return { k: 'sizeof', type: null, arg: parseUnary(ts), pos: posOf(t) };
  }
  return parsePostfix(ts);
}

function parsePostfix(ts: TokenStream): Expr {
  let e = parsePrimary(ts);
  for (;;) {
    const t = ts.peek();
    if (t.kind !== 'punct') return e;
    if (t.text === '[') {
      ts.next();
      const index = parseExpr(ts);
      ts.expect(']', 'after the array index');
      e = { k: 'index', obj: e, index, pos: posOf(t) };
    } else if (t.text === '(') {
      if (e.k !== 'ident') ts.fail(t, 'only functions can be called, by name');
      ts.next();
      const args: Expr[] = [];
      if (!ts.is(')')) {
        do args.push(parseAssign(ts));
        while (ts.accept(','));
      }
      const close = ts.expect(')', `to end the arguments of ${e.name}`);
      e = { k: 'call', callee: e.name, args, pos: e.pos, end: posOf(close) };
    } else if (t.text === '.' || t.text === '->') {
      ts.next();
      const f = ts.expectIdent(`after '${t.text}'`);
      e = { k: 'member', obj: e, field: f.text, arrow: t.text === '->', pos: posOf(f) };
    } else if (t.text === '++' || t.text === '--') {
      ts.next();
      e = { k: 'incdec', op: t.text, prefix: false, arg: e, pos: posOf(t) };
    } else return e;
  }
}

function parsePrimary(ts: TokenStream): Expr {
  const t = ts.peek();
  if (t.kind === 'number' || t.kind === 'char') {
    ts.next();
    return { k: 'num', value: t.value, unsigned: t.unsigned, text: t.text, pos: posOf(t) };
  }
  if (t.kind === 'string') {
    ts.next();
    return { k: 'string', pos: posOf(t) };
  }
  if (t.kind === 'ident' && !ts.startsType() && !isStatementKeyword(t.text)) {
    ts.next();
    return { k: 'ident', name: t.text, pos: posOf(t) };
  }
  if (ts.is('(')) {
    ts.next();
    const e = parseExpr(ts);
    ts.expect(')', 'to close the parenthesis');
    return e;
  }
  return ts.fail(t, `expected an expression, found ${describeToken(t)}`);
}

function isStatementKeyword(name: string): boolean {
  return [
    'if',
    'else',
    'while',
    'do',
    'for',
    'break',
    'continue',
    'return',
    'switch',
    'case',
    'default',
    'typedef',
    'goto',
  ].includes(name);
}

/** An initializer: an expression or a brace list `{ a, .f = b, [1] = c }`. */
export function parseInitializer(ts: TokenStream): Expr | InitList {
  return ts.nest(() => parseInitializerInner(ts));
}

function parseInitializerInner(ts: TokenStream): Expr | InitList {
  if (!ts.is('{')) return parseAssign(ts);
  const open = ts.next();
  const items: InitItem[] = [];
  while (!ts.is('}')) {
    const start = ts.peek();
    let designator: InitItem['designator'] = null;
    if (ts.is('.')) {
      ts.next();
      designator = { k: 'field', name: ts.expectIdent("after '.' in an initializer").text };
      ts.expect('=', 'after the field designator');
    } else if (ts.is('[')) {
      ts.next();
      designator = { k: 'index', index: parseConditional(ts) };
      ts.expect(']', 'after the index designator');
      ts.expect('=', 'after the index designator');
    }
    items.push({ designator, value: parseInitializer(ts), pos: posOf(start) });
    if (!ts.accept(',')) break;
  }
  ts.expect('}', 'to end the initializer list');
  return { k: 'init', items, pos: posOf(open) };
}
