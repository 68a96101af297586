/**
 * The kernel's public API: the only import path other layers use (besides `kernel/abi/*`, the word
 * codecs, and `kernel/program.ts`, the port programs implement); ESLint enforces it, and knip keeps
 * it to what the other layers use. Test support (`testKit.ts`, `scriptProgram.ts`) is not here:
 * tests and the bench import it by path.
 */
export { boot, BootError, DEFAULT_PRIORITY, emptyUtcb } from './boot';
export { step } from './step';
export { recordTrace, traceFromParts } from './trace';
export type { Trace, TraceParts } from './trace';
export { narrate } from './narrate';
export { threadMachine, THREAD_EVENT_LABELS } from './threadMachine';
export type { ThreadStateMeta } from './threadMachine';
export { stateKindOf, stateMeta, stateSymbol, timedSuffix } from './stateWords';
export type { StateKind } from './stateWords';
export { WRAPPER_SIGNATURES, userIpcFastPath, wrapperSyscall } from './wrappers';
export type { WrapperSignature } from './wrappers';
export { FIRST_THREAD_NO } from './ids';
export { MIN_PAGE_LOG2 } from './mapping';
export { accessError, readWords, writeWords, writtenPages } from './memory';
export type { Memory } from './memory';
export type { KernelEffect } from './effects';
export type { BootSpec, HaltReason, Mapping, Outcome, Programs, Thread, World } from './types';
export type { UserEffect } from './program';
