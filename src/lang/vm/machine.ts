/**
 * The mutable working copy of a thread's state during one step. Locals and aggregates are copied
 * the first time a step writes them, so the previous step's state stays untouched (and shared).
 */
import type { Abi, Word } from '../../kernel/abi/word';
import { wordBits } from '../../kernel/abi/word';
import { accessError, readWords, writeWords } from '../../kernel';
import type { Memory } from '../../kernel';
import type { SourceLoc, SpaceView, UserEffect, Utcb } from '../../kernel/program';
import type { Rt } from '../builtins/builtin';
import type { HeapState } from './heap';
import type { LangState } from './state';
import type { CompiledUnit, FnCode } from './unit';
import type { Frame, Local, Ptr, Value } from './values';

const EMPTY_STACK: readonly Value[] = [];

/** Thrown to halt the thread; caught by the step loop, never outside it. */
export class LangFault extends Error {}

export interface ThreadConfig {
  readonly name: string;
  readonly entry: number;
  readonly heap: HeapState | null;
}

export class Machine implements Rt {
  readonly abi: Abi;
  readonly bits: number;
  readonly mask: Word;
  readonly self: Word;
  readonly threadName: string;
  utcb: Utcb;
  lastFrom: Word | null;
  heap: HeapState | null;
  runQueue: readonly Word[];
  readonly effects: UserEffect[] = [];
  /** The space's memory after this step's writes; undefined while the step wrote none. */
  memoryOut: Memory | undefined = undefined;

  /** Every frame; the last one's entry is stale while it runs (see fn/pc/locals). */
  protected frames: Frame[];
  protected fn: FnCode;
  protected fnIndex: number;
  protected code: number[];
  protected pc: number;
  protected locals: Local[];
  private localsOwned = false;
  /** Lower frames whose locals this step already copied. */
  private readonly ownedDepth: boolean[] = [];
  private ownedAggs: Set<readonly Word[]> | null = null;
  protected stack: Value[];
  /** The site of the instruction running (for fault positions); −1 for none. */
  protected site = -1;

  constructor(
    readonly unit: CompiledUnit,
    readonly config: ThreadConfig,
    state: LangState,
    utcb: Utcb,
    /** The thread's global id as the kernel knows it (`ProgramContext.self`). */
    self: Word,
    /** The thread's address space (`ProgramContext.space`); null where the host gives none. */
    private readonly space: SpaceView | null = null,
  ) {
    this.abi = unit.abi;
    this.bits = wordBits(unit.abi);
    this.mask = unit.mask;
    this.self = self;
    this.threadName = config.name;
    this.utcb = utcb;
    this.lastFrom = state.lastFrom;
    this.heap = state.heap;
    this.runQueue = state.runQueue;
    this.frames = state.frames.slice();
    const top = this.frames[this.frames.length - 1] as Frame;
    this.fnIndex = top.fn;
    this.fn = unit.fns[top.fn] as FnCode;
    this.code = this.fn.code;
    this.pc = top.pc;
    this.locals = top.locals as Local[];
    this.stack = state.stack.length === 0 ? [] : state.stack.slice();
  }

  get depth(): number {
    return this.frames.length - 1;
  }

  fault(reason: string): never {
    throw new LangFault(reason);
  }

  effect(e: UserEffect): void {
    this.effects.push(e);
  }

  private spaceFor(what: string): SpaceView {
    if (this.space === null)
      this.fault(`${what}: this thread's address space is not available here`);
    return this.space;
  }

  memRead(addr: Word, n: number, what: string): Word[] {
    const space = this.spaceFor(what);
    const error = accessError(space.mappings, addr, n, 4, this.abi);
    if (error !== null) this.fault(`${what}: ${error}`);
    return readWords(this.memoryOut ?? space.memory, addr, n, this.abi);
  }

  memWrite(addr: Word, words: readonly Word[], what: string): void {
    const space = this.spaceFor(what);
    const error = accessError(space.mappings, addr, words.length, 2, this.abi);
    if (error !== null) this.fault(`${what}: ${error}`);
    this.memoryOut = writeWords(this.memoryOut ?? space.memory, addr, words, this.abi);
  }

  /** The top frame's locals, copied once per step before the first write. */
  protected own(): Local[] {
    if (!this.localsOwned) {
      this.locals = this.locals.slice();
      this.localsOwned = true;
    }
    return this.locals;
  }

  private localsAt(d: number, write: boolean): Local[] {
    if (d === this.depth) return write ? this.own() : this.locals;
    const f = this.frames[d] as Frame;
    if (!write || this.ownedDepth[d] === true) return f.locals as Local[];
    const locals = f.locals.slice();
    this.frames[d] = { ...f, locals };
    this.ownedDepth[d] = true;
    return locals;
  }

  /** An aggregate in `locals[v]` that this step may change in place. */
  protected ownAgg(locals: Local[], v: number): Word[] {
    const a = locals[v] as readonly Word[];
    if (this.ownedAggs?.has(a) === true) return a as Word[];
    const copy = a.slice();
    (this.ownedAggs ??= new Set()).add(copy);
    locals[v] = copy;
    return copy;
  }

  /** An aggregate about to be shared (loaded as a value): later writes must copy it again. */
  protected share(a: readonly Word[]): void {
    this.ownedAggs?.delete(a);
  }

  protected setElem(v: number, off: number, w: Word): void {
    this.ownAgg(this.own(), v)[off] = w;
  }

  /** Enters a function: the caller's frame is saved with its resume pc. */
  protected enter(fnIndex: number, args: Value[]): void {
    this.frames[this.depth] = { fn: this.fnIndex, pc: this.pc, locals: this.locals };
    this.ownedDepth[this.depth] = this.localsOwned;
    const fn = this.unit.fns[fnIndex] as FnCode;
    const locals = fn.localsInit.slice();
    for (let i = 0; i < args.length; i++) locals[i] = args[i] as Local;
    this.frames.push({ fn: fnIndex, pc: 0, locals });
    this.fnIndex = fnIndex;
    this.fn = fn;
    this.code = fn.code;
    this.pc = 0;
    this.locals = locals;
    this.localsOwned = true;
  }

  /** Leaves the function; false when it was the thread's outermost one. */
  protected leave(): boolean {
    this.frames.pop();
    const top = this.frames[this.depth];
    if (top === undefined) return false;
    this.fnIndex = top.fn;
    this.fn = this.unit.fns[top.fn] as FnCode;
    this.code = this.fn.code;
    this.pc = top.pc;
    this.locals = top.locals as Local[];
    this.localsOwned = this.ownedDepth[this.depth] === true;
    return true;
  }

  /** The frames as they stand now (for the next state). */
  snapshotState(): Frame[] {
    if (this.frames.length > 0)
      this.frames[this.depth] = { fn: this.fnIndex, pc: this.pc, locals: this.locals };
    return this.frames;
  }

  stackState(): readonly Value[] {
    return this.stack.length === 0 ? EMPTY_STACK : this.stack;
  }

  private nameOf(p: Ptr): string {
    const fnIdx = p.d === this.depth ? this.fnIndex : this.frames[p.d]?.fn;
    return (
      (fnIdx === undefined ? undefined : this.unit.fns[fnIdx]?.localNames[p.v]) ?? 'a variable'
    );
  }

  private cellAt(p: Ptr, what: string, write: boolean): Local[] {
    if (p.d < 0) this.fault(`${what}: the pointer is NULL`);
    if (p.d > this.depth)
      this.fault(`${what}: the pointer refers to a variable of a function that has returned`);
    return this.localsAt(p.d, write);
  }

  read(p: Ptr, n: number, what: string): Word[] {
    const cell = this.cellAt(p, what, false)[p.v];
    if (Array.isArray(cell)) {
      const a = cell as readonly Word[];
      if (p.o < 0 || p.o + n > a.length) this.fault(this.overrun(p, n, a.length, what, 'reads'));
      return a.slice(p.o, p.o + n);
    }
    if (typeof cell !== 'bigint')
      this.fault(`${what}: '${this.nameOf(p)}' holds a pointer, not words`);
    if (p.o !== 0 || n > 1) this.fault(this.overrun(p, n, 1, what, 'reads'));
    return n === 1 ? [cell] : [];
  }

  write(p: Ptr, words: readonly Word[], what: string): void {
    const locals = this.cellAt(p, what, true);
    const cell = locals[p.v];
    if (Array.isArray(cell)) {
      const len = (cell as readonly Word[]).length;
      if (p.o < 0 || p.o + words.length > len)
        this.fault(this.overrun(p, words.length, len, what, 'writes'));
      if (p.o === 0 && words.length === len) {
        const copy = words.map((w) => w & this.mask);
        (this.ownedAggs ??= new Set()).add(copy);
        locals[p.v] = copy;
        return;
      }
      const a = this.ownAgg(locals, p.v);
      for (let i = 0; i < words.length; i++) a[p.o + i] = (words[i] as Word) & this.mask;
      return;
    }
    if (typeof cell !== 'bigint')
      this.fault(`${what}: '${this.nameOf(p)}' holds a pointer, not words`);
    if (p.o !== 0 || words.length > 1) this.fault(this.overrun(p, words.length, 1, what, 'writes'));
    if (words.length === 1) locals[p.v] = (words[0] as Word) & this.mask;
  }

  private overrun(p: Ptr, n: number, len: number, what: string, verb: string): string {
    const name = this.nameOf(p);
    const at = p.o === 0 ? '' : ` starting at word ${p.o}`;
    return `${what} ${verb} ${n} word${n === 1 ? '' : 's'}${at} of '${name}', which has only ${len} word${len === 1 ? '' : 's'}`;
  }

  /** Where a fault happened: the faulting instruction's site, else the statement. */
  protected locOf(stmt: number): SourceLoc | null {
    const site = this.unit.sites[this.site];
    if (site !== undefined) return { line: site.line, column: site.col };
    const s = this.unit.stmts[stmt];
    return s === undefined ? null : { line: s.line, column: s.col };
  }
}
