/** The parser: file-scope declarations (structs, typedefs, enums, functions) and `#define`s. */
import type { TopDecl, Unit, VarDecl } from '../ast';
import type { Diagnostics } from '../diagnostic';
import type { LexResult } from '../lexer';
import { describeToken } from '../token';
import type { Token } from '../token';
import { builtinTypeNames } from '../typeNames';
import { parseExpr, parseInitializer } from './parseExpr';
import { parseBlock } from './parseStmt';
import { parseDeclarator, parseSpecifiers } from './parseType';
import { ParseError, TokenStream, posOf } from './tokenStream';

export function parseUnit(lexed: LexResult, diags: Diagnostics): Unit {
  const typeNames = builtinTypeNames();
  const decls: TopDecl[] = [];
  const ts = new TokenStream(lexed.tokens, diags, typeNames);
  while (!ts.atEnd) {
    try {
      parseTopDecl(ts, decls);
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      ts.sync();
      if (ts.is('}')) ts.next();
    }
  }
  for (const d of lexed.directives) {
    if (d.name !== 'define') continue;
    try {
      decls.push(parseDefine(d.macro, d.body, d.functionLike, d, diags, typeNames));
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
    }
  }
  return { decls };
}

function parseDefine(
  macro: Token | null,
  body: readonly Token[],
  functionLike: boolean,
  at: { line: number; col: number },
  diags: Diagnostics,
  typeNames: Set<string>,
): TopDecl {
  const last = body[body.length - 1];
  const eof: Token = {
    kind: 'eof',
    text: '',
    value: 0n,
    unsigned: false,
    line: at.line,
    col:
      last === undefined
        ? (macro?.col ?? at.col) + (macro?.text.length ?? 7)
        : last.col + last.text.length,
  };
  const ts: TokenStream = new TokenStream([...body, eof], diags, typeNames);
  if (macro === null) ts.fail(body[0] ?? eof, 'expected a macro name after #define');
  if (functionLike) {
    ts.fail(
      macro,
      `function-like macro '${macro.text}(...)' is not supported: write a function instead`,
    );
  }
  if (body.length === 0)
    ts.fail(eof, `#define ${macro.text} needs a value, for example '#define ${macro.text} 1'`);
  if (ts.startsType())
    ts.fail(ts.peek(), `#define of a type is not supported: use 'typedef ... ${macro.text};'`);
  const expr = parseExpr(ts);
  if (!ts.atEnd)
    ts.fail(
      ts.peek(),
      `expected the end of #define ${macro.text} after one expression, found ${describeToken(ts.peek())}`,
    );
  return { k: 'define', name: macro.text, body: expr, pos: posOf(macro) };
}

function parseTopDecl(ts: TokenStream, decls: TopDecl[]): void {
  const start = ts.peek();
  const spec = parseSpecifiers(ts, decls, true);
  if (spec === null) {
    ts.fail(
      start,
      `expected a declaration at file scope (a struct, typedef, #define or function), found ${describeToken(start)}`,
    );
  }
  if (spec.definesTag && ts.accept(';')) return;
  if (spec.isTypedef) {
    do {
      const d = parseDeclarator(ts, spec.base, 'required');
      if (d.name === null || d.params !== null)
        ts.fail(d.name ?? ts.peek(), 'expected a type name in the typedef');
      ts.typeNames.add(d.name.text);
      decls.push({ k: 'typedef', name: d.name.text, type: d.type, pos: posOf(d.name) });
    } while (ts.accept(','));
    ts.expect(';', 'after the typedef');
    return;
  }
  const d = parseDeclarator(ts, spec.base, 'required');
  if (d.name === null) return;
  if (d.params !== null) {
    const body = ts.is('{') ? parseBlock(ts, decls) : null;
    if (body === null) ts.expect(';', 'or a function body after the function declaration');
    decls.push({
      k: 'func',
      name: d.name.text,
      ret: d.type,
      params: d.params,
      body,
      pos: posOf(d.name),
      startLine: start.line,
    });
    return;
  }
  let decl: VarDecl = {
    name: d.name.text,
    pos: posOf(d.name),
    type: d.type,
    init: null,
    isConst: spec.isConst,
  };
  if (ts.accept('=')) decl = { ...decl, init: parseInitializer(ts) };
  decls.push({ k: 'global', decl });
  ts.expect(';', 'after the declaration');
}
