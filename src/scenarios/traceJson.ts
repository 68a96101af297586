/**
 * The trace as JSON (`cli run`, golden files, "export trace"): format `rendezvous-trace`, version 1,
 * documented in docs/trace-format.md. Every machine word is a `0x…` lowercase string; threads are
 * named; times are simulated microseconds.
 */
import { hex } from '../kernel/abi/word';
import type { HaltReason, KernelEffect, Thread, UserEffect, World } from '../kernel';
import type { ScenarioRun } from './runner';
import type { RunOutcome } from './runner';

export const TRACE_FORMAT = 'rendezvous-trace';
export const TRACE_VERSION = 1;

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export interface TraceEvent {
  /** The frame whose step produced the event (1 = the first step after boot). */
  readonly step: number;
  /** The simulated clock after that step, in µs. */
  readonly time: number;
  readonly kind: string;
  readonly [field: string]: Json;
}

export interface ThreadJson {
  readonly [field: string]: Json;
  readonly id: string;
  readonly space: string;
  readonly priority: number;
  readonly state: string;
  readonly mrs: string[];
  readonly errorCode: string;
  readonly halted: string | null;
}

export interface TraceJson {
  readonly format: typeof TRACE_FORMAT;
  readonly version: typeof TRACE_VERSION;
  readonly scenario: string;
  readonly abi: string;
  readonly steps: number;
  readonly outcome: RunOutcome;
  /** The clock at the end, µs. */
  readonly time: number;
  readonly events: TraceEvent[];
  readonly threads: Record<string, ThreadJson>;
  /** Each address space's mappings at the end. */
  readonly spaces: Record<string, MappingJson[]>;
}

export interface MappingJson {
  readonly [field: string]: Json;
  readonly base: string;
  readonly sizeLog2: number;
  readonly rights: number;
}

/** Kernel effects that are not listed as events: statements (counted in `steps`) and the outcome. */
const UNLISTED: ReadonlySet<string> = new Set(['statement', 'outcome']);

/** bigint → `0x…`; objects and arrays converted field by field; undefined fields dropped. */
export function toJson(value: unknown): Json {
  if (typeof value === 'bigint') return hex(value);
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toJson(v);
    return out;
  }
  return null;
}

/** Server-helper details that hold a thread id; the event adds the thread's name beside it. */
const ID_DETAILS = ['thread', 'owner'];

function userFields(
  effect: UserEffect,
  names: ReadonlyMap<string, string>,
): { [key: string]: Json } {
  const { kind: _kind, ...fields } = effect;
  const out = toJson(fields) as { [key: string]: Json };
  if (effect.kind !== 'server') return out;
  const named: { [key: string]: Json } = {};
  for (const key of ID_DETAILS) {
    const name = names.get(effect.detail[key] ?? '');
    if (name !== undefined) named[key] = name;
  }
  return Object.keys(named).length === 0 ? out : { ...out, names: named };
}

/**
 * One step's effects as events. User-mode effects carry the line of the statement that ran;
 * `names` maps thread ids (`0x…`) to names, for the server helpers' details.
 */
export function eventsOf(
  effects: readonly KernelEffect[],
  step: number,
  time: number,
  names: ReadonlyMap<string, string> = new Map(),
): TraceEvent[] {
  const statement = effects.find((e) => e.kind === 'statement');
  const line = statement?.kind === 'statement' ? (statement.loc?.line ?? null) : null;
  const events: TraceEvent[] = [];
  for (const effect of effects) {
    if (UNLISTED.has(effect.kind)) continue;
    if (effect.kind === 'user') {
      const kind = effect.effect.kind;
      events.push({
        step,
        time,
        kind,
        thread: effect.thread,
        line,
        ...userFields(effect.effect, names),
      });
    } else if (effect.kind === 'fastpath') {
      events.push({
        step,
        time,
        kind: 'fastpath',
        thread: effect.thread,
        line,
        tag: hex(effect.tag),
      });
    } else {
      const { kind, ...fields } = effect;
      events.push({ step, time, kind, ...(toJson(fields) as object) });
    }
  }
  return events;
}

export function haltedText(reason: HaltReason | null): string | null {
  if (reason === null) return null;
  if (reason.kind === 'exit') return 'exit';
  const at = reason.loc === null ? '' : ` (line ${reason.loc.line}, column ${reason.loc.column})`;
  return `${reason.reason}${at}`;
}

export function threadJson(world: World, thread: Thread): ThreadJson {
  return {
    id: hex(thread.id),
    space: world.spaces[thread.space]?.name ?? '',
    priority: thread.priority,
    state: thread.state,
    mrs: thread.utcb.mrs.map(hex),
    errorCode: hex(thread.utcb.errorCode),
    halted: haltedText(thread.halt),
  };
}

export interface TraceHead {
  readonly format: typeof TRACE_FORMAT;
  readonly version: typeof TRACE_VERSION;
  readonly scenario: string;
  readonly abi: string;
}

export interface TraceTail {
  readonly steps: number;
  readonly outcome: RunOutcome;
  readonly time: number;
  readonly threads: Record<string, ThreadJson>;
  readonly spaces: Record<string, MappingJson[]>;
}

export function traceHead(scenario: string, abi: string): TraceHead {
  return { format: TRACE_FORMAT, version: TRACE_VERSION, scenario, abi };
}

/** What a run's last world says: its threads and spaces, with the step count and outcome. */
export function traceTail(end: World, steps: number, outcome: RunOutcome): TraceTail {
  return {
    steps,
    outcome,
    time: end.now,
    threads: Object.fromEntries(end.threads.map((t) => [t.name, threadJson(end, t)])),
    spaces: Object.fromEntries(
      end.spaces.map((s) => [
        s.name,
        s.mappings.map((m) => ({ base: hex(m.base), sizeLog2: m.sizeLog2, rights: m.rights })),
      ]),
    ),
  };
}

/** The whole run as a `rendezvous-trace` object (replays the trace frame by frame, once). */
export function traceJson(run: ScenarioRun): TraceJson {
  const { trace } = run;
  const events: TraceEvent[] = [];
  let world = trace.frameAt(0).world;
  const names = new Map(world.threads.map((t) => [hex(t.id), t.name]));
  for (let i = 1; i < trace.length; i++) {
    const frame = trace.frameAt(i);
    world = frame.world;
    events.push(...eventsOf(frame.effects, i, world.now, names));
  }
  const { steps, outcome, time, threads, spaces } = traceTail(world, trace.length - 1, run.outcome);
  return {
    ...traceHead(run.scenario.id, world.abi),
    steps,
    outcome,
    time,
    events,
    threads,
    spaces,
  };
}
