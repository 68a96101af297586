/** Declaration specifiers (`const unsigned long`, `struct x`, typedef names) and declarators. */
import type { Expr, FieldDecl, Param, TopDecl, TypeExpr } from '../ast';
import type { Pos } from '../diagnostic';
import { describeToken } from '../token';
import { KEYWORDS } from '../typeNames';
import type { Token } from '../token';
import { parseAssign, parseConditional } from './parseExpr';
import { MAX_NESTING, posOf } from './tokenStream';
import type { TokenStream } from './tokenStream';

export interface Specifiers {
  readonly base: TypeExpr;
  readonly isConst: boolean;
  readonly isTypedef: boolean;
  /** Specifiers that were only a struct/enum definition (`struct x { ... };`). */
  readonly definesTag: boolean;
}

const INT_WORDS = new Set(['unsigned', 'signed', 'long', 'short', 'int', 'char']);
const IGNORED = new Set([
  'volatile',
  'static',
  'inline',
  'extern',
  'register',
  '__inline',
  '__inline__',
]);

/**
 * Parses declaration specifiers. Struct and enum definitions met on the way are appended to `defs`.
 * Returns null when the tokens do not start a type.
 */
export function parseSpecifiers(
  ts: TokenStream,
  defs: TopDecl[],
  allowTypedef: boolean,
): Specifiers | null {
  let base: TypeExpr | null = null;
  const ints: string[] = [];
  let isConst = false;
  let isTypedef = false;
  let definesTag = false;
  const start = ts.peek();
  for (;;) {
    const t = ts.peek();
    if (t.kind !== 'ident') break;
    if (t.text === 'const') isConst = true;
    else if (IGNORED.has(t.text)) {
      /* storage classes and qualifiers have no effect here */
    } else if (t.text === 'typedef') {
      if (!allowTypedef) ts.fail(t, "'typedef' is only allowed at file scope");
      isTypedef = true;
    } else if (INT_WORDS.has(t.text) && base === null) {
      if (t.text === 'char' || t.text === 'short') {
        ts.fail(
          t,
          `'${t.text}' is not supported: every variable is a machine word (use L4_Word_t or int)`,
        );
      }
      ints.push(t.text);
    } else if (t.text === 'float' || t.text === 'double') {
      ts.fail(t, `'${t.text}' is not supported: the model has only machine words`);
    } else if (t.text === 'union') {
      ts.fail(t, "unions are not supported (use a struct; L4 types have '.raw')");
    } else if ((t.text === 'struct' || t.text === 'enum') && base === null && ints.length === 0) {
      ts.next();
      const r = t.text === 'struct' ? parseStructSpec(ts, defs, t) : parseEnumSpec(ts, defs, t);
      base = r.type;
      definesTag = r.defined;
      continue;
    } else if (t.text === 'void' && base === null && ints.length === 0) {
      base = { k: 'name', name: 'void', pos: posOf(t) };
    } else if (base === null && ints.length === 0 && ts.typeNames.has(t.text)) {
      base = { k: 'name', name: t.text, pos: posOf(t) };
    } else break;
    ts.next();
  }
  if (base === null && ints.length > 0) {
    const name = ints.includes('unsigned') ? 'unsigned' : 'int';
    base = { k: 'name', name, pos: posOf(start) };
  }
  if (base === null) {
    if (isConst || isTypedef)
      ts.fail(ts.peek(), `expected a type name, found ${describeToken(ts.peek())}`);
    return null;
  }
  return { base, isConst, isTypedef, definesTag };
}

function parseStructSpec(
  ts: TokenStream,
  defs: TopDecl[],
  kw: Token,
): { type: TypeExpr; defined: boolean } {
  const nameTok =
    ts.peek().kind === 'ident' && !ts.is('{') ? ts.expectIdent("after 'struct'") : null;
  const name = nameTok?.text ?? `struct@${kw.line}:${kw.col}`;
  const pos = posOf(nameTok ?? kw);
  if (!ts.is('{')) {
    if (nameTok === null)
      ts.fail(
        ts.peek(),
        `expected a struct name or '{' after 'struct', found ${describeToken(ts.peek())}`,
      );
    return { type: { k: 'struct', name, pos }, defined: false };
  }
  ts.next();
  const fields: FieldDecl[] = [];
  while (!ts.is('}')) {
    if (ts.atEnd) ts.fail(ts.peek(), "expected '}' to end the struct, found end of file");
    const spec = parseSpecifiers(ts, defs, false);
    if (spec === null)
      ts.fail(ts.peek(), `expected a field type, found ${describeToken(ts.peek())}`);
    do {
      const d = parseDeclarator(ts, spec.base, 'required');
      if (d.name === null)
        ts.fail(ts.peek(), `expected a field name, found ${describeToken(ts.peek())}`);
      fields.push({ name: d.name.text, type: d.type, pos: posOf(d.name) });
    } while (ts.accept(','));
    ts.expect(';', 'after a struct field');
  }
  ts.next();
  defs.push({ k: 'struct', name, fields, pos });
  return { type: { k: 'struct', name, pos }, defined: true };
}

function parseEnumSpec(
  ts: TokenStream,
  defs: TopDecl[],
  kw: Token,
): { type: TypeExpr; defined: boolean } {
  const nameTok = ts.peek().kind === 'ident' && !ts.is('{') ? ts.expectIdent("after 'enum'") : null;
  const pos = posOf(nameTok ?? kw);
  const type: TypeExpr = { k: 'enum', name: nameTok?.text ?? '', pos };
  if (!ts.accept('{')) return { type, defined: false };
  const members: { name: string; value: Expr | null; pos: Pos }[] = [];
  while (!ts.is('}')) {
    const m = ts.expectIdent('for an enum constant');
    const value = ts.accept('=') ? parseConditional(ts) : null;
    members.push({ name: m.text, value, pos: posOf(m) });
    if (!ts.accept(',')) break;
  }
  ts.expect('}', 'to end the enum');
  defs.push({ k: 'enum', members, pos });
  return { type, defined: true };
}

export interface Declarator {
  readonly name: Token | null;
  readonly type: TypeExpr;
  /** Present when the declarator declares a function. */
  readonly params: Param[] | null;
}

export type NameMode = 'required' | 'optional' | 'none';

/** `**name[2][3]` or `name(params)`; with `none`, an abstract declarator (casts, sizeof). */
export function parseDeclarator(ts: TokenStream, base: TypeExpr, mode: NameMode): Declarator {
  let type = base;
  // Each '*' and '[n]' wraps the type once more, and the checker walks types recursively: both
  // are bounded like any nesting (MAX_NESTING), with a message.
  let levels = 0;
  const deeper = (at: Token, what: string) => {
    if (++levels > MAX_NESTING)
      ts.fail(at, `the type has too many ${what} (more than ${MAX_NESTING} levels)`);
  };
  while (ts.is('*')) {
    deeper(ts.peek(), "'*'");
    const star = ts.next();
    type = { k: 'ptr', to: type, pos: posOf(star) };
    while (ts.accept('const') || ts.accept('volatile')) {
      /* qualifiers on the pointer itself */
    }
  }
  if (ts.is('(') && ts.is('*', 1)) ts.fail(ts.peek(), 'function pointers are not supported');
  let name: Token | null = null;
  const t = ts.peek();
  const nameHere =
    t.kind === 'ident' && (mode === 'required' ? !KEYWORDS.has(t.text) : !ts.startsType());
  if (nameHere && mode !== 'none') name = ts.expectIdent('');
  else if (mode === 'required')
    ts.fail(ts.peek(), `expected a name, found ${describeToken(ts.peek())}`);
  let params: Param[] | null = null;
  if (name !== null && ts.is('(')) params = parseParams(ts);
  const dims: { size: Expr | null; pos: Pos }[] = [];
  while (ts.is('[')) {
    deeper(ts.peek(), 'array dimensions');
    const open = ts.next();
    const size = ts.is(']') ? null : parseAssign(ts);
    ts.expect(']', 'to end the array size');
    dims.push({ size, pos: posOf(open) });
  }
  for (let i = dims.length - 1; i >= 0; i--) {
    const d = dims[i];
    if (d !== undefined) type = { k: 'array', of: type, size: d.size, pos: d.pos };
  }
  return { name, type, params };
}

function parseParams(ts: TokenStream): Param[] {
  ts.expect('(', 'to start the parameter list');
  const params: Param[] = [];
  if (ts.is('void') && ts.is(')', 1)) {
    ts.next();
    ts.next();
    return params;
  }
  while (!ts.is(')')) {
    if (ts.is('...')) ts.fail(ts.peek(), "variadic functions ('...') are not supported");
    const start = ts.peek();
    const spec = parseSpecifiers(ts, [], false);
    if (spec === null) ts.fail(start, `expected a parameter type, found ${describeToken(start)}`);
    const d = parseDeclarator(ts, spec.base, 'optional');
    let type = d.type;
    if (type.k === 'array') type = { k: 'ptr', to: type.of, pos: type.pos };
    params.push({ name: d.name?.text ?? null, type, pos: posOf(d.name ?? start) });
    if (!ts.accept(',')) break;
  }
  ts.expect(')', 'to end the parameter list');
  return params;
}

/** A type name in a cast or `sizeof(...)`: specifiers plus an abstract declarator. */
export function parseTypeName(ts: TokenStream): TypeExpr {
  const spec = parseSpecifiers(ts, [], false);
  if (spec === null)
    return ts.fail(ts.peek(), `expected a type name, found ${describeToken(ts.peek())}`);
  return parseDeclarator(ts, spec.base, 'none').type;
}
