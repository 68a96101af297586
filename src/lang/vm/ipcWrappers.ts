/**
 * What each system-call wrapper passes to the kernel. The IPC wrappers' (to, FromSpecifier,
 * Timeouts) come from the kernel's table (`src/kernel/wrappers.ts`, reference-semantics §4.2); here the
 * interpreter's argument values are split into those words and the `*from` out-pointer.
 */
import { asThreadId } from '../../kernel/abi/kindedWords';
import { NILTHREAD } from '../../kernel/abi/threadId';
import type { Abi, Word } from '../../kernel/abi/word';
import { WRAPPER_SIGNATURES, userIpcFastPath, wrapperSyscall } from '../../kernel';
import type { Syscall } from '../../kernel/program';
import type { SyscallKind } from '../builtins/builtin';
import type { Ptr, Value } from './values';
import { isPtr } from './values';

export interface WrapperCall {
  readonly call: Syscall;
  /** The `*from` out-argument, when the wrapper has one and it is not NULL. */
  readonly fromPtr: Ptr | null;
  /** L4_ExchangeRegisters: &old_control, &old_sp, &old_ip, &old_flags, &old_UserDefHandle, &old_pager. */
  readonly outPtrs?: readonly (Ptr | null)[];
}

export function wrapperCall(
  kind: SyscallKind,
  args: readonly Value[],
  self: Word,
  abi: Abi,
): WrapperCall {
  if (kind === 'L4_ThreadSwitch' || kind === 'L4_Yield') {
    const dest = kind === 'L4_Yield' ? NILTHREAD : args[0];
    return {
      call: { kind: 'threadSwitch', dest: asThreadId(typeof dest === 'bigint' ? dest : NILTHREAD) },
      fromPtr: null,
    };
  }
  if (kind === 'L4_Unmap' || kind === 'L4_UnmapFpage' || kind === 'L4_Flush') {
    const control = kind === 'L4_Unmap' ? args[0] : kind === 'L4_Flush' ? 0x40n : 0n;
    return {
      call: { kind: 'unmap', control: typeof control === 'bigint' ? control : 0n },
      fromPtr: null,
    };
  }
  if (kind === 'L4_ExchangeRegisters') {
    const [dest, control] = args.map((v) => (typeof v === 'bigint' ? v : 0n));
    const outPtrs = args.slice(7, 13).map((v) => (isPtr(v) && v.d >= 0 ? v : null));
    return {
      call: { kind: 'exregs', dest: dest ?? 0n, control: control ?? 0n },
      fromPtr: null,
      outPtrs,
    };
  }
  const hasFrom = WRAPPER_SIGNATURES[kind].from;
  const last = hasFrom ? args[args.length - 1] : undefined;
  const words = (hasFrom ? args.slice(0, -1) : args).map((v) => (typeof v === 'bigint' ? v : 0n));
  const fromPtr = isPtr(last) && last.d >= 0 ? last : null;
  return { call: wrapperSyscall(kind, words, self, abi), fromPtr };
}

/** `L4_UserIpc` stays in user mode: `to` is the caller and there is no receive phase. */
export function takesFastPath(kind: SyscallKind, call: Syscall, self: Word): boolean {
  return (
    kind === 'L4_UserIpc' &&
    call.kind === 'ipc' &&
    userIpcFastPath(call.to, call.fromSpecifier, self)
  );
}
