/** A compiled scenario program: the code every thread of the scenario shares. Never changes. */
import type { Abi, Word } from '../../kernel/abi/word';
import type { SourceLoc } from '../../kernel/program';
import type { Local } from './values';

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
  /** Local names by slot, for messages about pointers. */
  readonly localNames: string[];
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
}
