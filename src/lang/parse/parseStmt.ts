/** Statements and local declarations. */
import type { Stmt, TopDecl, VarDecl } from '../ast';
import { describeToken } from '../token';
import { KEYWORDS } from '../typeNames';
import { parseExpr, parseInitializer } from './parseExpr';
import { parseDeclarator, parseSpecifiers } from './parseType';
import { ParseError, posOf } from './tokenStream';
import type { TokenStream } from './tokenStream';

type Block = Extract<Stmt, { k: 'block' }>;

/** `{ ... }`, recovering from a syntax error at the next statement. */
export function parseBlock(ts: TokenStream, defs: TopDecl[]): Block {
  const open = ts.expect('{', 'to start the block');
  const body: Stmt[] = [];
  while (!ts.is('}')) {
    if (ts.atEnd)
      ts.fail(
        ts.peek(),
        `expected '}' to close the block opened at line ${open.line}, found end of file`,
      );
    try {
      body.push(parseStatement(ts, defs));
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      ts.sync();
    }
  }
  const close = ts.next();
  return { k: 'block', body, pos: posOf(open), end: posOf(close) };
}

export function parseStatement(ts: TokenStream, defs: TopDecl[]): Stmt {
  return ts.nest(() => parseStatementInner(ts, defs));
}

function parseStatementInner(ts: TokenStream, defs: TopDecl[]): Stmt {
  const t = ts.peek();
  const pos = posOf(t);
  if (ts.is('{')) return parseBlock(ts, defs);
  if (ts.is('}') || ts.atEnd) return ts.fail(t, `expected a statement, found ${describeToken(t)}`);
  if (ts.is(';')) {
    ts.next();
    return { k: 'empty', pos };
  }
  if (t.kind === 'ident') {
    switch (t.text) {
      case 'if': {
        ts.next();
        const test = parenExpr(ts, 'if');
        const then = parseStatement(ts, defs);
        const otherwise = ts.accept('else') ? parseStatement(ts, defs) : null;
        return { k: 'if', test, then, else: otherwise, pos };
      }
      case 'while': {
        ts.next();
        const test = parenExpr(ts, 'while');
        return { k: 'while', test, body: parseStatement(ts, defs), pos };
      }
      case 'do': {
        ts.next();
        const body = parseStatement(ts, defs);
        const w = ts.expect('while', "after the body of 'do'");
        const test = parenExpr(ts, 'while');
        ts.expect(';', "after 'do ... while (...)'");
        return { k: 'do', body, test, pos, testPos: posOf(w) };
      }
      case 'for':
        return parseFor(ts, defs);
      case 'break':
      case 'continue':
        ts.next();
        ts.expect(';', `after '${t.text}'`);
        return { k: t.text, pos };
      case 'return': {
        ts.next();
        const value = ts.is(';') ? null : parseExpr(ts);
        ts.expect(';', 'after the return value');
        return { k: 'return', value, pos };
      }
      case 'switch': {
        ts.next();
        const disc = parenExpr(ts, 'switch');
        return { k: 'switch', disc, body: parseStatement(ts, defs), pos };
      }
      case 'case': {
        ts.next();
        const value = parseExpr(ts);
        ts.expect(':', 'after the case value');
        return { k: 'case', value, pos };
      }
      case 'default':
        ts.next();
        ts.expect(':', "after 'default'");
        return { k: 'default', pos };
      case 'goto':
        return ts.fail(t, "'goto' is not supported: use a loop with break or continue");
      case 'else':
        return ts.fail(t, "'else' without a matching 'if'");
      case 'typedef':
        return ts.fail(t, "'typedef' is only allowed at file scope");
    }
    if (ts.startsType()) return parseLocalDecl(ts, defs);
    const after = ts.peek(2);
    if (
      ts.peek(1).kind === 'ident' &&
      !KEYWORDS.has(t.text) &&
      (after.kind === 'eof' || [';', '=', ',', '['].includes(after.text))
    ) {
      return ts.fail(t, `unknown type name '${t.text}'`);
    }
  }
  const expr = parseExpr(ts);
  ts.expect(';', 'after expression');
  return { k: 'expr', expr, pos: posOf(t) };
}

function parenExpr(ts: TokenStream, keyword: string) {
  ts.expect('(', `after '${keyword}'`);
  const e = parseExpr(ts);
  ts.expect(')', `to close the condition of '${keyword}'`);
  return e;
}

function parseFor(ts: TokenStream, defs: TopDecl[]): Stmt {
  const pos = posOf(ts.next());
  ts.expect('(', "after 'for'");
  let init: Stmt | null = null;
  if (ts.startsType()) init = parseLocalDecl(ts, defs);
  else if (!ts.accept(';')) {
    const start = ts.peek();
    const expr = parseExpr(ts);
    ts.expect(';', "after the first part of 'for (init; condition; step)'");
    init = { k: 'expr', expr, pos: posOf(start) };
  }
  const test = ts.is(';') ? null : parseExpr(ts);
  ts.expect(';', "after the condition of 'for (init; condition; step)'");
  const update = ts.is(')') ? null : parseExpr(ts);
  ts.expect(')', "to close 'for (init; condition; step)'");
  return { k: 'for', init, test, update, body: parseStatement(ts, defs), pos };
}

/** `const T a = x, *b, c[4] = {...};` inside a function. */
export function parseLocalDecl(ts: TokenStream, defs: TopDecl[]): Stmt {
  const start = ts.peek();
  const spec = parseSpecifiers(ts, defs, false);
  if (spec === null) return ts.fail(start, `expected a declaration, found ${describeToken(start)}`);
  const decls: VarDecl[] = [];
  if (!(spec.definesTag && ts.is(';'))) {
    do {
      const d = parseDeclarator(ts, spec.base, 'required');
      if (d.name === null) return ts.fail(ts.peek(), 'expected a variable name');
      if (d.params !== null)
        ts.fail(d.name, 'functions must be defined at file scope, not inside another function');
      const init = ts.accept('=') ? parseInitializer(ts) : null;
      decls.push({
        name: d.name.text,
        pos: posOf(d.name),
        type: d.type,
        init,
        isConst: spec.isConst,
      });
    } while (ts.accept(','));
  }
  ts.expect(';', 'after the declaration');
  return { k: 'decl', decls, pos: posOf(start) };
}
