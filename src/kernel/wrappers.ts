/**
 * The `l4/ipc.h` wrappers as pure functions from their C arguments to the `L4_Ipc` words (ground
 * truth §4.2, checked against every `ipc_wrappers_amd64` vector). Arguments are the wrapper's word
 * arguments in C order, without the `&from` out-parameter; times are raw `L4_Time_t` words.
 */
import { asThreadId, asTimeouts } from './abi/kindedWords';
import type { ThreadIdWord, TimeoutsWord } from './abi/kindedWords';
import { anylocalthread, anythread } from './abi/threadId';
import { NEVER, timeouts, ZERO_TIME } from './abi/time';
import type { Abi, Word } from './abi/word';
import type { IpcWrapper, Syscall } from './program';

export interface WrapperSignature {
  /** Names of the word arguments, in C order. */
  readonly args: readonly string[];
  /** Whether the wrapper has a `&from` out-parameter. */
  readonly from: boolean;
  /** Goes through the local-IPC entry point (`L4_Lipc`). */
  readonly local: boolean;
}

const sig = (args: readonly string[], from = false, local = false): WrapperSignature => ({
  args,
  from,
  local,
});

export const WRAPPER_SIGNATURES: Readonly<Record<IpcWrapper, WrapperSignature>> = {
  L4_Ipc: sig(['to', 'FromSpecifier', 'Timeouts'], true),
  L4_Lipc: sig(['to', 'FromSpecifier', 'Timeouts'], true, true),
  L4_UserIpc: sig(['to', 'FromSpecifier', 'Timeouts'], true),
  L4_Call: sig(['to']),
  L4_Call_Timeouts: sig(['to', 'SndTimeout', 'RcvTimeout']),
  L4_Send: sig(['to']),
  L4_Send_Timeout: sig(['to', 'SndTimeout']),
  L4_Reply: sig(['to']),
  L4_Receive: sig(['from']),
  L4_Receive_Timeout: sig(['from', 'RcvTimeout']),
  L4_Wait: sig([], true),
  L4_Wait_Timeout: sig(['RcvTimeout'], true),
  L4_ReplyWait: sig(['to'], true),
  L4_ReplyWait_Timeout: sig(['to', 'RcvTimeout'], true),
  L4_Sleep: sig(['t']),
  L4_Lcall: sig(['to'], false, true),
  L4_LreplyWait: sig(['to'], true, true),
};

export class WrapperArgsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WrapperArgsError';
  }
}

export interface IpcWords {
  readonly to: ThreadIdWord;
  readonly fromSpecifier: ThreadIdWord;
  readonly timeouts: TimeoutsWord;
  readonly local: boolean;
}

/**
 * The (to, FromSpecifier, Timeouts) a wrapper passes to `L4_Ipc`. `self` is the caller's global id
 * (`L4_Sleep` receives from `L4_MyGlobalId()`). Throws WrapperArgsError on a wrong argument count.
 */
export function wrapperArgs(
  name: IpcWrapper,
  args: readonly Word[],
  self: Word,
  abi: Abi,
): IpcWords {
  const signature = WRAPPER_SIGNATURES[name];
  if (args.length !== signature.args.length) {
    throw new WrapperArgsError(
      `${name} takes ${signature.args.length} argument(s) (${signature.args.join(', ')}), got ${args.length}`,
    );
  }
  const a0 = args[0] ?? 0n;
  const a1 = args[1] ?? 0n;
  const a2 = args[2] ?? 0n;
  const local = signature.local;
  const any = anythread(abi);
  switch (name) {
    case 'L4_Ipc':
    case 'L4_Lipc':
    case 'L4_UserIpc':
      return ipcWords(local, a0, a1, a2);
    case 'L4_Call':
    case 'L4_Lcall':
      return ipcWords(local, a0, a0, timeouts(NEVER, NEVER, abi));
    case 'L4_Call_Timeouts':
      return ipcWords(local, a0, a0, timeouts(a1, a2, abi));
    case 'L4_Send':
      return ipcWords(local, a0, 0n, timeouts(NEVER, NEVER, abi));
    case 'L4_Send_Timeout':
      return ipcWords(local, a0, 0n, timeouts(a1, NEVER, abi));
    case 'L4_Reply':
      return ipcWords(local, a0, 0n, timeouts(ZERO_TIME, NEVER, abi));
    case 'L4_Receive':
      return ipcWords(local, 0n, a0, timeouts(NEVER, NEVER, abi));
    case 'L4_Receive_Timeout':
      return ipcWords(local, 0n, a0, timeouts(NEVER, a1, abi));
    case 'L4_Wait':
      return ipcWords(local, 0n, any, timeouts(NEVER, NEVER, abi));
    case 'L4_Wait_Timeout':
      return ipcWords(local, 0n, any, timeouts(NEVER, a0, abi));
    case 'L4_ReplyWait':
      return ipcWords(local, a0, any, timeouts(ZERO_TIME, NEVER, abi));
    case 'L4_ReplyWait_Timeout':
      return ipcWords(local, a0, any, timeouts(ZERO_TIME, a1, abi));
    case 'L4_Sleep':
      return ipcWords(local, 0n, self, timeouts(NEVER, a0, abi));
    case 'L4_LreplyWait':
      return ipcWords(local, a0, anylocalthread(abi), timeouts(ZERO_TIME, NEVER, abi));
  }
}

function ipcWords(local: boolean, to: Word, fromSpecifier: Word, t: Word): IpcWords {
  return {
    to: asThreadId(to),
    fromSpecifier: asThreadId(fromSpecifier),
    timeouts: asTimeouts(t),
    local,
  };
}

/** The `Syscall` a wrapper call traps with. */
export function wrapperSyscall(
  name: IpcWrapper,
  args: readonly Word[],
  self: Word,
  abi: Abi,
): Syscall {
  const w = wrapperArgs(name, args, self, abi);
  return {
    kind: 'ipc',
    to: w.to,
    fromSpecifier: w.fromSpecifier,
    timeouts: w.timeouts,
    wrapper: name,
    local: w.local,
  };
}

/**
 * `L4_UserIpc`'s user-mode fast path (the design note's library, reference-semantics §11): taken when `to`
 * is the caller itself and there is no receive phase; it returns the current MR0, `*from` = nil.
 */
export function userIpcFastPath(
  to: ThreadIdWord,
  fromSpecifier: ThreadIdWord,
  self: Word,
): boolean {
  return to === self && fromSpecifier === 0n;
}
