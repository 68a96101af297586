/**
 * A tiny `Program` for the kernel's own tests and the benchmark: a scripted list of actions, one
 * user statement each (load MRs/BRs, an IPC through a wrapper, ThreadSwitch, a check on the last
 * result, exit). `goto` costs no statement. The state is plain data: the action index, the last
 * system-call result and (optionally) every result received.
 */
import { asThreadId } from './abi/kindedWords';
import { encodeMsgTag } from './abi/msgTag';
import type { Word } from './abi/word';
import type {
  IpcWrapper,
  Program,
  ProgramContext,
  SyscallResult,
  Trap,
  UserEffect,
  UserStep,
  Utcb,
} from './program';
import { utcbWith } from './program';
import { userIpcFastPath, wrapperSyscall } from './wrappers';

export type ScriptAction =
  | { readonly op: 'loadMr'; readonly index: number; readonly value: Word }
  | { readonly op: 'loadMrs'; readonly start: number; readonly values: readonly Word[] }
  | { readonly op: 'loadBr'; readonly index: number; readonly value: Word }
  | { readonly op: 'tag'; readonly label: bigint; readonly u: number; readonly t?: number }
  /** `toSender`: the first argument is replaced by the `from` of the last result (server loops). */
  | {
      readonly op: 'ipc';
      readonly wrapper: IpcWrapper;
      readonly args: readonly Word[];
      readonly toSender?: boolean;
    }
  | { readonly op: 'threadSwitch'; readonly dest: Word }
  /** `L4_Unmap(control)` with the fpages already in MR0..MRk. */
  | { readonly op: 'unmap'; readonly control: Word }
  | { readonly op: 'nop' }
  | { readonly op: 'narrate'; readonly text: string }
  | { readonly op: 'goto'; readonly to: number }
  | { readonly op: 'exit' }
  | { readonly op: 'fault'; readonly reason: string }
  | {
      readonly op: 'check';
      readonly name: string;
      readonly test: (last: SyscallResult | null, utcb: Utcb) => boolean;
    };

export interface ScriptState {
  readonly pc: number;
  readonly last: SyscallResult | null;
  readonly results: readonly SyscallResult[];
}

const loc = (pc: number) => ({ line: pc + 1, column: 1 });

function setMrs(utcb: Utcb, start: number, values: readonly Word[]): Utcb {
  const mrs = utcb.mrs.slice();
  for (let i = 0; i < values.length; i++) mrs[start + i] = values[i] ?? 0n;
  return utcbWith(utcb, { mrs });
}

/** A script program; `record` keeps every system-call result in the state (for assertions). */
export function scriptProgram(
  actions: readonly ScriptAction[],
  options: { readonly record?: boolean } = {},
): Program<ScriptState> {
  const record = options.record ?? true;
  return {
    init: () => ({ pc: 0, last: null, results: [] }),
    nextLoc: (state) => (state.pc < actions.length ? loc(state.pc) : null),
    step(state, ctx, resume): UserStep<ScriptState> {
      const results = resume !== null && record ? [...state.results, resume] : state.results;
      const last = resume ?? state.last;
      let pc = state.pc;
      for (let hops = 0; actions[pc]?.op === 'goto'; hops++) {
        const a = actions[pc];
        if (hops > actions.length || a?.op !== 'goto') {
          return done(state, ctx, pc, { kind: 'fault', reason: 'goto loop', loc: loc(pc) });
        }
        pc = a.to;
      }
      const action = actions[pc];
      const next = { pc: pc + 1, last, results };
      if (action === undefined) return { ...done(next, ctx, pc, { kind: 'exit' }), loc: null };
      const { utcb, trap, effects } = perform(action, ctx, last, pc);
      return { state: next, utcb, loc: loc(pc), effects, trap };
    },
  };
}

function done(
  state: ScriptState,
  ctx: ProgramContext,
  pc: number,
  trap: Trap,
): UserStep<ScriptState> {
  return { state, utcb: ctx.utcb, loc: loc(pc), effects: [], trap };
}

function perform(
  action: ScriptAction,
  ctx: ProgramContext,
  last: SyscallResult | null,
  pc: number,
): { utcb: Utcb; trap: Trap; effects: readonly UserEffect[] } {
  const none: Trap = { kind: 'none' };
  const u = ctx.utcb;
  switch (action.op) {
    case 'loadMr':
      return { utcb: setMrs(u, action.index, [action.value]), trap: none, effects: [] };
    case 'loadMrs':
      return { utcb: setMrs(u, action.start, action.values), trap: none, effects: [] };
    case 'loadBr': {
      const brs = u.brs.slice();
      brs[action.index] = action.value;
      return { utcb: utcbWith(u, { brs }), trap: none, effects: [] };
    }
    case 'tag': {
      const tag = encodeMsgTag(
        { label: action.label, u: action.u, t: action.t ?? 0, flags: 0 },
        ctx.abi,
      );
      return { utcb: setMrs(u, 0, [tag]), trap: none, effects: [] };
    }
    case 'ipc': {
      const args =
        action.toSender === true
          ? [last?.kind === 'ipc' ? (last.from ?? 0n) : 0n, ...action.args.slice(1)]
          : action.args;
      const call = wrapperSyscall(action.wrapper, args, ctx.self, ctx.abi);
      if (action.wrapper === 'L4_UserIpc' && call.kind === 'ipc') {
        if (userIpcFastPath(call.to, call.fromSpecifier, ctx.self)) {
          return { utcb: u, trap: none, effects: [{ kind: 'fastpath', tag: u.mrs[0] ?? 0n }] };
        }
      }
      return { utcb: u, trap: { kind: 'syscall', call }, effects: [] };
    }
    case 'threadSwitch':
      return {
        utcb: u,
        trap: { kind: 'syscall', call: { kind: 'threadSwitch', dest: asThreadId(action.dest) } },
        effects: [],
      };
    case 'unmap':
      return {
        utcb: u,
        trap: { kind: 'syscall', call: { kind: 'unmap', control: action.control } },
        effects: [],
      };
    case 'nop':
      return { utcb: u, trap: none, effects: [] };
    case 'narrate':
      return { utcb: u, trap: none, effects: [{ kind: 'narrate', text: action.text }] };
    case 'exit':
      return { utcb: u, trap: { kind: 'exit' }, effects: [] };
    case 'fault':
      return { utcb: u, trap: { kind: 'fault', reason: action.reason, loc: loc(pc) }, effects: [] };
    case 'check':
      return action.test(last, u)
        ? { utcb: u, trap: none, effects: [] }
        : {
            utcb: u,
            trap: { kind: 'fault', reason: `check failed: ${action.name}`, loc: loc(pc) },
            effects: [],
          };
    case 'goto':
      return { utcb: u, trap: none, effects: [] };
  }
}
