// What the panels draw: one `FrameView` per step, plain data, already decoded. Panels read ONLY
// these types; the adapter from the kernel's trace (fromKernelTrace.ts) produces them.
import type { Abi, Word } from '../kernel/abi/word';
import type { StateKind } from '../kernel/index';

/** Coarse class of a thread state (the machine's top-level node): icon, colour and the sequence chart's bars follow it. */
export type { StateKind };

/** MR0 decoded (label / flags / t / u). */
export interface TagView {
  readonly raw: Word;
  readonly label: bigint;
  readonly u: number;
  readonly t: number;
  /** The 4-bit flags field: 1 propagated, 2 redirected, 4 xcpu, 8 error (E). */
  readonly flags: number;
}

/** The ErrorCode TCR decoded; null in `RegisterView.errorCode` while it is zero. */
export interface ErrorCodeView {
  readonly raw: Word;
  readonly phase: 'send' | 'receive';
  readonly code: number;
  /** Human wording: 'timeout', 'non-existing partner', … */
  readonly description: string;
  readonly offset: bigint;
}

/** BR0, the acceptor, decoded. */
export interface AcceptorView {
  readonly raw: Word;
  /** One line: 'untyped words only', 'map/grant into the whole address space', … */
  readonly summary: string;
}

/** A thread's registers as the register panel shows them. */
export interface RegisterView {
  /** MR0..MR63. */
  readonly mrs: readonly Word[];
  readonly tag: TagView;
  /** MR0..MR(shown-1) are listed: at least the tag's u+t words and every non-zero word. */
  readonly shown: number;
  /** MR indices whose value changed in this step. */
  readonly changed: readonly number[];
  /** Names of MR1, MR2, … from the protocol's struct, when the scenario declares one. */
  readonly fieldNames?: readonly string[];
  readonly errorCode: ErrorCodeView | null;
  readonly br0: AcceptorView;
  /**
   * The typed items among MR(u+1)..MR(u+t), decoded word by word (MR index → text): `map item:
   * send base 0x100000` then `fpage 0x100000, 4 KB, rw-`. Absent when the tag has no typed words.
   */
  readonly typed?: Readonly<Record<number, string>>;
  /** The timeouts word of the IPC the thread is blocked in, decoded (`1000 µs / never`). */
  readonly timeouts?: { readonly raw: Word; readonly text: string };
  /**
   * Set when the last system call that wrote the MRs was `L4_Unmap` / `L4_Flush`: MR0..MR(count-1)
   * hold fpages (with their access bits), not a message; `typed` then says each fpage.
   */
  readonly fpages?: { readonly count: number; readonly by: 'L4_Unmap' | 'L4_Flush' };
}

export interface ThreadView {
  readonly name: string;
  /** Global id, `0x…`. */
  readonly idHex: string;
  readonly priority: number;
  readonly space: string;
  /** The statechart state id the thread is in (e.g. 'blockedReceiving'). */
  readonly state: string;
  /** The same state in words ('waiting for a reply from memserver'). */
  readonly stateLabel: string;
  readonly stateKind: StateKind;
  /** The state's badge symbol (besides colour), from the thread machine's words. */
  readonly stateSymbol: string;
  /** The source line (1-based, in the scenario text) that runs next, or null. */
  readonly currentLine: number | null;
  /** Names of the threads queued to send to this thread, first first. */
  readonly sendQueue: readonly string[];
  /** Why the thread halted (fault or end of code), or null. */
  readonly halted: string | null;
  /** True when the thread returned from its function (a normal end, not a fault). */
  readonly finished: boolean;
  readonly registers: RegisterView;
}

/** One IPC on the sequence chart: a transfer, or a failed send / receive. */
export interface MessageView {
  /** Frame index at which it happened. */
  readonly step: number;
  /** Simulated clock after the step, in µs (drawn beside the step number). */
  readonly time?: number;
  readonly from: string;
  /** For a failed receive with no partner, the thread itself. */
  readonly to: string;
  readonly tag: TagView;
  /** Short label for the arrow ('label 0x0', 'MEM_ALLOC'). */
  readonly label: string;
  readonly failed: boolean;
  /** Error in words when failed ('send timeout'). */
  readonly error: string | null;
  /** Not a transfer: the send found the receiver not waiting and queued (drawn dashed). */
  readonly queued: boolean;
  /** A transfer's words MR1..MR(u+t) as they were copied (the Cap'n Proto panel reads them). */
  readonly words?: readonly Word[];
  /**
   * Not an IPC: an L4_ThreadSwitch from `from` to `to`, drawn as an event arrow. `yield` when the
   * target could not run (it is blocked: ThreadSwitch never ends an IPC), `donate` when it ran.
   */
  readonly threadSwitch?: 'yield' | 'donate';
}

/** A thread that is blocked at this step (sending or receiving), for the chart's bars. */
export interface BlockedMark {
  readonly thread: string;
  readonly kind: 'sending' | 'receiving';
}

export interface HeapBlockView {
  readonly start: bigint;
  readonly size: bigint;
  /** Owner thread name, or null for free space. */
  readonly owner: string | null;
}

export interface HeapView {
  readonly server: string;
  readonly base: bigint;
  readonly size: bigint;
  readonly blocks: readonly HeapBlockView[];
}

export interface RunQueueView {
  readonly server: string;
  /** Thread names, head first. */
  readonly queue: readonly string[];
}

export interface MappingView {
  /** 'space:0xbase', unique in a frame. */
  readonly key: string;
  /** The key of the mapping it was mapped from (the mapping tree), or null for a root. */
  readonly parent: string | null;
  /** Fpage in words: '0x10000, 4 KB, rw-'. */
  readonly fpage: string;
  readonly rights: string;
  /** Where it came from: 'mapped from sigma0', 'granted by pager'. */
  readonly from: string | null;
}

/** A page of an address space that holds written words (kernel/memory.ts). */
export interface MemoryPageView {
  readonly base: string;
  /** Words in the page that are not zero. */
  readonly used: number;
  /** The first words, in hex, up to the last non-zero one among them. */
  readonly head: readonly string[];
  /** The page's words (shared with the kernel's snapshot). */
  readonly words: readonly Word[];
  readonly address: Word;
}

export interface SpaceView {
  readonly name: string;
  readonly threads: readonly string[];
  readonly mappings: readonly MappingView[];
  readonly memory: readonly MemoryPageView[];
}

export type Outcome =
  | { readonly kind: 'running' }
  | { readonly kind: 'finished' }
  | { readonly kind: 'idle' }
  | { readonly kind: 'max-steps' }
  | { readonly kind: 'deadlock'; readonly cycle: readonly string[] };

/** What changed in this step, for highlights and animation. */
export interface ChangeView {
  /** Threads whose state changed. */
  readonly threads: readonly string[];
  /** The transfer of this step, if any (the latest when several). */
  readonly transfer: MessageView | null;
}

export interface FrameView {
  readonly index: number;
  /** Simulated clock in µs. */
  readonly clock: bigint;
  /** Name of the running thread, or null when idle. */
  readonly running: string | null;
  readonly threads: readonly ThreadView[];
  /** One plain sentence: what happened in this step and why. */
  readonly narration: string;
  /** The lesson's own comment on the line that ran (`//!`), or null. */
  readonly note: string | null;
  readonly changes: ChangeView;
  readonly heap: HeapView | null;
  readonly runQueue: RunQueueView | null;
  readonly spaces: readonly SpaceView[];
  readonly outcome: Outcome;
}

/** Per-step facts that are cheap to produce for every step (the chart and granularity need them). */
export interface StepSummary {
  /** The step contains a kernel event (system call, IPC, switch, timeout), not only user code. */
  readonly kernelEvent: boolean;
  /** IPCs of this step, in order. */
  readonly messages: readonly MessageView[];
  /** Threads that blocked (kind) or stopped being blocked (null) in this step. */
  readonly blockedChanges: readonly BlockChange[];
  /** `//@cue` marks reached in this step (an embedding deck steps between them). */
  readonly cues?: readonly string[];
}

export interface BlockChange {
  readonly thread: string;
  readonly kind: BlockedMark['kind'] | null;
}

/** A piece of the scenario's code: lines `firstLine .. firstLine + lines.length - 1`. */
export interface CodeBlock {
  readonly name: string;
  /** Its first line in the compiled text (included files expanded in place). */
  readonly firstLine: number;
  readonly lines: readonly string[];
  /** Each line's number in the file it was written in (absent: `firstLine + i`). */
  readonly numbers?: readonly number[];
}

/** A thread and its own code (its function). */
export type ThreadMeta = CodeBlock;

export interface ScenarioMeta {
  readonly id: string;
  readonly title: string;
  /** One sentence: what the scenario teaches. */
  readonly teaches: string;
  readonly abi: Abi;
  readonly threads: readonly ThreadMeta[];
  /** Helper functions threads call; shown under a thread's code while it runs in one. */
  readonly functions?: readonly CodeBlock[];
}

/** A statechart to draw: states (children nest through `parent`) and labelled transitions. */
export interface StatechartView {
  readonly states: readonly {
    readonly id: string;
    readonly label: string;
    readonly parent: string | null;
  }[];
  readonly transitions: readonly {
    readonly from: string;
    readonly to: string;
    readonly event: string;
  }[];
  /** Where to draw each top-level state: [column, row] in a small grid. */
  readonly grid: Readonly<Record<string, readonly [number, number]>>;
}

/** One variable (a local, an argument, a struct field or an array element) and its value. */
export interface VariableView {
  /** As C spells it: `req.op`, `msg.msg[1]`. */
  readonly path: string;
  /** The last part: `op`, `[1]`. */
  readonly name: string;
  readonly type: string;
  /** The value: `0x100`, `&req`, `NULL`; '' for a struct or an array (see `children`). */
  readonly text: string;
  /** The value in decimal, when it is a word. */
  readonly decimal: string | null;
  /** A named constant it equals (`MEM_ALLOC`), a thread it names, a decoded tag. */
  readonly meaning: string | null;
  /** Changed in this step. */
  readonly changed: boolean;
  readonly param: boolean;
  readonly children: readonly VariableView[];
  /** Array elements not listed (all zero). */
  readonly hidden: number;
}

export interface StackFrameView {
  readonly fn: string;
  readonly line: number | null;
  readonly vars: readonly VariableView[];
}

/** A thread's call stack with every variable, for the variables panel. */
export interface VariablesView {
  readonly thread: string;
  /** Outermost first. */
  readonly frames: readonly StackFrameView[];
  /** The thread's latest server-helper results up to this step: `heap_alloc(0x100) → 0x10000000`. */
  readonly helpers: readonly { readonly text: string; readonly step: number }[];
}

/** A scenario's run, reachable at any step without replaying from the start. */
export interface FrameSource {
  readonly meta: ScenarioMeta;
  /** The scenario's text (code panels show slices of it). */
  readonly sourceText: string;
  /** Number of frames; frame 0 is the state before the first statement. */
  readonly length: number;
  /**
   * True while the run is still being recorded: a longer source of the same run will follow (see
   * `openScenarioText`'s `firstSteps`), so the last frame is not the run's end.
   */
  readonly recording?: boolean;
  frame(index: number): FrameView;
  summary(index: number): StepSummary;
  /** The call stack and variables of `thread` at frame `index`; null when it has none to show. */
  variables?(index: number, thread: string): VariablesView | null;
  /** Threads blocked at frame `index` (absolute; costs about one frame, nothing at a checkpoint). */
  blocked(index: number): readonly BlockedMark[];
  /**
   * The running thread at frame `index` and the line it runs next (`currentLine` of its view),
   * without building the frame; null when the idle thread runs. Absent: read from `frame`.
   */
  runningAt?(index: number): { readonly thread: string; readonly line: number | null } | null;
  /** Frames at multiples of this are stored (checkpoints): `blocked` there replays nothing. */
  readonly checkpointEvery?: number;
  /** The thread life-cycle statechart: the machine that runs, as the panel draws it. */
  readonly statechart: StatechartView;
  /**
   * The run recorded so far as `rendezvous-trace` text, the same bytes `cli run` prints for it
   * (src/scenarios/traceWriter.ts); absent for sources not made from a kernel run.
   */
  traceText?(): string;
}
