/**
 * What a step did, in order: the user statement first, then every kernel event it caused. Thread
 * fields hold thread NAMES. The CLI trace prints these as events; the UI steps through them.
 */
import type { Word } from './abi/word';
import type { IpcWrapper, SourceLoc, UserEffect } from './program';
import type { ThreadCause } from './threadMachine';
import type { ThreadState } from './threadStates';
import type { HaltReason, Outcome, ReceiveMode, WaitEdge, World } from './types';

/** A decoded `L4_Time_t` as the kernel uses it. */
export interface TimeoutInfo {
  readonly kind: 'never' | 'zero' | 'period' | 'point';
  /** µs for a period (0 for zero); null for never / point. */
  readonly us: number | null;
}

export type SwitchReason =
  /** Boot or the scheduler picked the highest-priority ready thread after a block or halt. */
  | 'schedule'
  /** The caller blocked in a receive phase and the kernel ran its send partner (`sched_ipcblk`). */
  | 'ipcDirect'
  /** A receive picked a queued sender, which runs to perform the transfer (`sched_ipcblk`). */
  | 'ipcSender'
  /** Send-only IPC to a higher-priority receiver (`sched_sndonly`). */
  | 'ipcSendOnly'
  /** ReplyWait picking a queued sender: the higher-priority of the two runs (`sched_rplywt`). */
  | 'ipcReplyWait'
  /** Zero-timeout receive failed after a send: the kernel runs the send partner (`sched_rcverr`). */
  | 'ipcReceiveError'
  /** `L4_ThreadSwitch(dest)` donated the timeslice. */
  | 'donate'
  /** `L4_ThreadSwitch(nilthread)` or a fallback yield. */
  | 'yield'
  /** The timeslice ran out (round robin). */
  | 'timeslice'
  /** A timeout woke a higher-priority thread. */
  | 'wakeup'
  /** Time advanced to a timeout while the CPU was idle. */
  | 'timeout';

export type KernelEffect =
  /** The user statement that ran (first effect of a normal step). */
  | { readonly kind: 'statement'; readonly thread: string; readonly loc: SourceLoc | null }
  /** A user-mode effect the statement reported (narration, cue, server helper). */
  | { readonly kind: 'user'; readonly thread: string; readonly effect: UserEffect }
  /** `L4_UserIpc` took its user-mode fast path: no kernel entry. */
  | { readonly kind: 'fastpath'; readonly thread: string; readonly tag: Word }
  /** The statement trapped into `L4_Ipc`. */
  | {
      readonly kind: 'syscall.ipc';
      readonly thread: string;
      readonly wrapper: IpcWrapper;
      readonly to: Word;
      readonly fromSpecifier: Word;
      readonly timeouts: Word;
      /** The named send partner, or null (nilthread or no such thread). */
      readonly toName: string | null;
      readonly receive: 'none' | ReceiveMode;
      /** Closed receive: the named partner, or null. */
      readonly fromName: string | null;
      readonly sendTimeout: TimeoutInfo;
      readonly receiveTimeout: TimeoutInfo;
      /** MR0 at the trap. */
      readonly tag: Word;
    }
  /** The statement trapped into `L4_ThreadSwitch`. */
  | {
      readonly kind: 'syscall.threadSwitch';
      readonly thread: string;
      readonly dest: Word;
      readonly destName: string | null;
      readonly result: 'donate' | 'yield' | 'self';
    }
  /** A message moved: MR0 = `tag` (flags cleared) and MR1..MR(u+t) = `words`. */
  | {
      readonly kind: 'ipc.transfer';
      readonly from: string;
      readonly to: string;
      readonly tag: Word;
      readonly words: readonly Word[];
      /** receiverWaiting: the sender found the receiver waiting; senderQueued: the reverse. */
      readonly rendezvous: 'receiverWaiting' | 'senderQueued';
      readonly failed: boolean;
    }
  /** An IPC failed: E set in the returned tag, ErrorCode TCR written. */
  | {
      readonly kind: 'ipc.error';
      readonly thread: string;
      readonly phase: 'send' | 'receive';
      readonly code: number;
      readonly name: string;
      readonly errorCode: Word;
      readonly partner: string | null;
    }
  /** The send phase queued the caller on the receiver (FIFO position 0 = head). */
  | {
      readonly kind: 'ipc.send.blocked';
      readonly thread: string;
      readonly to: string;
      readonly position: number;
      readonly deadline: number | null;
    }
  /** The receive phase blocked. */
  | {
      readonly kind: 'ipc.receive.blocked';
      readonly thread: string;
      readonly mode: ReceiveMode;
      readonly from: string | null;
      readonly deadline: number | null;
    }
  /** A receive picked a queued sender; the transfer waits until the sender runs (locked). */
  | { readonly kind: 'ipc.locked'; readonly sender: string; readonly receiver: string }
  | {
      readonly kind: 'map' | 'grant';
      readonly from: string;
      readonly to: string;
      readonly fpage: Word;
      readonly sndBase: Word;
      /** The receiver's acceptor (BR0). */
      readonly acceptor: Word;
      readonly regions: readonly MappedRegion[];
      /** Why nothing was mapped, when the model cannot (an x86 I/O fpage). */
      readonly note?: string;
    }
  | {
      readonly kind: 'thread.state';
      readonly thread: string;
      readonly from: ThreadState;
      readonly to: ThreadState;
      readonly cause: ThreadCause;
    }
  | {
      readonly kind: 'switch';
      readonly from: string | null;
      readonly to: string | null;
      readonly reason: SwitchReason;
    }
  | {
      readonly kind: 'timeout';
      readonly thread: string;
      readonly phase: 'send' | 'receive';
      readonly at: number;
    }
  | { readonly kind: 'time.advance'; readonly from: number; readonly to: number }
  | { readonly kind: 'halt'; readonly thread: string; readonly reason: HaltReason }
  | {
      readonly kind: 'deadlock';
      readonly cycle: readonly string[];
      readonly waits: readonly WaitEdge[];
    }
  | { readonly kind: 'outcome'; readonly outcome: Outcome };

/** One mapped piece: `src` in the sender's space appears at `dst` in the receiver's. */
export interface MappedRegion {
  readonly src: Word;
  readonly dst: Word;
  readonly sizeLog2: number;
  readonly rights: number;
}

/** The result of one `step()`. */
export interface StepResult {
  readonly world: World;
  readonly effects: readonly KernelEffect[];
}
