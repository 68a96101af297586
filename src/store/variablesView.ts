// A thread's call stack as the variables panel shows it: every frame, local, argument and struct
// field with its value in hex and decimal and what it means (a named constant, a thread, a decoded
// tag), the ones this step changed marked, and the thread's latest server-helper results.
import { anylocalthread, anythread } from '../kernel/abi/threadId';
import { hex } from '../kernel/abi/word';
import type { Abi, Word } from '../kernel/abi/word';
import type { KernelEffect, Trace, World } from '../kernel/index';
import { threadFrames } from '../lang';
import type { FrameInfo, VarInfo } from '../lang';
import { tagView } from './registerView';
import type { StackFrameView, VariableView, VariablesView } from './viewModel';

/** How far back the panel looks for the thread's last server-helper result. */
const HELPER_LOOKBACK = 400;
const HELPERS_SHOWN = 3;

/** A thread id word as a name: a thread of the world, nilthread, anythread. */
export function threadIdName(world: World, id: Word): string | null {
  if (id === 0n) return 'nilthread';
  if (id === anythread(world.abi)) return 'anythread';
  if (id === anylocalthread(world.abi)) return 'anylocalthread';
  return world.threads.find((t) => t.id === id || t.localId === id)?.name ?? null;
}

function tagMeaning(raw: Word, abi: Abi): string {
  const t = tagView(raw, abi);
  const error = (t.flags & 8) !== 0 ? ', E (the IPC failed)' : '';
  return `label ${hex(t.label)}, u ${t.u}, t ${t.t}${error}`;
}

function meaningOf(v: VarInfo, world: World): string | null {
  if (v.value === null) return null;
  if (v.named !== null) return v.named;
  if (v.l4 === 'L4_ThreadId_t') return threadIdName(world, v.value);
  if (v.l4 === 'L4_MsgTag_t') return tagMeaning(v.value, world.abi);
  return null;
}

function varView(v: VarInfo, old: ReadonlyMap<string, VarInfo> | null, world: World): VariableView {
  const was = old?.get(v.path);
  const children = v.fields.map((f) => varView(f, old, world));
  const changed =
    old !== null &&
    (children.length > 0
      ? children.some((c) => c.changed)
      : was === undefined || was.value !== v.value || was.target !== v.target);
  return {
    path: v.path,
    name: v.name,
    type: v.type,
    text: v.target ?? (v.value === null ? '' : hex(v.value)),
    decimal: v.value === null ? null : v.value.toString(),
    meaning: meaningOf(v, world),
    changed,
    param: v.param,
    children,
    hidden: v.hidden,
  };
}

function index(frame: FrameInfo): Map<string, VarInfo> {
  const m = new Map<string, VarInfo>();
  const add = (v: VarInfo) => {
    m.set(v.path, v);
    for (const f of v.fields) add(f);
  };
  for (const v of frame.vars) add(v);
  return m;
}

function helperText(e: KernelEffect, thread: string): string | null {
  if (e.kind !== 'user' || e.thread !== thread || e.effect.kind !== 'server') return null;
  const d = e.effect.detail;
  if (e.effect.op === 'heap_alloc') return `heap_alloc(${d.size ?? '?'}) → ${d.addr ?? '?'}`;
  if (e.effect.op === 'heap_free') return `heap_free(${d.addr ?? '?'})`;
  const args = Object.values(d).join(', ');
  return `${e.effect.op}(${args})`;
}

function helpersUpTo(trace: Trace, i: number, thread: string): VariablesView['helpers'] {
  const out: { text: string; step: number }[] = [];
  for (let k = i; k > 0 && k > i - HELPER_LOOKBACK && out.length < HELPERS_SHOWN; k--) {
    const effects = trace.effectsAt(k);
    for (let j = effects.length - 1; j >= 0 && out.length < HELPERS_SHOWN; j--) {
      const e = effects[j];
      const text = e === undefined ? null : helperText(e, thread);
      if (text !== null) out.push({ text, step: k });
    }
  }
  return out;
}

/** The variables of `thread` at frame `i`, changes marked against frame i − 1. */
export function variablesAt(trace: Trace, i: number, thread: string): VariablesView | null {
  const { world } = trace.frameAt(i);
  const t = world.threads.find((x) => x.name === thread);
  if (t === undefined) return null;
  const program = trace.programs[thread];
  const frames = threadFrames(program, t.program);
  if (frames === null) return null;
  const before = i > 0 ? trace.frameAt(i - 1).world.threads[t.index] : undefined;
  const previous =
    before === undefined || before.program === t.program
      ? null
      : threadFrames(program, before.program);
  const views: StackFrameView[] = frames.map((f, d) => {
    const old = previous?.[d];
    // Unchanged state: nothing marked; a frame that was not there before: every variable is new.
    const map =
      previous === null ? null : old !== undefined && old.fn === f.fn ? index(old) : new Map();
    return { fn: f.fn, line: f.line, vars: f.vars.map((v) => varView(v, map, world)) };
  });
  return { thread, frames: views, helpers: helpersUpTo(trace, i, thread) };
}
