/** A scenario thread's code as the kernel's `Program` port: init, step, nextLoc. */
import type {
  Program,
  ProgramContext,
  SourceLoc,
  SyscallResult,
  Trap,
  UserStep,
} from '../../kernel/program';
import { LangFault } from './machine';
import type { ThreadConfig } from './machine';
import { Op } from './opcodes';
import { Runner } from './runner';
import type { LangState, LangStatus, PendingCall } from './state';
import type { Frame } from './values';
import type { CompiledUnit } from './unit';

const EMPTY: readonly never[] = [];

export function initialLangState(unit: CompiledUnit, config: ThreadConfig): LangState {
  const frames = [{ fn: config.entry, pc: 0, locals: unit.fns[config.entry]?.localsInit ?? [] }];
  return {
    frames,
    stack: EMPTY,
    status: 'ready',
    pending: null,
    fault: null,
    sinceSyscall: 0,
    stmt: -1,
    lastFrom: null,
    heap: config.heap,
    runQueue: EMPTY,
    loc: whereNext(unit, 'ready', frames, null, null, -1),
  };
}

function stmtLoc(unit: CompiledUnit, stmt: number): SourceLoc | null {
  return unit.stmts[stmt]?.loc ?? null;
}

/** Where a thread in this state is: the statement it runs next, waits in, or faulted at. */
function whereNext(
  unit: CompiledUnit,
  status: LangStatus,
  frames: readonly Frame[],
  pending: PendingCall | null,
  fault: LangState['fault'],
  stmt: number,
): SourceLoc | null {
  switch (status) {
    case 'done':
      return null;
    case 'faulted':
      return fault?.loc ?? null;
    case 'blocked':
      return stmtLoc(unit, pending?.stmt ?? stmt);
    case 'ready': {
      const top = frames[frames.length - 1];
      const code = top === undefined ? undefined : unit.fns[top.fn]?.code;
      if (top !== undefined && code !== undefined && code[top.pc] === Op.STMT)
        return stmtLoc(unit, code[top.pc + 1] ?? -1);
      return stmtLoc(unit, stmt);
    }
  }
}

function stepLang(
  unit: CompiledUnit,
  config: ThreadConfig,
  state: LangState,
  ctx: ProgramContext,
  resume: SyscallResult | null,
): UserStep<LangState> {
  if (state.status === 'done')
    return { state, utcb: ctx.utcb, loc: null, effects: EMPTY, trap: { kind: 'exit' } };
  if (state.status === 'faulted') {
    const loc = state.fault?.loc ?? null;
    return {
      state,
      utcb: ctx.utcb,
      loc,
      effects: EMPTY,
      trap: { kind: 'fault', reason: state.fault?.reason ?? 'halted', loc },
    };
  }
  const r = new Runner(unit, config, state, ctx.utcb, ctx.self, ctx.space ?? null);
  r.sinceSyscall = state.sinceSyscall;
  r.stmt = state.stmt;
  let trap: Trap;
  if (state.status === 'blocked' && state.pending !== null) {
    if (resume === null) {
      const loc = stmtLoc(unit, state.pending.stmt);
      trap = {
        kind: 'fault',
        reason: `internal: stepped while waiting for ${state.pending.kind} to return`,
        loc,
      };
    } else {
      try {
        r.complete(state.pending, resume);
        trap = r.run();
      } catch (e) {
        if (!(e instanceof LangFault)) throw e;
        trap = { kind: 'fault', reason: e.message, loc: stmtLoc(unit, state.pending.stmt) };
      }
    }
  } else trap = r.run();
  const status: LangStatus =
    trap.kind === 'fault'
      ? 'faulted'
      : trap.kind === 'exit'
        ? 'done'
        : trap.kind === 'syscall'
          ? 'blocked'
          : 'ready';
  const frames = r.snapshotState();
  const pending = status === 'blocked' ? r.pending : null;
  const fault = trap.kind === 'fault' ? { reason: trap.reason, loc: trap.loc } : null;
  const next: LangState = {
    frames,
    stack: r.stackState(),
    status,
    pending,
    fault,
    sinceSyscall: r.sinceSyscall,
    stmt: r.stmt,
    lastFrom: r.lastFrom,
    heap: r.heap,
    runQueue: r.runQueue,
    loc: whereNext(unit, status, frames, pending, fault, r.stmt),
  };
  const loc = trap.kind === 'fault' ? trap.loc : stmtLoc(unit, r.stmt);
  return {
    state: next,
    utcb: r.utcb,
    loc,
    effects: r.effects.length === 0 ? EMPTY : r.effects,
    trap,
    ...(r.memoryOut === undefined ? {} : { memory: r.memoryOut }),
  };
}

/** A thread's program, carrying its compiled unit so the UI can read its frames (inspect.ts). */
export interface LangProgram extends Program<LangState> {
  readonly unit: CompiledUnit;
}

export function isLangProgram(p: unknown): p is LangProgram {
  return typeof p === 'object' && p !== null && 'unit' in p && 'nextLoc' in p;
}

export function langProgram(unit: CompiledUnit, config: ThreadConfig): LangProgram {
  return {
    unit,
    init: () => initialLangState(unit, config),
    step(state, ctx, resume) {
      try {
        return stepLang(unit, config, state, ctx, resume);
      } catch (e) {
        const reason = `internal error in the interpreter: ${e instanceof Error ? e.message : String(e)}`;
        const loc = state.loc;
        const fault = { reason, loc };
        return {
          state: { ...state, status: 'faulted', fault, loc },
          utcb: ctx.utcb,
          loc,
          effects: [],
          trap: { kind: 'fault', ...fault },
        };
      }
    },
    nextLoc: (state) => state.loc,
  };
}
