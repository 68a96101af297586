/**
 * The world snapshot: plain, serializable data (bigints for machine words, numbers for counts and
 * microseconds). Threads, spaces and queues refer to threads by index into `World.threads`; effects
 * and outcomes use thread names. A step never mutates a snapshot: it builds a new one that shares
 * every untouched thread, UTCB, space and queue with its predecessor.
 */
import type { Abi, Word } from './abi/word';
import type { Memory } from './memory';
import type { Program, SourceLoc, Syscall, SyscallResult, Utcb } from './program';
import type { ThreadState } from './threadStates';

/** A thread's position in `World.threads`. */
export type ThreadIndex = number;

/** The model's options; set per scenario in the boot spec. */
export interface KernelOptions {
  /** Simulated time one user statement takes, in µs (default 1). */
  readonly usPerStatement: number;
  /** Timeslice length in µs (default 100); 0 = infinite (no round robin). */
  readonly timesliceUs: number;
}

/** A mapped, size-aligned region of an address space (an fpage without the encoding). */
export interface Mapping {
  readonly base: Word;
  readonly sizeLog2: number;
  /** rwx bits: 4 readable, 2 writable, 1 executable. */
  readonly rights: number;
}

export interface AddressSpace {
  readonly name: string;
  /** Disjoint, sorted by base. */
  readonly mappings: readonly Mapping[];
  /** The words written into the space, by page (`memory.ts`). */
  readonly memory: Memory;
}

/** `ipc` syscall words as the thread trapped with them. */
export type IpcCall = Extract<Syscall, { kind: 'ipc' }>;

/** How a receive phase names its partner. `reply`: the closed receive of a Call (from == to). */
export type ReceiveMode = 'open' | 'anyLocal' | 'closed' | 'reply';

/** What a thread blocked in (or finishing) an IPC is waiting for. */
export interface IpcWait {
  readonly phase: 'send' | 'receive';
  readonly call: IpcCall;
  /** Send phase: the receiver. Closed receive: the sender. Open / any-local receive: null. */
  readonly partner: ThreadIndex | null;
  /** Receive phase only. */
  readonly mode: ReceiveMode | null;
  /** Absolute µs when the timeout fires; null for Never (or once the transfer has started). */
  readonly deadline: number | null;
  /**
   * The rendezvous has happened but the transfer has not: the receiver picked this queued sender
   * during a ReplyWait and ran the replied-to thread first (Pistachio `locked_running` /
   * `locked_waiting`). The sender finishes the transfer as soon as it is dispatched.
   */
  readonly locked: boolean;
}

export type HaltReason =
  | { readonly kind: 'exit' }
  | { readonly kind: 'fault'; readonly reason: string; readonly loc: SourceLoc | null };

export interface Thread {
  readonly name: string;
  readonly index: ThreadIndex;
  /** Global thread id (`L4_GlobalId(threadNo, version)`). */
  readonly id: Word;
  /** Local thread id = UTCB address (see `utcbAddress`). */
  readonly localId: Word;
  /** Index into `World.spaces`. */
  readonly space: number;
  /** 0..255, higher runs first. */
  readonly priority: number;
  /** The thread statechart's state (a dotted path of `threadMachine`). */
  readonly state: ThreadState;
  readonly utcb: Utcb;
  /** The program's own state (opaque to the kernel). */
  readonly program: unknown;
  /** The result of the completed system call, handed to the program on its next step. */
  readonly resume: SyscallResult | null;
  /** Set while the thread is in an IPC that has not completed. */
  readonly wait: IpcWait | null;
  /** Threads blocked sending to this thread, FIFO. */
  readonly sendQueue: readonly ThreadIndex[];
  /** µs left of this thread's timeslice. */
  readonly timeslice: number;
  readonly halt: HaltReason | null;
  /** User statements this thread has run. */
  readonly statements: number;
}

export interface PendingTimeout {
  readonly thread: ThreadIndex;
  readonly phase: 'send' | 'receive';
  /** Absolute µs. */
  readonly at: number;
  /** Arming order, to break ties deterministically. */
  readonly seq: number;
}

export interface WaitEdge {
  readonly thread: string;
  readonly waitsFor: string;
  readonly phase: 'send' | 'receive';
}

/** Why the system can never run again. */
export type Outcome =
  | { readonly kind: 'finished' }
  | {
      readonly kind: 'deadlock';
      /** A wait-for cycle (each waits for the next, the last for the first), or empty. */
      readonly cycle: readonly string[];
      readonly waits: readonly WaitEdge[];
    }
  | { readonly kind: 'idle'; readonly waiting: readonly string[] };

export interface World {
  readonly abi: Abi;
  readonly options: KernelOptions;
  readonly threads: readonly Thread[];
  readonly spaces: readonly AddressSpace[];
  /** The simulated clock, µs since boot. */
  readonly now: number;
  /** Armed IPC timeouts, ordered by (at, seq). */
  readonly timeouts: readonly PendingTimeout[];
  /** Runnable threads that are not running, highest priority first, FIFO within a priority. */
  readonly ready: readonly ThreadIndex[];
  /** The running thread; null = the idle thread runs. */
  readonly current: ThreadIndex | null;
  /** Whose timeslice the running thread uses (differs from `current` after a donation). */
  readonly accounted: ThreadIndex | null;
  /** Steps taken since boot. */
  readonly step: number;
  /** Next `PendingTimeout.seq`. */
  readonly seq: number;
  readonly outcome: Outcome | null;
}

/** The code of each thread, by thread name. Not part of the snapshot. */
export type Programs = Readonly<Record<string, Program>>;

/** What a scenario gives the kernel at boot. */
export interface BootSpec {
  readonly abi?: Abi;
  readonly options?: Partial<KernelOptions>;
  readonly spaces: readonly {
    readonly name: string;
    readonly mappings?: readonly Mapping[];
  }[];
  readonly threads: readonly {
    readonly name: string;
    readonly space: string;
    /** Default 100. */
    readonly priority?: number;
    /** Default 0x100 + the thread's index. */
    readonly threadNo?: bigint;
    /** Default 1. Its low 6 bits must not all be 0 (the id would read as local). */
    readonly version?: bigint;
  }[];
}
