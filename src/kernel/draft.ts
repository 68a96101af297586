/**
 * The builder one step works on: copy-on-write over a `World`. Threads are replaced one object at a
 * time, so `finish()` returns a world that shares every untouched thread (and UTCB, space, queue)
 * with the one the step started from. The draft is local to one `step()` call; snapshots are never
 * mutated.
 */
import { chartMove } from './threadChart';
import type { ThreadEvent } from './threadMachine';
import type { KernelEffect } from './effects';
import type {
  AddressSpace,
  Outcome,
  PendingTimeout,
  Programs,
  Thread,
  ThreadIndex,
  World,
} from './types';

export class Draft {
  readonly base: World;
  readonly programs: Programs;
  readonly effects: KernelEffect[] = [];
  private threadList: Thread[] | null = null;
  /** Thread objects this step made: no snapshot holds them yet, so later updates write in place. */
  private readonly fresh = new Set<Thread>();
  ready: readonly ThreadIndex[];
  timeouts: readonly PendingTimeout[];
  spaces: readonly AddressSpace[];
  now: number;
  current: ThreadIndex | null;
  accounted: ThreadIndex | null;
  seq: number;
  outcome: Outcome | null;
  /** The thread that last left the CPU in this step, for `switch` effects. */
  lastRunning: ThreadIndex | null;

  constructor(world: World, programs: Programs) {
    this.base = world;
    this.programs = programs;
    this.ready = world.ready;
    this.timeouts = world.timeouts;
    this.spaces = world.spaces;
    this.now = world.now;
    this.current = world.current;
    this.accounted = world.accounted;
    this.seq = world.seq;
    this.outcome = world.outcome;
    this.lastRunning = world.current;
  }

  get abi() {
    return this.base.abi;
  }

  get options() {
    return this.base.options;
  }

  get threadCount(): number {
    return this.base.threads.length;
  }

  thread(i: ThreadIndex): Thread {
    const t = (this.threadList ?? this.base.threads)[i];
    if (t === undefined) throw new RangeError(`no thread ${i}`);
    return t;
  }

  name(i: ThreadIndex): string {
    return this.thread(i).name;
  }

  nameOrNull(i: ThreadIndex | null): string | null {
    return i === null ? null : this.thread(i).name;
  }

  update(i: ThreadIndex, patch: Partial<Thread>): Thread {
    if (this.threadList === null) this.threadList = this.base.threads.slice();
    const current = this.thread(i);
    if (this.fresh.has(current)) {
      Object.assign(current as Mutable<Thread>, patch);
      return current;
    }
    const next = patched(current, patch);
    this.fresh.add(next);
    this.threadList[i] = next;
    return next;
  }

  emit(effect: KernelEffect): void {
    this.effects.push(effect);
  }

  /** Drives thread `i`'s statechart with `event` and reports the change. */
  move(i: ThreadIndex, event: ThreadEvent): void {
    const t = this.thread(i);
    const m = chartMove(t.state, event);
    this.update(i, { state: m.to });
    this.emit({ kind: 'thread.state', thread: t.name, from: m.from, to: m.to, cause: m.cause });
  }

  finish(): World {
    const threads = this.threadList ?? this.base.threads;
    return {
      abi: this.base.abi,
      options: this.base.options,
      threads,
      spaces: this.spaces,
      now: this.now,
      timeouts: this.timeouts,
      ready: this.ready,
      current: this.current,
      accounted: this.accounted,
      step: this.base.step + 1,
      seq: this.seq,
      outcome: this.outcome,
    };
  }
}

/**
 * `{ ...t, ...patch }` with one fixed property order, so every thread object has the same shape
 * (spreads give shapes that depend on the patch, which makes every later property read slower).
 * With `exactOptionalPropertyTypes` a present key never holds `undefined`.
 */
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function patched(t: Thread, p: Partial<Thread>): Thread {
  return {
    name: t.name,
    index: t.index,
    id: t.id,
    localId: t.localId,
    space: t.space,
    priority: p.priority ?? t.priority,
    state: p.state ?? t.state,
    utcb: p.utcb ?? t.utcb,
    program: 'program' in p ? p.program : t.program,
    resume: p.resume === undefined ? t.resume : p.resume,
    wait: p.wait === undefined ? t.wait : p.wait,
    sendQueue: p.sendQueue ?? t.sendQueue,
    timeslice: p.timeslice ?? t.timeslice,
    halt: p.halt === undefined ? t.halt : p.halt,
    statements: p.statements ?? t.statements,
  };
}
