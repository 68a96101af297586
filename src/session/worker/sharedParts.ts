// Structural sharing across postMessage. A part of a recording (recordJob.ts) mostly reuses the
// objects of the world before it (untouched threads, UTCBs, queues), but each postMessage clones
// what it carries on its own: sent as is, every part would bring a full copy of a world to the
// page (a 64-thread world is about 70 KB of JSON; 1,000 parts made 3.9 KB a step on the page
// instead of 1 KB, and garbage-collection pauses of 100–400 ms). So the worker packs a part
// against the last world of the part before: each object that world holds becomes a reference
// `{ "\u0000shared": n }`, n being its place in a depth-first walk of that world. The page walks
// its own copy of the same world the same way and puts its objects back (`unpackParts`), so its
// trace shares what the worker's does. A clone also makes a new string of every string it carries
// ("thread.state", "t12" in every step's effects: about 1 KB a step on a 64-thread run), so the
// page keeps one of each (`Strings`, one per recording).
import type { TraceParts, World } from '../../kernel/index';

const REF = '\u0000shared';

/** A part packed against the world before it; read it only through `unpackParts`. */
export interface PackedParts {
  readonly every: number;
  readonly from: number;
  readonly checkpoints: readonly unknown[];
  readonly effects: readonly unknown[];
  readonly last: unknown;
  /** How many objects the world it was packed against holds (checked when unpacked). */
  readonly shared: number;
}

type Bag = Record<string, unknown>;

/** Arrays and records: what structured clone copies key by key (and this file walks). */
function isRecord(x: unknown): x is Bag {
  if (typeof x !== 'object' || x === null) return false;
  return !(
    x instanceof Map ||
    x instanceof Set ||
    x instanceof Date ||
    x instanceof RegExp ||
    x instanceof ArrayBuffer ||
    ArrayBuffer.isView(x)
  );
}

/** The records of `root`, each once, in a depth-first order that depends only on its shape. */
function objectsOf(root: unknown): Bag[] {
  const out: Bag[] = [];
  const seen = new Set<Bag>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const x = stack.pop();
    if (!isRecord(x) || seen.has(x)) continue;
    seen.add(x);
    out.push(x);
    const values = Object.values(x);
    for (let i = values.length - 1; i >= 0; i--) stack.push(values[i]);
  }
  return out;
}

/** About how many bytes a primitive takes in a structured clone. */
const primitiveBytes = (x: unknown): number =>
  typeof x === 'string' ? x.length + 4 : typeof x === 'bigint' ? 12 : 8;

/**
 * `parts` (what frames `parts.from` onwards added) with every object of `base` as a reference, and
 * about how many bytes it clones to (each object counted once, as structured clone copies it).
 */
export function packParts(
  parts: TraceParts,
  base: World,
): { readonly packed: PackedParts; readonly bytes: number } {
  const known = objectsOf(base);
  const ids = new Map<unknown, number>(known.map((o, i) => [o, i]));
  const copies = new Map<unknown, unknown>();
  let bytes = 0;
  const copy = (x: unknown): unknown => {
    if (!isRecord(x)) {
      bytes += primitiveBytes(x);
      return x;
    }
    const id = ids.get(x);
    bytes += 8;
    if (id !== undefined) return { [REF]: id };
    const done = copies.get(x);
    if (done !== undefined) return done;
    const out: Bag = Array.isArray(x) ? (new Array(x.length) as unknown as Bag) : {};
    copies.set(x, out);
    for (const key of Object.keys(x)) {
      bytes += key.length;
      out[key] = copy(x[key]);
    }
    return out;
  };
  const packed = {
    every: parts.every,
    from: parts.from ?? 0,
    checkpoints: parts.checkpoints.map(copy),
    effects: parts.effects.map(copy),
    last: copy(parts.last),
    shared: known.length,
  };
  return { packed, bytes };
}

const refOf = (x: Bag): number | null => {
  const n = Object.hasOwn(x, REF) ? x[REF] : undefined;
  return typeof n === 'number' ? n : null;
};

/** The strings a recording's parts brought, one of each (at most MAX_STRINGS are kept). */
export type Strings = Map<string, string>;
const MAX_STRINGS = 20_000;
const MAX_STRING_LENGTH = 64;

/**
 * The page's side: `packed` (structured-cloned) with `base`'s objects put back, and its short
 * strings replaced by the same ones from `strings`, as TraceParts.
 */
export function unpackParts(
  packed: PackedParts,
  base: World,
  strings: Strings = new Map(),
): TraceParts {
  const known = objectsOf(base);
  if (known.length !== packed.shared) throw new Error('the part does not follow the one before');
  const seen = new Set<Bag>();
  const resolve = (x: unknown): unknown => {
    if (typeof x === 'string') {
      if (x.length > MAX_STRING_LENGTH) return x;
      const kept = strings.get(x);
      if (kept !== undefined) return kept;
      if (strings.size < MAX_STRINGS) strings.set(x, x);
      return x;
    }
    if (!isRecord(x)) return x;
    const id = refOf(x);
    if (id !== null) {
      const original = known[id];
      if (original === undefined) throw new Error('the part refers to an object it does not have');
      return original;
    }
    if (seen.has(x)) return x;
    seen.add(x);
    for (const key of Object.keys(x)) x[key] = resolve(x[key]);
    return x;
  };
  const parts = {
    every: packed.every,
    from: packed.from,
    checkpoints: packed.checkpoints.map(resolve),
    effects: packed.effects.map(resolve),
    last: resolve(packed.last),
  };
  return parts as TraceParts;
}
