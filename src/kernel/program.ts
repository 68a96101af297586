/**
 * The port between the kernel and the code a thread runs in user mode.
 *
 * The kernel never interprets programs: on each step it asks the running thread's `Program` for one
 * user-mode statement (`step`). The statement may change the thread's UTCB (MR/BR writes), report
 * user-mode effects (narration, the L4_UserIpc fast path, server-helper changes) and end in a trap
 * into the kernel (an IPC or ThreadSwitch system call), the end of the thread's code, or a fault.
 * When a system call completes, the kernel hands its result back on the thread's next step
 * (`resume`), so the program can finish the statement (e.g. assign the returned tag).
 *
 * Implemented by the scenario language's interpreter (src/lang) and by small TypeScript test
 * programs in the kernel's own tests. Program state is plain, serializable data owned by the
 * program; the kernel stores it in the snapshot unchanged and never looks inside.
 */
import type { MsgTagWord, ThreadIdWord, TimeoutsWord } from './abi/kindedWords';
import type { Abi, Word } from './abi/word';
import type { Memory } from './memory';
import type { Mapping } from './types';

/** A thread's virtual registers: the UTCB (reference-semantics §3). Plain data, replaced on write. */
export interface Utcb {
  /** MR0..MR63. */
  readonly mrs: readonly Word[];
  /** BR0..BR32. BR0 is the acceptor. */
  readonly brs: readonly Word[];
  /** ErrorCode TCR (UTCB[-9]): `offset<<4 | code<<1 | p`. */
  readonly errorCode: Word;
  /** MyGlobalId TCR (UTCB[-15]). */
  readonly myGlobalId: Word;
  /** VirtualSender / ActualSender TCR (UTCB[-6]). */
  readonly virtualSender: Word;
  /** IntendedReceiver TCR (UTCB[-7]). */
  readonly intendedReceiver: Word;
  /** XferTimeouts TCR (UTCB[-8]). */
  readonly xferTimeouts: Word;
  /** Pager TCR (UTCB[-12]). */
  readonly pager: Word;
  /** ExceptionHandler TCR (UTCB[-11]). */
  readonly exceptionHandler: Word;
  /** UserDefinedHandle TCR (UTCB[-13]). */
  readonly userDefinedHandle: Word;
  /** ThreadWord0 / ThreadWord1 (UTCB[-4], UTCB[-5]). */
  readonly threadWord0: Word;
  readonly threadWord1: Word;
  /** ProcessorNo (UTCB[-14]); always 0 on the model's single CPU. */
  readonly processorNo: Word;
}

/**
 * A copy of `u` with some registers replaced, built field by field: a spread would give objects of
 * as many shapes as there are patches, and the UTCB is written on most steps.
 */
export function utcbWith(u: Utcb, p: Partial<Utcb>): Utcb {
  return {
    mrs: p.mrs ?? u.mrs,
    brs: p.brs ?? u.brs,
    errorCode: p.errorCode ?? u.errorCode,
    myGlobalId: p.myGlobalId ?? u.myGlobalId,
    virtualSender: p.virtualSender ?? u.virtualSender,
    intendedReceiver: p.intendedReceiver ?? u.intendedReceiver,
    xferTimeouts: p.xferTimeouts ?? u.xferTimeouts,
    pager: p.pager ?? u.pager,
    exceptionHandler: p.exceptionHandler ?? u.exceptionHandler,
    userDefinedHandle: p.userDefinedHandle ?? u.userDefinedHandle,
    threadWord0: p.threadWord0 ?? u.threadWord0,
    threadWord1: p.threadWord1 ?? u.threadWord1,
    processorNo: p.processorNo ?? u.processorNo,
  };
}

/** The IPC wrappers of `l4/ipc.h` (reference-semantics §4.2), plus the raw system calls. */
export type IpcWrapper =
  | 'L4_Ipc'
  | 'L4_Lipc'
  | 'L4_Call'
  | 'L4_Call_Timeouts'
  | 'L4_Send'
  | 'L4_Send_Timeout'
  | 'L4_Reply'
  | 'L4_Receive'
  | 'L4_Receive_Timeout'
  | 'L4_Wait'
  | 'L4_Wait_Timeout'
  | 'L4_ReplyWait'
  | 'L4_ReplyWait_Timeout'
  | 'L4_Sleep'
  | 'L4_Lcall'
  | 'L4_LreplyWait'
  | 'L4_UserIpc';

/** A system call: what the statement asks of the kernel. */
export type Syscall =
  | {
      readonly kind: 'ipc';
      /** nilthread: no send phase. */
      readonly to: ThreadIdWord;
      /** nilthread: no receive phase; anythread: open; anylocalthread; else closed. */
      readonly fromSpecifier: ThreadIdWord;
      /** `L4_Timeouts(snd, rcv)`: snd in bits 16–31, rcv in bits 0–15. */
      readonly timeouts: TimeoutsWord;
      /** Which wrapper the program called, for narration and the trace; semantics come from the words. */
      readonly wrapper: IpcWrapper;
      /** true for the local-IPC entry point (`L4_Lipc`: Lcall, LreplyWait). */
      readonly local: boolean;
    }
  | { readonly kind: 'threadSwitch'; readonly dest: ThreadIdWord };

/** What the kernel hands back when a system call completes. */
export type SyscallResult =
  | {
      readonly kind: 'ipc';
      /** The returned MsgTag (the received tag, or an error tag with E set). Also in MR0. */
      readonly tag: MsgTagWord;
      /** The `*from` out-value; null when the call had no receive phase (`*from` is not written). */
      readonly from: ThreadIdWord | null;
    }
  | { readonly kind: 'threadSwitch' };

/** Where in the source a statement is (1-based). */
export interface SourceLoc {
  readonly line: number;
  readonly column: number;
}

/** User-mode effects a statement reports; the kernel passes them on into the step's effects. */
export type UserEffect =
  /** A `//!` narration comment on the line that ran. */
  | { readonly kind: 'narrate'; readonly text: string }
  /** A cue mark an embedding deck can step between. */
  | { readonly kind: 'cue'; readonly name: string }
  /** `L4_UserIpc` took its user-mode fast path: no kernel entry, MR0 returned as it was. */
  | { readonly kind: 'fastpath'; readonly tag: Word }
  /** A server helper changed state (heap allocate/free, run-queue push/pop); `detail` is plain data. */
  | {
      readonly kind: 'server';
      readonly op: string;
      readonly detail: Readonly<Record<string, string>>;
    };

/** How a statement ends. */
export type Trap =
  | { readonly kind: 'none' }
  | { readonly kind: 'syscall'; readonly call: Syscall }
  /** The thread's code ran to its end (return from the thread's body). */
  | { readonly kind: 'exit' }
  /** A runtime fault: the thread halts with this reason shown on it; the system goes on. */
  | { readonly kind: 'fault'; readonly reason: string; readonly loc: SourceLoc | null };

/** One user-mode statement's outcome. */
export interface UserStep<S> {
  readonly state: S;
  /** The UTCB after the statement: the same object when the statement did not touch it. */
  readonly utcb: Utcb;
  /** The statement that ran. */
  readonly loc: SourceLoc | null;
  readonly effects: readonly UserEffect[];
  readonly trap: Trap;
  /** The space's memory after the statement, when it wrote any (the kernel checked nothing: the program did, with `accessError`). */
  readonly memory?: Memory | undefined;
}

/** What a program can see of its thread and the system. */
export interface ProgramContext {
  readonly abi: Abi;
  /** The thread's own global id (`L4_Myself()`). */
  readonly self: Word;
  readonly utcb: Utcb;
  /** The thread's address space: what is mapped and the words written there (memory.ts). */
  readonly space?: SpaceView | undefined;
}

/** An address space as a program sees it. */
export interface SpaceView {
  readonly mappings: readonly Mapping[];
  readonly memory: Memory;
}

/** The code a thread runs in user mode. Pure: same state and context give the same step. */
export interface Program<S = unknown> {
  init(ctx: ProgramContext): S;
  /**
   * Runs one statement. `resume` is the result of the system call this thread trapped with on its
   * previous step, once that call has completed; null otherwise.
   */
  step(state: S, ctx: ProgramContext, resume: SyscallResult | null): UserStep<S>;
  /** The statement that will run next (for marking the current line), or null when done. */
  nextLoc(state: S): SourceLoc | null;
}
