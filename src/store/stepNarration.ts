// The sentence and the lesson notes of one step. A step of user code only is explained from what
// it did (src/lang/vm/explain.ts); a step with kernel events by the kernel's narrate(). A lesson
// note on the statement a blocked thread runs after its call returns shows in the step in which
// the kernel ends that call (the map arrives), not on the thread's next turn.
import { narrate } from '../kernel/index';
import type { KernelEffect, Trace, World } from '../kernel/index';
import { explainUserStep, noteAfterCall } from '../lang';
import { hasKernelEvent, lessonNotes } from './kernelEffects';
import { threadIdName } from './variablesView';

/** narrate() capitalises the sentence; a thread name is an identifier, so it keeps its case. */
function keepNameCase(sentence: string, world: World): string {
  const first = /^[A-Za-z_][A-Za-z0-9_]*/.exec(sentence)?.[0] ?? '';
  const name = world.threads.find(
    (t) => t.name !== first && t.name.toLowerCase() === first.toLowerCase(),
  )?.name;
  return name ? `${name}${sentence.slice(first.length)}` : sentence;
}

function userSentence(
  trace: Trace,
  effects: readonly KernelEffect[],
  world: World,
  before: World,
  sourceLines: readonly string[],
): string | null {
  const statement = effects.find((e) => e.kind === 'statement');
  if (statement?.kind !== 'statement') return null;
  const now = world.threads.find((t) => t.name === statement.thread);
  const was = now === undefined ? undefined : before.threads[now.index];
  if (now === undefined || was === undefined) return null;
  const user = effects.flatMap((e) => (e.kind === 'user' ? [e.effect] : []));
  const text = explainUserStep(trace.programs[now.name], {
    thread: now.name,
    before: was.program,
    after: now.program,
    utcbBefore: was.utcb,
    utcbAfter: now.utcb,
    effects: user,
    source: sourceLines,
    threadName: (id) => threadIdName(world, id),
  });
  if (text !== null) return `${text.startsWith('the ') ? `T${text.slice(1)}` : text}.`;
  return statement.loc === null
    ? `${statement.thread} runs a statement.`
    : `${statement.thread} runs line ${statement.loc.line}.`;
}

/** Effects that make a step the kernel's story rather than the statement's. */
const KERNEL_STORY: ReadonlySet<KernelEffect['kind']> = new Set([
  'syscall.ipc',
  'syscall.threadSwitch',
  'fastpath',
  'halt',
  'outcome',
]);

const lowerFirst = (s: string) => `${s.charAt(0).toLowerCase()}${s.slice(1)}`;

/** The narration of step `i` (frame 0: what the lesson teaches). */
export function stepNarration(
  trace: Trace,
  i: number,
  world: World,
  before: World,
  sourceLines: readonly string[],
  teaches: string,
): string {
  if (i === 0) return teaches;
  const effects = trace.effectsAt(i);
  if (!effects.some((e) => KERNEL_STORY.has(e.kind))) {
    const s = userSentence(trace, effects, world, before, sourceLines);
    if (s !== null) {
      // A timeslice that ends, a timeout that fires: the kernel's part follows the statement's.
      const rest = effects.filter((e) => e.kind !== 'statement' && e.kind !== 'user');
      if (!hasKernelEvent(rest) || rest.every((e) => e.kind === 'thread.state')) return s;
      const k = keepNameCase(narrate(rest, world), world);
      return `${s.slice(0, -1)}; ${lowerFirst(k)}`;
    }
  }
  return keepNameCase(narrate(effects, world), world);
}

const isBlocked = (state: string) => state.startsWith('sending') || state.startsWith('receiving');

/** The lesson notes of step `i`. */
export function stepNotes(trace: Trace, i: number, world: World, before: World): string[] {
  const effects = trace.effectsAt(i);
  const notes = lessonNotes(effects);
  // The thread that ran resumed from a call: the note after that call was shown when it ended.
  const statement = effects.find((e) => e.kind === 'statement');
  if (statement?.kind === 'statement') {
    const was = before.threads.find((t) => t.name === statement.thread);
    const early = was && noteAfterCall(trace.programs[was.name], was.program);
    if (early) {
      const at = notes.indexOf(early);
      if (at >= 0) notes.splice(at, 1);
    }
  }
  // Threads whose call the kernel ended in this step: the note they meet next.
  for (const e of effects) {
    if (e.kind !== 'thread.state' || !isBlocked(e.from) || isBlocked(e.to)) continue;
    const t = world.threads.find((x) => x.name === e.thread);
    const note = t && noteAfterCall(trace.programs[t.name], t.program);
    if (note && !notes.includes(note)) notes.push(note);
  }
  return notes;
}
