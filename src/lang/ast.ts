/** The syntax tree of a scenario's C code, as the parser builds it (names not yet resolved). */
import type { Pos } from './diagnostic';

/** A type as written. */
export type TypeExpr =
  | { readonly k: 'name'; readonly name: string; readonly pos: Pos }
  | { readonly k: 'struct'; readonly name: string; readonly pos: Pos }
  | { readonly k: 'enum'; readonly name: string; readonly pos: Pos }
  | { readonly k: 'ptr'; readonly to: TypeExpr; readonly pos: Pos }
  | { readonly k: 'array'; readonly of: TypeExpr; readonly size: Expr | null; readonly pos: Pos };

export type BinaryOp =
  | '*'
  | '/'
  | '%'
  | '+'
  | '-'
  | '<<'
  | '>>'
  | '<'
  | '<='
  | '>'
  | '>='
  | '=='
  | '!='
  | '&'
  | '^'
  | '|'
  | '&&'
  | '||';

export type AssignOp = '=' | '+=' | '-=' | '*=' | '/=' | '%=' | '<<=' | '>>=' | '&=' | '^=' | '|=';

export type Expr =
  | {
      readonly k: 'num';
      readonly value: bigint;
      readonly unsigned: boolean;
      readonly text: string;
      readonly pos: Pos;
    }
  | { readonly k: 'ident'; readonly name: string; readonly pos: Pos }
  | { readonly k: 'string'; readonly pos: Pos }
  | {
      readonly k: 'call';
      readonly callee: string;
      readonly args: readonly Expr[];
      readonly pos: Pos;
      readonly end: Pos;
    }
  | {
      readonly k: 'member';
      readonly obj: Expr;
      readonly field: string;
      readonly arrow: boolean;
      readonly pos: Pos;
    }
  | { readonly k: 'index'; readonly obj: Expr; readonly index: Expr; readonly pos: Pos }
  | {
      readonly k: 'unary';
      readonly op: '-' | '+' | '~' | '!' | '&' | '*';
      readonly arg: Expr;
      readonly pos: Pos;
    }
  | {
      readonly k: 'incdec';
      readonly op: '++' | '--';
      readonly prefix: boolean;
      readonly arg: Expr;
      readonly pos: Pos;
    }
  | {
      readonly k: 'binary';
      readonly op: BinaryOp;
      readonly left: Expr;
      readonly right: Expr;
      readonly pos: Pos;
    }
  | {
      readonly k: 'assign';
      readonly op: AssignOp;
      readonly target: Expr;
      readonly value: Expr;
      readonly pos: Pos;
    }
  | {
      readonly k: 'cond';
      readonly test: Expr;
      readonly then: Expr;
      readonly else: Expr;
      readonly pos: Pos;
    }
  | { readonly k: 'cast'; readonly type: TypeExpr; readonly arg: Expr; readonly pos: Pos }
  | {
      readonly k: 'sizeof';
      readonly type: TypeExpr | null;
      readonly arg: Expr | null;
      readonly pos: Pos;
    }
  | { readonly k: 'comma'; readonly left: Expr; readonly right: Expr; readonly pos: Pos };

/** `{ a, .field = b, [2] = c, { nested } }`. */
export interface InitList {
  readonly k: 'init';
  readonly items: readonly InitItem[];
  readonly pos: Pos;
}

export interface InitItem {
  readonly designator:
    | { readonly k: 'field'; readonly name: string }
    | { readonly k: 'index'; readonly index: Expr }
    | null;
  readonly value: Expr | InitList;
  readonly pos: Pos;
}

export interface VarDecl {
  readonly name: string;
  readonly pos: Pos;
  readonly type: TypeExpr;
  readonly init: Expr | InitList | null;
  readonly isConst: boolean;
}

export type Stmt =
  | { readonly k: 'expr'; readonly expr: Expr; readonly pos: Pos }
  | { readonly k: 'decl'; readonly decls: readonly VarDecl[]; readonly pos: Pos }
  | { readonly k: 'block'; readonly body: readonly Stmt[]; readonly pos: Pos; readonly end: Pos }
  | {
      readonly k: 'if';
      readonly test: Expr;
      readonly then: Stmt;
      readonly else: Stmt | null;
      readonly pos: Pos;
    }
  | { readonly k: 'while'; readonly test: Expr; readonly body: Stmt; readonly pos: Pos }
  | {
      readonly k: 'do';
      readonly body: Stmt;
      readonly test: Expr;
      readonly pos: Pos;
      readonly testPos: Pos;
    }
  | {
      readonly k: 'for';
      readonly init: Stmt | null;
      readonly test: Expr | null;
      readonly update: Expr | null;
      readonly body: Stmt;
      readonly pos: Pos;
    }
  | { readonly k: 'break' | 'continue'; readonly pos: Pos }
  | { readonly k: 'return'; readonly value: Expr | null; readonly pos: Pos }
  | { readonly k: 'switch'; readonly disc: Expr; readonly body: Stmt; readonly pos: Pos }
  | { readonly k: 'case'; readonly value: Expr; readonly pos: Pos }
  | { readonly k: 'default'; readonly pos: Pos }
  | { readonly k: 'empty'; readonly pos: Pos };

export interface FieldDecl {
  readonly name: string;
  readonly type: TypeExpr;
  readonly pos: Pos;
}

export interface Param {
  readonly name: string | null;
  readonly type: TypeExpr;
  readonly pos: Pos;
}

export type TopDecl =
  | {
      readonly k: 'func';
      readonly name: string;
      readonly ret: TypeExpr;
      readonly params: readonly Param[];
      readonly body: Extract<Stmt, { k: 'block' }> | null;
      readonly pos: Pos;
      readonly startLine: number;
    }
  | {
      readonly k: 'struct';
      readonly name: string;
      readonly fields: readonly FieldDecl[];
      readonly pos: Pos;
    }
  | { readonly k: 'typedef'; readonly name: string; readonly type: TypeExpr; readonly pos: Pos }
  | {
      readonly k: 'enum';
      readonly members: readonly {
        readonly name: string;
        readonly value: Expr | null;
        readonly pos: Pos;
      }[];
      readonly pos: Pos;
    }
  | { readonly k: 'define'; readonly name: string; readonly body: Expr; readonly pos: Pos }
  | { readonly k: 'global'; readonly decl: VarDecl };

export interface Unit {
  readonly decls: readonly TopDecl[];
}
