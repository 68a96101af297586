/**
 * How the L4 calls and server helpers are described: a C signature for the checker and, for
 * helpers that run in user mode, a function over the thread's runtime. System-call wrappers have
 * no `run`: the interpreter traps into the kernel with them.
 */
import type { Abi, Word } from '../../kernel/abi/word';
import type { IpcWrapper, UserEffect, Utcb } from '../../kernel/program';
import type { CType } from '../check/ctypes';
import type { HeapState } from '../vm/heap';
import type { Ptr, Value } from '../vm/values';

/** What a helper may see and change while a statement runs. */
export interface Rt {
  readonly abi: Abi;
  /** The thread's global id. */
  readonly self: Word;
  /** The thread's name, for messages. */
  readonly threadName: string;
  utcb: Utcb;
  /** The `*from` of the last completed receive (the owner of heap blocks allocated now). */
  readonly lastFrom: Word | null;
  heap: HeapState | null;
  runQueue: readonly Word[];
  /** Reads `n` words through a pointer; faults when they are not all inside one variable. */
  read(p: Ptr, n: number, what: string): Word[];
  write(p: Ptr, words: readonly Word[], what: string): void;
  /** Reads `n` words of the thread's address space at `addr`; faults where it may not read. */
  memRead(addr: Word, n: number, what: string): Word[];
  /** Writes words into the thread's address space; faults where it may not write. */
  memWrite(addr: Word, words: readonly Word[], what: string): void;
  /** Halts the thread with this reason. */
  fault(reason: string): never;
  effect(e: UserEffect): void;
}

export interface ParamDef {
  readonly name: string;
  readonly type: CType;
}

export type SyscallKind = IpcWrapper | 'L4_ThreadSwitch' | 'L4_Yield';

export interface BuiltinDef {
  readonly name: string;
  readonly params: readonly ParamDef[];
  readonly ret: CType;
  /** A helper run in user mode; returns the result (undefined for void). */
  readonly run?: (rt: Rt, args: readonly Value[]) => Value | undefined;
  /** A system call. */
  readonly syscall?: SyscallKind;
  /** Only in a thread that has a heap (`// @heap`). */
  readonly needsHeap?: boolean;
}

export interface ConstDef {
  readonly name: string;
  readonly type: CType;
  readonly value: (abi: Abi) => Word;
}

export function word(v: Value | undefined): Word {
  return typeof v === 'bigint' ? v : 0n;
}

export function ptrArg(v: Value | undefined): Ptr {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
    ? (v as Ptr)
    : { d: -1, v: 0, o: 0 };
}

export function agg(v: Value | undefined): readonly Word[] {
  return Array.isArray(v) ? (v as readonly Word[]) : [];
}

export function bool(b: boolean): Word {
  return b ? 1n : 0n;
}

export function p(name: string, type: CType): ParamDef {
  return { name, type };
}
