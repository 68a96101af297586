/** A compiled scenario program: the code every thread of the scenario shares. Never changes. */
import type { Abi, Word } from '../../kernel/abi/word';
import type { SourceLoc } from '../../kernel/program';
import type { CType } from '../check/ctypes';
import type { Local } from './values';

/** What kind of statement a step runs, for narrating it from what it did (src/lang/vm/explain.ts). */
export type StmtWhat =
  | { readonly k: 'expr' }
  | { readonly k: 'decl'; readonly name: string }
  /**
   * A condition check. The step ends at the next statement: the condition held when it lands in
   * code `[bodyStart, bodyEnd)` of the same function (the if's then-branch, the loop's body).
   */
  | {
      readonly k: 'cond';
      readonly kw: 'if' | 'while' | 'for' | 'do';
      bodyStart: number;
      bodyEnd: number;
      /** Lines of the else-branch (if any), for "goes to the else branch". */
      elseLine: number | null;
    }
  | { readonly k: 'return' }
  | { readonly k: 'break' | 'continue' }
  | { readonly k: 'switch' }
  /** The closing brace of a thread's function: the thread's code ends. */
  | { readonly k: 'end' };

/** A statement: one step of a thread. */
export interface StmtInfo {
  readonly line: number;
  readonly col: number;
  /** The same position as a SourceLoc, shared by every state that points here. */
  readonly loc: SourceLoc;
  /** `//!` narration shown when the statement runs. */
  narrate: string | null;
  /** `//@cue` marks reached when the statement runs. */
  cues: string[];
  /** What kind of statement it is. */
  what: StmtWhat;
  /** The functions and helpers the statement calls, in source order. */
  calls: readonly string[];
}

/** Where a runtime fault can happen, and what the code there is. */
export interface Site {
  readonly line: number;
  readonly col: number;
  /** Source text or a short description, for fault messages. */
  readonly what: string;
}

export interface FnCode {
  readonly name: string;
  readonly code: number[];
  readonly nparams: number;
  /** The value of each local at frame creation (zero words, NULL pointers, zero aggregates). */
  readonly localsInit: Local[];
  /** Local names by slot, for messages about pointers and the variables panel. */
  readonly localNames: string[];
  /** Local types by slot (the variables panel shows struct fields and array elements). */
  readonly localTypes: CType[];
  readonly isThread: boolean;
}

export interface SwitchTable {
  readonly cases: Map<Word, number>;
  dflt: number;
}

export interface CompiledUnit {
  readonly abi: Abi;
  /** All ones in W bits. */
  readonly mask: Word;
  readonly fns: FnCode[];
  readonly consts: Word[];
  readonly stmts: StmtInfo[];
  readonly sites: Site[];
  readonly switches: SwitchTable[];
  /**
   * Named constants a variable is compared with, assigned or passed (`req.op == MEM_ALLOC`), so a
   * value can be shown as `MEM_ALLOC (0)`. Keys: `fn:local` for a local, `.field` for a field.
   */
  readonly hints: Map<string, readonly NamedConst[]>;
}

export interface NamedConst {
  readonly name: string;
  readonly value: Word;
}
