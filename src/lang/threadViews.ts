/**
 * What the UI reads of a thread's program beyond the kernel's view: its call stack with every
 * variable (the variables panel), a sentence for a step that ran only user code, and the lesson
 * note a blocked thread meets when its call returns. Plain functions over the program state the
 * kernel stores per step; nothing extra is recorded.
 */
import type { Word } from '../kernel/abi/word';
import type { UserEffect, Utcb } from '../kernel/program';
import { explainStep } from './vm/explain';
import type { FrameInfo } from './vm/inspect';
import { inspectFrames } from './vm/inspect';
import { isLangProgram } from './vm/langProgram';
import { statementAfterCall } from './vm/nextStmt';
import type { LangState } from './vm/state';

export type { FrameInfo, VarInfo } from './vm/inspect';

function isLangState(value: unknown): value is LangState {
  return typeof value === 'object' && value !== null && 'frames' in value && 'runQueue' in value;
}

/** The thread's call stack, outermost first; null when the program is not the scenario language's. */
export function threadFrames(program: unknown, state: unknown): FrameInfo[] | null {
  if (!isLangProgram(program) || !isLangState(state)) return null;
  return inspectFrames(program.unit, state);
}

export interface UserStepFacts {
  readonly thread: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly utcbBefore: Utcb;
  readonly utcbAfter: Utcb;
  readonly effects: readonly UserEffect[];
  readonly source: readonly string[];
  readonly threadName?: (id: Word) => string | null;
}

/** The sentence for a step that ran only user code; null when the program cannot say. */
export function explainUserStep(program: unknown, f: UserStepFacts): string | null {
  if (!isLangProgram(program) || !isLangState(f.before) || !isLangState(f.after)) return null;
  return explainStep(program.unit, {
    thread: f.thread,
    before: f.before,
    after: f.after,
    mrsBefore: f.utcbBefore.mrs,
    mrsAfter: f.utcbAfter.mrs,
    brsBefore: f.utcbBefore.brs,
    brsAfter: f.utcbAfter.brs,
    effects: f.effects,
    source: f.source,
    ...(f.threadName ? { threadName: f.threadName } : {}),
  });
}

/** The `//!` note of the statement a blocked thread runs once its call returns, if any. */
export function noteAfterCall(program: unknown, state: unknown): string | null {
  if (!isLangProgram(program) || !isLangState(state)) return null;
  const s = statementAfterCall(program.unit, state);
  return s === null ? null : (program.unit.stmts[s]?.narrate ?? null);
}
