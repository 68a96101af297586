/**
 * The kernel's public API: the only import path other layers use (besides `kernel/abi/*`, the word
 * codecs, and `kernel/program.ts`, the port programs implement).
 */
export { boot, BootError, DEFAULT_OPTIONS, DEFAULT_PRIORITY, emptyUtcb } from './boot';
export { step } from './step';
export { recordTrace } from './trace';
export type { Frame, Trace, TraceOptions } from './trace';
export { narrate } from './narrate';
export { checkInvariants, checkStepInvariants } from './invariants';
export { stuckOutcome, waitEdges, findCycle } from './outcome';
export { threadMachine, THREAD_EVENTS } from './threadMachine';
export type { ThreadCause, ThreadEmitted, ThreadEvent, ThreadMachine } from './threadMachine';
export { chartMove, initialThreadState, IllegalThreadEvent } from './threadChart';
export type { ChartMove } from './threadChart';
export {
  THREAD_STATES,
  RECEIVE_MODES,
  TIMEOUT_KINDS,
  isBlockedState,
  isReceivingState,
  isSendingState,
  receiveModeOf,
  stateLabel,
  toStateValue,
  fromStateValue,
} from './threadStates';
export type { ThreadState, ReceiveModeName, TimeoutKind } from './threadStates';
export {
  WRAPPER_SIGNATURES,
  WrapperArgsError,
  userIpcFastPath,
  wrapperArgs,
  wrapperSyscall,
} from './wrappers';
export type { IpcWords, WrapperSignature } from './wrappers';
export {
  FIRST_THREAD_NO,
  UTCB_AREA_BASE,
  UTCB_STRIDE,
  idSeenBy,
  resolveThread,
  utcbAddress,
} from './ids';
export { MIN_PAGE_LOG2, fpageRange, mapFpage, placeFpage } from './mapping';
export { insertReady } from './scheduler';
export { readyQueues, threadByName, threadName } from './selectors';
export { timeoutInfo } from './timeouts';
export { scriptProgram } from './scriptProgram';
export { effectsOf, InvariantViolation, runChecked, threadNamed, tid } from './testKit';
export type { CheckedRun } from './testKit';
export type { ScriptAction, ScriptState } from './scriptProgram';
export type {
  KernelEffect,
  KernelEffectKind,
  MappedRegion,
  StepResult,
  SwitchReason,
  TimeoutInfo,
} from './effects';
export type {
  AddressSpace,
  BootSpec,
  HaltReason,
  IpcCall,
  IpcWait,
  KernelOptions,
  Mapping,
  Outcome,
  PendingTimeout,
  Programs,
  ReceiveMode,
  Thread,
  ThreadIndex,
  WaitEdge,
  World,
} from './types';
export type {
  IpcWrapper,
  Program,
  ProgramContext,
  SourceLoc,
  Syscall,
  SyscallResult,
  Trap,
  UserEffect,
  UserStep,
  Utcb,
} from './program';
