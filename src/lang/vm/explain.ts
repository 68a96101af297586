/**
 * One sentence for a step that ran only user code, built from what the step did: the variables
 * it changed, the message registers it wrote or read, the functions it entered and left, the
 * server helpers it called and, for a condition, whether it held and where the thread went.
 * "app, in memory_call, stores MR1 (0x10000100) into rep.addr".
 */
import { hex } from '../../kernel/abi/word';
import type { Word } from '../../kernel/abi/word';
import type { UserEffect } from '../../kernel/program';
import type { FrameInfo, VarInfo } from './inspect';
import { inspectFrames } from './inspect';
import type { LangState } from './state';
import type { CompiledUnit, StmtInfo } from './unit';

export interface StepFacts {
  readonly thread: string;
  readonly before: LangState;
  readonly after: LangState;
  readonly mrsBefore: readonly Word[];
  readonly mrsAfter: readonly Word[];
  readonly brsBefore?: readonly Word[];
  readonly brsAfter?: readonly Word[];
  readonly effects: readonly UserEffect[];
  /** The scenario's lines, for quoting a condition. */
  readonly source: readonly string[];
  /** A thread id as the thread's name, when it is one. */
  readonly threadName?: (id: Word) => string | null;
}

/** A word as the narration shows it: small numbers in decimal, others in hex. */
export function wordText(w: Word): string {
  return w < 10n ? w.toString() : hex(w);
}

function valueText(v: VarInfo, facts: StepFacts): string {
  if (v.target !== null) return v.target;
  if (v.value === null) return '…';
  if (v.named !== null) return `${v.named} (${wordText(v.value)})`;
  if (v.l4 === 'L4_ThreadId_t') {
    const name = facts.threadName?.(v.value);
    if (name) return `${name} (${hex(v.value)})`;
  }
  return wordText(v.value);
}

function leaves(v: VarInfo, out: VarInfo[]): VarInfo[] {
  if (v.fields.length === 0) out.push(v);
  else for (const f of v.fields) leaves(f, out);
  return out;
}

function leafMap(f: FrameInfo): Map<string, VarInfo> {
  const m = new Map<string, VarInfo>();
  for (const v of f.vars) for (const l of leaves(v, [])) m.set(l.path, l);
  return m;
}

const same = (a: VarInfo | undefined, b: VarInfo) =>
  a !== undefined && a.value === b.value && a.target === b.target;

/** Leaves of frame `f` that differ from `was` (a whole struct set at once is listed as one). */
function changedIn(was: FrameInfo, now: FrameInfo): VarInfo[] {
  const old = leafMap(was);
  const out: VarInfo[] = [];
  for (const v of now.vars) {
    const ls = leaves(v, []);
    const diff = ls.filter((l) => !same(old.get(l.path), l));
    if (diff.length === 0) continue;
    if (v.fields.length > 0 && diff.length === ls.length && ls.length > 1) out.push(v);
    else out.push(...diff);
  }
  return out;
}

function assignment(v: VarInfo, facts: StepFacts): string {
  if (v.fields.length > 0) {
    const parts = leaves(v, []).map(
      (l) => `${l.path.slice(v.path.length).replace(/^\./, '')} = ${valueText(l, facts)}`,
    );
    return `${v.path} = { ${parts.join(', ')} }`;
  }
  return `${v.path} = ${valueText(v, facts)}`;
}

function list(items: readonly string[], max = 4): string {
  const shown = items.slice(0, max);
  const more = items.length - shown.length;
  const tail = more > 0 ? ` and ${more} more` : '';
  if (shown.length <= 1) return `${shown.join('')}${tail}`;
  return more > 0
    ? `${shown.join(', ')}${tail}`
    : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1] ?? ''}`;
}

/** The text of a condition: inside the parentheses after `if`/`while`, or up to `;` in a `for`. */
export function conditionText(
  source: readonly string[],
  line: number,
  col: number,
  kw: string,
): string {
  let text = '';
  let depth = 0;
  let started = kw === 'for';
  for (let l = line; l <= source.length && l < line + 12; l++) {
    const s = (source[l - 1] ?? '').replace(/\/\/.*$/, '');
    for (let c = l === line ? col - 1 : 0; c < s.length; c++) {
      const ch = s[c] ?? '';
      if (!started) {
        if (ch === '(') {
          started = true;
          depth = 1;
        }
        continue;
      }
      if (ch === '(') depth++;
      if (ch === ')') depth--;
      if ((depth === 0 && kw !== 'for') || (kw === 'for' && depth === 0 && ch === ';')) {
        return text.replace(/\s+/g, ' ').trim();
      }
      text += ch;
    }
    text += ' ';
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** The target of a simple assignment statement (`rep.addr = 0;` → `rep.addr`), else null. */
export function assignedTarget(
  source: readonly string[],
  line: number,
  col: number,
): string | null {
  const s = (source[line - 1] ?? '').slice(col - 1).replace(/\/\/.*$/, '');
  const m = /^([A-Za-z_][\w.[\]>-]*)\s*=[^=]/.exec(s);
  return m?.[1] ?? null;
}

const MR_READERS = new Set(['L4_StoreMR', 'L4_StoreMRs', 'L4_MsgStore']);
const MR_WRITERS = new Set(['L4_LoadMR', 'L4_LoadMRs', 'L4_MsgLoad']);

function mrWrites(facts: StepFacts, loadsMsg: boolean): string | null {
  const changed: number[] = [];
  if (loadsMsg) {
    // L4_MsgLoad writes MR0 (the tag) and every word the tag counts, changed or not.
    const tag = facts.mrsAfter[0] ?? 0n;
    const n = Number((tag & 0x3fn) + ((tag >> 6n) & 0x3fn));
    const words = Array.from(
      { length: n + 1 },
      (_, i) => `MR${i} = ${wordText(facts.mrsAfter[i] ?? 0n)}`,
    );
    return `loads the message into MR0..MR${n}: ${list(words, 5)}`;
  }
  const n = Math.max(facts.mrsBefore.length, facts.mrsAfter.length);
  for (let i = 0; i < n; i++)
    if ((facts.mrsBefore[i] ?? 0n) !== (facts.mrsAfter[i] ?? 0n)) changed.push(i);
  if (changed.length === 0) return null;
  const words = changed.map((i) => `MR${i} = ${wordText(facts.mrsAfter[i] ?? 0n)}`);
  return `loads ${list(words)}`;
}

function brWrites(facts: StepFacts): string | null {
  const a = facts.brsBefore;
  const b = facts.brsAfter;
  if (a === undefined || b === undefined || a === b) return null;
  const changed: string[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++)
    if ((a[i] ?? 0n) !== (b[i] ?? 0n))
      changed.push(`BR${i} = ${wordText(b[i] ?? 0n)}${i === 0 ? ' (the acceptor)' : ''}`);
  return changed.length === 0 ? null : `sets ${list(changed)}`;
}

function serverText(thread: string, e: UserEffect, facts: StepFacts): string | null {
  if (e.kind !== 'server') return null;
  const d = e.detail;
  const who = (id: string | undefined): string => {
    if (id === undefined) return '?';
    const w = /^0x[0-9a-f]+$/i.test(id) ? BigInt(id) : null;
    return (w === null ? null : facts.threadName?.(w)) ?? id;
  };
  switch (e.op) {
    case 'heap_alloc':
      return d.addr === '0x0'
        ? `${thread}'s heap_alloc(${d.size ?? '?'}) finds no free block that fits and returns 0`
        : `${thread}'s heap_alloc(${d.size ?? '?'}) returns ${d.addr ?? '?'}`;
    case 'heap_free':
      return `${thread}'s heap_free(${d.addr ?? '?'}) returns the block to the heap`;
    case 'rq_push':
      return `${thread}'s rq_push puts ${who(d.thread)} at the tail of the run queue (length ${d.length ?? '?'})`;
    case 'rq_pop':
      return d.result === 'ok'
        ? `${thread}'s rq_pop takes ${who(d.thread)} off the head of the run queue (length ${d.length ?? '?'})`
        : `${thread}'s rq_pop finds the run queue empty`;
    default: {
      const args = Object.entries(d)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ');
      return `${thread}'s ${e.op}${args ? ` (${args})` : ''}`;
    }
  }
}

function condClause(
  facts: StepFacts,
  info: StmtInfo,
  frame: number,
  unit: CompiledUnit,
): string | null {
  const what = info.what;
  if (what.k !== 'cond') return null;
  const text = conditionText(facts.source, info.line, info.col, what.kw);
  const after = facts.after.frames;
  const top = after[after.length - 1];
  if (after.length - 1 !== frame || top === undefined || what.bodyStart === what.bodyEnd)
    return `${facts.thread} tests \`${text}\``;
  const code = unit.fns[top.fn]?.code;
  const held = top.pc >= what.bodyStart && top.pc < what.bodyEnd && code !== undefined;
  const t = facts.thread;
  if (what.kw === 'if') {
    const branch = /Failed|Error/.test(text) ? 'the error branch' : 'the branch';
    if (held) return `the condition \`${text}\` is true, so ${t} takes ${branch}`;
    return what.elseLine !== null
      ? `the condition \`${text}\` is false, so ${t} takes the else branch (line ${what.elseLine})`
      : `the condition \`${text}\` is false, so ${t} skips ${branch}`;
  }
  return held
    ? `the loop condition \`${text}\` is true, so ${t} runs the loop body`
    : `the loop condition \`${text}\` is false, so ${t} leaves the loop`;
}

function findVar(frame: FrameInfo | undefined, path: string): VarInfo | undefined {
  const walk = (vs: readonly VarInfo[]): VarInfo | undefined => {
    for (const v of vs) {
      if (v.path === path) return v;
      const f = walk(v.fields);
      if (f !== undefined) return f;
    }
    return undefined;
  };
  return frame === undefined ? undefined : walk(frame.vars);
}

/** The sentence for a user-only step (no capital letter added: the thread name leads). */
export function explainStep(unit: CompiledUnit, facts: StepFacts): string {
  const { before, after, thread } = facts;
  const was = inspectFrames(unit, before);
  const now = inspectFrames(unit, after);
  const info = unit.stmts[after.stmt];
  const parts: string[] = [];
  // The frame the statement ran in: where the call stacks still agree, at most the new top.
  let common = 0;
  while (
    common < was.length &&
    common < now.length &&
    before.frames[common]?.fn === after.frames[common]?.fn
  )
    common++;
  const left = was.slice(common).map((f) => f.fn);
  const entered = now.slice(common);
  const resumed = before.status === 'blocked' && before.pending !== null;
  if (resumed) parts.push(`${thread}'s ${before.pending?.kind ?? 'system call'} returns`);
  if (left.length > 0) {
    const to = now[common - 1]?.fn ?? thread;
    parts.push(`${list(left.reverse())} return${left.length === 1 ? 's' : ''} to ${to}`);
  }
  for (const e of facts.effects) {
    const s = serverText(thread, e, facts);
    if (s !== null) parts.push(s);
  }
  const calls = info?.calls ?? [];
  const readsMrs = calls.some((c) => MR_READERS.has(c));
  const changes: VarInfo[] = [];
  for (let d = 0; d < common; d++) {
    const a = was[d];
    const b = now[d];
    if (a !== undefined && b !== undefined) changes.push(...changedIn(a, b));
  }
  if (changes.length > 0) {
    const stores: string[] = [];
    const sets: string[] = [];
    for (const v of changes) {
      const i =
        !readsMrs || v.value === null
          ? -1
          : facts.mrsAfter.findIndex((w, k) => k > 0 && w === v.value);
      if (i > 0) stores.push(`MR${i} (${valueText(v, facts)}) into ${v.path}`);
      else sets.push(assignment(v, facts));
    }
    if (sets.length > 0) parts.push(`${thread} sets ${list(sets)}`);
    if (stores.length > 0) parts.push(`${thread} stores ${list(stores)}`);
  }
  const brs = brWrites(facts);
  if (brs !== null) parts.push(`${thread} ${brs}`);
  const mr =
    calls.some((c) => MR_WRITERS.has(c)) || !readsMrs
      ? mrWrites(facts, calls.includes('L4_MsgLoad'))
      : null;
  if (mr !== null) parts.push(`${thread} ${mr}`);
  for (const f of entered) {
    const args = f.vars.filter((v) => v.param).map((v) => assignment(v, facts));
    parts.push(`${thread} calls ${f.fn}(${args.join(', ')})`);
  }
  const frame = entered.length > 0 ? common - 1 : now.length - 1;
  const cond = info === undefined ? null : condClause(facts, info, frame, unit);
  if (cond !== null) parts.push(cond);
  else if (info?.what.k === 'break') parts.push(`${thread} breaks out of the loop`);
  else if (info?.what.k === 'continue') parts.push(`${thread} goes back to the top of the loop`);
  if (parts.length === 0 || (resumed && parts.length === 1)) {
    const call = calls[0];
    const target =
      info === undefined
        ? null
        : info.what.k === 'decl'
          ? info.what.name
          : assignedTarget(facts.source, info.line, info.col);
    const leaf = target === null ? undefined : findVar(now[now.length - 1], target);
    parts.push(
      leaf !== undefined
        ? `${thread} sets ${assignment(leaf, facts)} (the value it already had)`
        : call !== undefined
          ? `${thread} calls ${call}; no variable changes`
          : `${thread} goes on to line ${after.loc?.line ?? info?.line ?? '?'}`,
    );
  }
  const where =
    now.length > 1 && entered.length === 0 && left.length === 0
      ? ` (in ${now[now.length - 1]?.fn ?? ''})`
      : '';
  const first = parts[0] ?? '';
  const lead =
    where && first.startsWith(`${thread} `)
      ? `${thread}${where}${first.slice(thread.length)}`
      : first;
  return [lead, ...parts.slice(1)].join('; ');
}
