/** The state of generating one function: its code, its scopes and locals, loops and switches. */
import type { Word } from '../../kernel/abi/word';
import type { CType } from '../check/ctypes';
import { isAggregate, sizeOf } from '../check/ctypes';
import type { Pos } from '../diagnostic';
import type { SwitchTable } from '../vm/unit';
import { NULL_PTR } from '../vm/values';
import type { Local } from '../vm/values';
import { Emitter } from './emitter';
import type { Label } from './emitter';
import type { Env, FuncSym } from './env';

export interface LocalSym {
  readonly name: string;
  readonly slot: number;
  readonly type: CType;
  readonly isConst: boolean;
  readonly pos: Pos;
}

export interface LoopLabels {
  readonly brk: Label;
  /** null inside a switch (continue goes to the enclosing loop). */
  readonly cont: Label | null;
}

export interface SwitchCtx {
  readonly table: SwitchTable;
  readonly seen: Map<Word, number>;
  hasDefault: boolean;
}

const zeroCache = new Map<number, readonly Word[]>();

/** A shared all-zero aggregate of n words (never mutated: locals are copied on write). */
export function zeros(n: number): readonly Word[] {
  let z = zeroCache.get(n);
  if (z === undefined) {
    z = Object.freeze(new Array<Word>(n).fill(0n));
    zeroCache.set(n, z);
  }
  return z;
}

export function zeroValue(t: CType): Local {
  if (isAggregate(t)) return zeros(sizeOf(t));
  return t.k === 'ptr' ? NULL_PTR : 0n;
}

export class FnGen {
  em: Emitter;
  private readonly scopes: Map<string, LocalSym>[] = [new Map<string, LocalSym>()];
  readonly localsInit: Local[] = [];
  readonly localNames: string[] = [];
  readonly localTypes: CType[] = [];
  readonly breakables: LoopLabels[] = [];
  readonly switches: SwitchCtx[] = [];

  constructor(
    readonly env: Env,
    readonly fn: FuncSym,
  ) {
    this.em = new Emitter(env.unit);
  }

  error(pos: Pos, message: string): null {
    this.env.diags.error(pos, message);
    return null;
  }

  lookup(name: string): LocalSym | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const sym = this.scopes[i]?.get(name);
      if (sym !== undefined) return sym;
    }
    return undefined;
  }

  visibleLocals(): string[] {
    return this.scopes.flatMap((s) => [...s.keys()]);
  }

  pushScope(): void {
    this.scopes.push(new Map<string, LocalSym>());
  }

  popScope(): void {
    this.scopes.pop();
  }

  declare(name: string, type: CType, pos: Pos, isConst: boolean): LocalSym {
    const scope = this.scopes[this.scopes.length - 1] as Map<string, LocalSym>;
    const prev = scope.get(name);
    if (prev !== undefined)
      this.error(pos, `'${name}' is already declared in this scope (line ${prev.pos.line})`);
    const g = this.env.globals.get(name);
    if (g?.k === 'thread')
      this.env.diags.warning(pos, `local '${name}' hides the id of thread ${name}`);
    else if (g?.k === 'define')
      this.error(pos, `'${name}' is a #define (line ${g.pos.line}); choose another variable name`);
    const sym: LocalSym = { name, slot: this.localsInit.length, type, isConst, pos };
    this.localsInit.push(zeroValue(type));
    this.localNames.push(name);
    this.localTypes.push(type);
    scope.set(name, sym);
    return sym;
  }

  /** Runs `f` with code going to a scratch buffer (for `sizeof expr`: the type, not the code). */
  scratch<T>(f: () => T): T {
    const saved = this.em;
    this.em = new Emitter(this.env.unit);
    try {
      return f();
    } finally {
      this.em = saved;
    }
  }
}
