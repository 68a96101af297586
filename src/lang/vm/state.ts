/** A thread's program state: plain data, new each step, sharing every part that did not change. */
import type { Word } from '../../kernel/abi/word';
import type { SourceLoc } from '../../kernel/program';
import type { SyscallKind } from '../builtins/builtin';
import type { HeapState } from './heap';
import type { Frame, Ptr, Value } from './values';

/** The system call a thread is blocked in, and how to finish its statement when it returns. */
export interface PendingCall {
  readonly kind: SyscallKind;
  /** Where `*from` goes (null: the wrapper has no from argument, or it was NULL). */
  readonly fromPtr: Ptr | null;
  /** The statement that made the call. */
  readonly stmt: number;
}

export type LangStatus = 'ready' | 'blocked' | 'done' | 'faulted';

export interface LangState {
  /** Call stack, innermost last; the last frame's pc is where the next step starts. */
  readonly frames: readonly Frame[];
  /** Operand stack: empty between statements except while a call is in progress. */
  readonly stack: readonly Value[];
  readonly status: LangStatus;
  readonly pending: PendingCall | null;
  readonly fault: { readonly reason: string; readonly loc: SourceLoc | null } | null;
  /** Statements (and loop iterations) since the last system call. */
  readonly sinceSyscall: number;
  /** Where the thread is: its next statement, the call it waits in, its fault; null when done. */
  readonly loc: SourceLoc | null;
  /** The statement that ran last (−1 before the first). */
  readonly stmt: number;
  /** `*from` of the last receive: who a server is working for (heap block owners). */
  readonly lastFrom: Word | null;
  readonly heap: HeapState | null;
  readonly runQueue: readonly Word[];
}

/** A thread's code stops after this many statements without a system call. */
export const MAX_STATEMENTS_WITHOUT_SYSCALL = 10_000;
/** Nested calls deeper than this halt the thread. */
export const MAX_CALL_DEPTH = 200;
