/**
 * Time travel. A trace keeps every step's effects and a checkpoint world every `checkpointEvery`
 * steps; `frameAt(i)` replays at most that many steps from the nearest checkpoint (step() is pure,
 * so the replay is exact) and keeps the replayed segment, so stepping back and forth within it is a
 * lookup. Worlds share all untouched threads, UTCBs, spaces and queues with their predecessors, so
 * checkpoints and segments cost what changed, not a copy of every thread.
 */
import type { KernelEffect } from './effects';
import { step } from './step';
import type { Outcome, Programs, World } from './types';

export interface Frame {
  /** 0 = the boot world. */
  readonly index: number;
  readonly world: World;
  /** What the step into this frame did (empty for frame 0). */
  readonly effects: readonly KernelEffect[];
}

export interface Trace {
  /** Number of frames: steps taken + 1. */
  readonly length: number;
  /** Set when the run ended with an outcome (the last frame reports it). */
  readonly outcome: Outcome | null;
  readonly programs: Programs;
  readonly checkpointEvery: number;
  frameAt(index: number): Frame;
  /** The effects of the step into frame `index`, without rebuilding its world. */
  effectsAt(index: number): readonly KernelEffect[];
  /**
   * `frameAt(index).world.now` without rebuilding the world: the nearest checkpoint's clock moved
   * on by the effects since (a statement costs `usPerStatement`, `time.advance` sets it).
   */
  clockAt(index: number): number;
  /** Runs up to `maxSteps` more steps; returns a new trace (this one is unchanged). */
  extend(maxSteps: number): Trace;
  /**
   * What the trace stores, as plain data (a worker posts it; `traceFromParts` rebuilds it). With
   * `from`, only what frames `from` onwards added: their effects and checkpoints, and the last world
   * (a part of a recording sent in pieces; `appendParts` adds it to the trace of the frames before).
   */
  parts(from?: number): TraceParts;
  /**
   * This trace followed by `more`, the `parts(length)` of a longer recording of the same run (the
   * arrays are appended in place, as `extend` does); returns a new trace.
   */
  appendParts(more: TraceParts): Trace;
}

/** A trace without its programs: the checkpoint worlds and every step's effects. */
export interface TraceParts {
  readonly every: number;
  readonly checkpoints: readonly World[];
  readonly effects: readonly (readonly KernelEffect[])[];
  readonly last: World;
  /** The first frame whose effects these are (0 for a whole trace; see `parts(from)`). */
  readonly from?: number;
}

export interface TraceOptions {
  /** Keep a world every N steps (default 32; 1 keeps every world). */
  readonly checkpointEvery?: number;
}

/**
 * The recorded steps. `effects` and `checkpoints` are append-only arrays shared by a trace and the
 * traces `extend` makes from it: each trace reads only its first `length` / `checkpointCount`
 * entries, so extending appends in place (linear in the steps recorded, not quadratic when a long
 * run is recorded in many small parts); extending an older trace a second time copies first.
 */
interface TraceData {
  readonly programs: Programs;
  readonly every: number;
  readonly checkpoints: World[];
  readonly checkpointCount: number;
  readonly effects: (readonly KernelEffect[])[];
  /** Frames in this trace = entries of `effects` it owns. */
  readonly length: number;
  readonly last: World;
}

/**
 * The trace recorded elsewhere (a worker) from the same scenario: `programs` must be those of the
 * same compiled text, since frames between checkpoints are replayed with them.
 */
export function traceFromParts(parts: TraceParts, programs: Programs): Trace {
  return makeTrace({
    programs,
    every: parts.every,
    checkpoints: [...parts.checkpoints],
    checkpointCount: parts.checkpoints.length,
    effects: [...parts.effects],
    length: parts.effects.length,
    last: parts.last,
  });
}

/** Boots are done by the caller (`boot(spec, programs)`); records up to `maxSteps` steps. */
export function recordTrace(
  initial: World,
  programs: Programs,
  maxSteps: number,
  options: TraceOptions = {},
): Trace {
  const every = Math.max(1, Math.floor(options.checkpointEvery ?? 32));
  const data: TraceData = {
    programs,
    every,
    checkpoints: [initial],
    checkpointCount: 1,
    effects: [[]],
    length: 1,
    last: initial,
  };
  return makeTrace(grow(data, maxSteps));
}

function grow(data: TraceData, maxSteps: number): TraceData {
  const owned = data.effects.length === data.length;
  const effects = owned ? data.effects : data.effects.slice(0, data.length);
  const checkpoints = owned ? data.checkpoints : data.checkpoints.slice(0, data.checkpointCount);
  let world = data.last;
  for (let n = 0; n < maxSteps && world.outcome === null; n++) {
    const result = step(world, data.programs);
    world = result.world;
    effects.push(result.effects);
    if ((effects.length - 1) % data.every === 0) checkpoints.push(world);
  }
  return {
    ...data,
    checkpoints,
    checkpointCount: checkpoints.length,
    effects,
    length: effects.length,
    last: world,
  };
}

function makeTrace(data: TraceData): Trace {
  const length = data.length;
  let segmentStart = -1;
  let segment: World[] = [];
  /** The last clock `clockAt` worked out, in the segment from `start`. */
  let clock = { start: -1, at: -1, now: 0 };
  const check = (index: number) => {
    if (!Number.isInteger(index) || index < 0 || index >= length) {
      throw new RangeError(`frame ${index} is outside the trace (0..${length - 1})`);
    }
  };
  /** The original world of frame `f` if the trace stored it (a checkpoint or the last frame). */
  const stored = (f: number): World | undefined =>
    f === length - 1
      ? data.last
      : f % data.every === 0
        ? data.checkpoints[f / data.every]
        : undefined;
  const worldAt = (index: number): World => {
    const start = index - (index % data.every);
    // A checkpoint is the replay's first world: read as stored, the replayed segment is kept.
    if (index === start && start !== segmentStart) {
      const base = stored(start);
      if (base !== undefined) return base;
    }
    if (start !== segmentStart) {
      const base = stored(start);
      if (base === undefined) throw new Error(`missing checkpoint ${start}`);
      const end = Math.min(start + data.every, length - 1);
      const replayed = [base];
      for (let f = start + 1; f <= end; f++)
        replayed.push(step(replayed[f - start - 1] ?? base, data.programs).world);
      segment = end > start ? canonical(replayed, stored(end) ?? base) : replayed;
      segmentStart = start;
    }
    const world = segment[index - start];
    if (world === undefined) throw new Error(`frame ${index} not replayed`);
    return world;
  };
  return {
    length,
    outcome: data.last.outcome,
    programs: data.programs,
    checkpointEvery: data.every,
    frameAt(index) {
      check(index);
      return { index, world: worldAt(index), effects: data.effects[index] ?? [] };
    },
    effectsAt(index) {
      check(index);
      return data.effects[index] ?? [];
    },
    clockAt(index) {
      check(index);
      const start = index - (index % data.every);
      if (start === segmentStart) return worldAt(index).now;
      const base = stored(start);
      if (base === undefined) throw new Error(`missing checkpoint ${start}`);
      // Read in order (a scan of summaries), each clock goes on from the one before.
      const from =
        clock.start === start && clock.at <= index ? clock : { at: start, now: base.now };
      let now = from.now;
      for (let f = from.at + 1; f <= index; f++)
        for (const e of data.effects[f] ?? []) {
          if (e.kind === 'statement') now += base.options.usPerStatement;
          else if (e.kind === 'time.advance') now = e.to;
        }
      clock = { start, at: index, now };
      return now;
    },
    extend(maxSteps) {
      return makeTrace(grow(data, maxSteps));
    },
    parts(from = 0) {
      const f = Math.max(0, Math.min(length, Math.floor(from)));
      return {
        every: data.every,
        checkpoints: data.checkpoints.slice(Math.ceil(f / data.every), data.checkpointCount),
        effects: data.effects.slice(f, data.length),
        last: data.last,
        ...(f > 0 ? { from: f } : {}),
      };
    },
    appendParts(more) {
      const end = length + more.effects.length;
      if (
        more.every !== data.every ||
        (more.from ?? 0) !== length ||
        data.checkpointCount + more.checkpoints.length !== Math.floor((end - 1) / data.every) + 1
      )
        throw new Error('the parts do not follow this trace');
      const owned = data.effects.length === data.length;
      const effects = owned ? data.effects : data.effects.slice(0, data.length);
      const checkpoints = owned
        ? data.checkpoints
        : data.checkpoints.slice(0, data.checkpointCount);
      for (const e of more.effects) effects.push(e);
      for (const c of more.checkpoints) checkpoints.push(c);
      return makeTrace({
        ...data,
        checkpoints,
        checkpointCount: checkpoints.length,
        effects,
        length: effects.length,
        last: more.last,
      });
    },
  };
}

/**
 * Replayed worlds equal the recorded ones but are new objects. The last replayed world is replaced
 * by the stored original; every object the step into it left untouched (whole threads, or a
 * thread's UTCB, program state, queue, …; world queues and spaces) is the same in the frame before,
 * so it is swapped for the original's object there and in every earlier replayed frame. Consecutive
 * frames then share structure across segment boundaries exactly as in the recording.
 */
const THREAD_FIELDS = ['utcb', 'program', 'resume', 'wait', 'sendQueue', 'halt'] as const;

function canonical(replayed: readonly World[], original: World): World[] {
  const last = replayed[replayed.length - 1];
  const prev = replayed[replayed.length - 2];
  if (last === undefined || prev === undefined) return [original];
  const swap = new Map<unknown, unknown>();
  last.threads.forEach((t, j) => {
    const p = prev.threads[j];
    const o = original.threads[j];
    if (p === undefined || o === undefined) return;
    if (t === p) swap.set(p, o);
    for (const f of THREAD_FIELDS)
      if (t[f] === p[f] && typeof p[f] === 'object') swap.set(p[f], o[f]);
  });
  for (const key of ['threads', 'spaces', 'ready', 'timeouts'] as const) {
    if (last[key] === prev[key]) swap.set(prev[key], original[key]);
  }
  const get = <T>(x: T): T => (swap.has(x) ? (swap.get(x) as T) : x);
  const threads = new Map<unknown, World['threads'][number]>();
  const thread = (t: World['threads'][number]) => {
    let mapped = threads.get(t);
    if (mapped === undefined) {
      mapped = get(t);
      if (mapped === t && THREAD_FIELDS.some((f) => get(t[f]) !== t[f])) {
        mapped = {
          ...t,
          utcb: get(t.utcb),
          program: get(t.program),
          resume: get(t.resume),
          wait: get(t.wait),
          sendQueue: get(t.sendQueue),
          halt: get(t.halt),
        };
      }
      threads.set(t, mapped);
    }
    return mapped;
  };
  const lists = new Map<unknown, World['threads']>();
  const threadsOf = (w: World): World['threads'] => {
    if (get(w.threads) !== w.threads) return get(w.threads);
    let mapped = lists.get(w.threads);
    if (mapped === undefined) {
      const next = w.threads.map(thread);
      mapped = next.every((t, j) => t === w.threads[j]) ? w.threads : next;
      lists.set(w.threads, mapped);
    }
    return mapped;
  };
  return replayed.map((w, i) =>
    i === replayed.length - 1
      ? original
      : {
          ...w,
          threads: threadsOf(w),
          spaces: get(w.spaces),
          ready: get(w.ready),
          timeouts: get(w.timeouts),
        },
  );
}
