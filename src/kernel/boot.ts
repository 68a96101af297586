/**
 * Boot: builds the first world from a boot spec and the threads' programs. Every thread starts
 * `ready` (the statechart's initial state) with a zeroed UTCB (MyGlobalId set, BR0 = 0: untyped
 * words only) and a full timeslice; the scheduler then dispatches the highest-priority thread (the
 * first in boot order among equals). Bad specs throw `BootError` with a one-line reason.
 */
import { globalId, threadNo as threadNoOf, threadVersion } from './abi/threadId';
import { NUM_BRS, NUM_MRS } from './abi/utcb';
import { hex, wordBits } from './abi/word';
import type { Abi } from './abi/word';
import { Draft } from './draft';
import { FIRST_THREAD_NO, utcbAddress } from './ids';
import { mapRegion, MIN_PAGE_LOG2 } from './mapping';
import { EMPTY_MEMORY } from './memory';
import type { ProgramContext, Utcb } from './program';
import { enqueueReady, pickAndRun } from './scheduler';
import { initialThreadState } from './threadChart';
import type {
  AddressSpace,
  BootSpec,
  KernelOptions,
  Mapping,
  Programs,
  Thread,
  World,
} from './types';

export class BootError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BootError';
  }
}

export const DEFAULT_OPTIONS: KernelOptions = { usPerStatement: 1, timesliceUs: 100 };
export const DEFAULT_PRIORITY = 100;

/** A fresh UTCB: every register 0 except MyGlobalId. */
export function emptyUtcb(id: bigint): Utcb {
  return {
    mrs: new Array<bigint>(NUM_MRS).fill(0n),
    brs: new Array<bigint>(NUM_BRS).fill(0n),
    errorCode: 0n,
    myGlobalId: id,
    virtualSender: 0n,
    intendedReceiver: 0n,
    xferTimeouts: 0n,
    pager: 0n,
    exceptionHandler: 0n,
    userDefinedHandle: 0n,
    threadWord0: 0n,
    threadWord1: 0n,
    processorNo: 0n,
  };
}

function options(spec: BootSpec): KernelOptions {
  const o = { ...DEFAULT_OPTIONS, ...spec.options };
  if (!Number.isInteger(o.usPerStatement) || o.usPerStatement < 1) {
    throw new BootError(`usPerStatement must be a whole number ≥ 1 (got ${o.usPerStatement})`);
  }
  if (!Number.isInteger(o.timesliceUs) || o.timesliceUs < 0) {
    throw new BootError(`timesliceUs must be a whole number ≥ 0 (got ${o.timesliceUs})`);
  }
  return o;
}

function space(s: BootSpec['spaces'][number], abi: Abi): AddressSpace {
  const mappings: Mapping[] = [];
  for (const m of s.mappings ?? []) {
    if (!Number.isInteger(m.sizeLog2) || m.sizeLog2 < MIN_PAGE_LOG2 || m.sizeLog2 > wordBits(abi)) {
      throw new BootError(`space ${s.name}: sizeLog2 must be ${MIN_PAGE_LOG2}..${wordBits(abi)}`);
    }
    const size = 1n << BigInt(m.sizeLog2);
    if (m.base < 0n || m.base % size !== 0n || m.base + size > 1n << BigInt(wordBits(abi))) {
      throw new BootError(`space ${s.name}: region base ${hex(m.base)} is not size-aligned`);
    }
    if (!Number.isInteger(m.rights) || m.rights < 0 || m.rights > 7) {
      throw new BootError(`space ${s.name}: rights must be 0..7`);
    }
    mappings.push({ base: m.base, sizeLog2: m.sizeLog2, rights: m.rights });
  }
  return { name: s.name, mappings: disjointSorted(mappings), memory: EMPTY_MEMORY };
}

/**
 * The boot regions as the space's mapping list (disjoint, sorted by base). Disjoint regions only
 * need sorting (n log n: a header may list 20,000); when some overlap, each later region replaces
 * what it covers, as `mapRegion` one at a time would.
 */
function disjointSorted(regions: readonly Mapping[]): Mapping[] {
  const sorted = [...regions].sort((a, b) => (a.base < b.base ? -1 : a.base > b.base ? 1 : 0));
  const disjoint = sorted.every((m, i) => {
    const next = sorted[i + 1];
    return next === undefined || m.base + (1n << BigInt(m.sizeLog2)) <= next.base;
  });
  if (disjoint) return sorted;
  let mappings: Mapping[] = [];
  for (const m of regions) mappings = mapRegion(mappings, m);
  return mappings;
}

function initProgram(programs: Programs, name: string, ctx: ProgramContext): unknown {
  try {
    return programs[name]?.init(ctx) ?? null;
  } catch (error) {
    throw new BootError(
      `thread ${name}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

export function boot(spec: BootSpec, programs: Programs): World {
  const abi = spec.abi ?? 'amd64';
  const opts = options(spec);
  const names = new Set<string>();
  const spaces = spec.spaces.map((s) => {
    if (s.name === '' || names.has(s.name))
      throw new BootError(`duplicate or empty space name "${s.name}"`);
    names.add(s.name);
    return space(s, abi);
  });
  const slots = new Map<number, number>();
  const ids = new Set<bigint>();
  const threads = spec.threads.map((d, index): Thread => {
    const sp = spaces.findIndex((s) => s.name === d.space);
    if (sp < 0) throw new BootError(`thread ${d.name}: no address space "${d.space}"`);
    if (d.name === '' || spec.threads.findIndex((o) => o.name === d.name) !== index) {
      throw new BootError(`duplicate or empty thread name "${d.name}"`);
    }
    const priority = d.priority ?? DEFAULT_PRIORITY;
    if (!Number.isInteger(priority) || priority < 0 || priority > 255) {
      throw new BootError(`thread ${d.name}: priority must be 0..255`);
    }
    const no = d.threadNo ?? FIRST_THREAD_NO + BigInt(index);
    const version = d.version ?? 1n;
    const id = globalId(no, version, abi);
    if (threadNoOf(id, abi) !== no || threadVersion(id, abi) !== version || no === 0n) {
      throw new BootError(`thread ${d.name}: thread number or version does not fit the ${abi} id`);
    }
    if ((version & 0x3fn) === 0n) {
      throw new BootError(
        `thread ${d.name}: version's low 6 bits are 0, so the id would read as local`,
      );
    }
    if (ids.has(id)) throw new BootError(`thread ${d.name}: duplicate thread id`);
    ids.add(id);
    const slot = slots.get(sp) ?? 0;
    slots.set(sp, slot + 1);
    const utcb = emptyUtcb(id);
    const state = initProgram(programs, d.name, { abi, self: id, utcb });
    return {
      name: d.name,
      index,
      id,
      localId: utcbAddress(slot),
      space: sp,
      priority,
      state: initialThreadState(),
      utcb,
      program: state,
      resume: null,
      wait: null,
      sendQueue: [],
      timeslice: opts.timesliceUs,
      halt: null,
      statements: 0,
    };
  });
  const world: World = {
    abi,
    options: opts,
    threads,
    spaces,
    now: 0,
    timeouts: [],
    ready: [],
    current: null,
    accounted: null,
    step: 0,
    seq: 0,
    outcome: null,
  };
  const k = new Draft(world, programs);
  for (const t of threads) enqueueReady(k, t.index);
  pickAndRun(k, 'schedule');
  return { ...k.finish(), step: 0 };
}
