// The adapter from the kernel model to the panels: a recorded kernel trace (plus what the scenario
// knows: its text, code ranges, protocol names, server state) as a FrameSource. Frames are built on
// demand from `trace.frameAt(i)` (checkpoints, no replay from the start); summaries read only the
// step's effects. The store caches both (frameCache.ts), so memory follows what is viewed.
import { hex } from '../kernel/abi/word';
import { parentOf, stateKindOf, writtenPages } from '../kernel/index';
import type {
  KernelEffect,
  Mapping,
  Outcome as KernelOutcome,
  Trace,
  World,
} from '../kernel/index';
import { hasKernelEvent, messagesOf } from './kernelEffects';
import type { LabelNamer } from './kernelEffects';
import { internThreads } from './internThreads';
import { kernelThreadView } from './kernelThreadView';
import type { FieldNamer } from './kernelThreadView';
import { sizeText } from './registerView';
import { statechartFromMachine } from './statechartFromMachine';
import { stepNarration, stepNotes } from './stepNarration';
import { fpageWordsOf } from './unmapWords';
import { variablesAt } from './variablesView';
import type {
  BlockChange,
  BlockedMark,
  FrameSource,
  FrameView,
  HeapView,
  MappingView,
  Outcome,
  RunQueueView,
  ScenarioMeta,
  SpaceView,
  StatechartView,
  StepSummary,
} from './viewModel';

export interface KernelScenario {
  readonly meta: ScenarioMeta;
  readonly sourceText: string;
  readonly trace: Trace;
  /** MR1.. names from the scenario's request/reply structs. */
  readonly fieldNames?: FieldNamer;
  /** Names of protocol labels (`#define ADD_LABEL 0xadd`). */
  readonly labelNames?: LabelNamer;
  /** The servers' state in a world (the memory heap, the scheduler's run queue). */
  readonly servers?: (world: World) => {
    readonly heap: HeapView | null;
    readonly runQueue: RunQueueView | null;
  };
  /** The trace is the first part of a run still being recorded: its last frame is not the end. */
  readonly recording?: boolean;
  /**
   * A compiled line's number in the file it was written in (an included server keeps its own), so
   * the narration and the variables name the line the listing numbers; absent: the same number.
   */
  readonly lineNumber?: (line: number) => number;
}

/** Every "line N" of a sentence (compiled numbering) in the file's own numbering. */
export function ownLines(sentence: string, lineNumber: (line: number) => number): string {
  return sentence.replace(/\bline (\d+)/g, (_, n: string) => `line ${lineNumber(Number(n))}`);
}

let machineChart: StatechartView | null = null;

/** The thread statechart as the UI draws it (read once from the kernel's machine). */
export function threadStatechart(): StatechartView {
  // Positions come from the machine's `meta.chart`: ready ⇄ running ⇒ halted on top, the two
  // blocked states below.
  machineChart ??= statechartFromMachine();
  return machineChart;
}

export function rightsText(rights: number): string {
  return `${rights & 4 ? 'r' : '-'}${rights & 2 ? 'w' : '-'}${rights & 1 ? 'x' : '-'}`;
}

function mappingView(world: World, space: number, m: Mapping): MappingView {
  const parent = parentOf(world.spaces, m);
  const source = m.from === undefined ? undefined : world.spaces[m.from.space]?.name;
  return {
    key: `${world.spaces[space]?.name ?? space}:${hex(m.base)}`,
    parent:
      parent === null
        ? null
        : `${world.spaces[parent.space]?.name ?? parent.space}:${hex(parent.mapping.base)}`,
    fpage: `${hex(m.base)}, ${sizeText(1n << BigInt(m.sizeLog2))}`,
    rights: rightsText(m.rights),
    from: m.from === undefined ? null : `from ${source ?? '?'} ${hex(m.from.base)}`,
  };
}

const MEMORY_HEAD = 4;

function memoryPageView(p: { readonly base: bigint; readonly words: readonly bigint[] }) {
  const head = p.words.slice(0, MEMORY_HEAD);
  while (head.length > 1 && head[head.length - 1] === 0n) head.pop();
  return {
    base: hex(p.base),
    address: p.base,
    used: p.words.filter((w) => w !== 0n).length,
    head: head.map(hex),
    words: p.words,
  };
}

function spacesOf(world: World): SpaceView[] {
  return world.spaces.map((sp, i) => ({
    name: sp.name,
    threads: world.threads.filter((t) => t.space === i).map((t) => t.name),
    mappings: sp.mappings.map((m) => mappingView(world, i, m)),
    memory: writtenPages(sp.memory).map(memoryPageView),
  }));
}

function outcomeOf(kernel: KernelOutcome | null, last: boolean): Outcome {
  if (kernel === null) return last ? { kind: 'max-steps' } : { kind: 'running' };
  if (kernel.kind === 'deadlock') return { kind: 'deadlock', cycle: kernel.cycle };
  return { kind: kernel.kind };
}

export function fromKernelTrace(scenario: KernelScenario): FrameSource {
  const { trace, meta } = scenario;
  const recording = scenario.recording === true && trace.outcome === null;
  const sourceLines = scenario.sourceText.split('\n');
  const last = trace.length - 1;
  const lineNumber = scenario.lineNumber ?? ((line: number) => line);
  const fpageWords = fpageWordsOf(trace);

  /** The last few frames built, to share unchanged thread views with a neighbour. */
  const recent = new Map<number, FrameView>();
  const remember = (view: FrameView): FrameView => {
    recent.set(view.index, view);
    if (recent.size > 4) recent.delete(recent.keys().next().value ?? view.index);
    return view;
  };

  const frame = (index: number): FrameView => {
    const i = Math.min(Math.max(0, Math.floor(index)), last);
    const neighbour = recent.get(i - 1) ?? recent.get(i + 1);
    const { world, effects } = trace.frameAt(i);
    const before = i > 0 ? trace.frameAt(i - 1).world : world;
    const threads = internThreads(
      world.threads.map((t) => {
        const view = kernelThreadView(
          t,
          world,
          i > 0 ? before.threads[t.index] : t,
          trace.programs,
          scenario.fieldNames,
          fpageWords(t, i),
        );
        return view.halted === null ? view : { ...view, halted: ownLines(view.halted, lineNumber) };
      }),
      neighbour?.threads,
    );
    const messages = messagesOf(effects, i, world.abi, scenario.labelNames, world.now);
    const notes = stepNotes(trace, i, world, before);
    const narration = ownLines(
      stepNarration(trace, i, world, before, sourceLines, meta.teaches),
      lineNumber,
    );
    const servers = scenario.servers?.(world) ?? { heap: null, runQueue: null };
    const changedThreads: string[] = [];
    for (const e of effects)
      if (e.kind === 'thread.state' && !changedThreads.includes(e.thread))
        changedThreads.push(e.thread);
    return remember({
      index: i,
      clock: BigInt(world.now),
      running: world.current === null ? null : (world.threads[world.current]?.name ?? null),
      threads,
      narration,
      note: notes.length ? notes.join(' ') : null,
      changes: {
        threads: changedThreads,
        transfer:
          [...messages].reverse().find((m) => !m.failed && !m.queued && !m.threadSwitch) ??
          messages.find((m) => m.failed) ??
          null,
      },
      heap: servers.heap,
      runQueue: servers.runQueue,
      spaces: spacesOf(world),
      outcome: outcomeOf(i === last ? trace.outcome : null, i === last && !recording),
    });
  };

  const blocked = (index: number): BlockedMark[] => {
    const { world } = trace.frameAt(Math.min(Math.max(0, Math.floor(index)), last));
    const marks: BlockedMark[] = [];
    for (const t of world.threads) {
      const kind = stateKindOf(t.state);
      if (kind === 'sending' || kind === 'receiving') marks.push({ thread: t.name, kind });
    }
    return marks;
  };

  /** The step's IPCs with the clock after it (from the effects since a checkpoint: no replay). */
  const messagesAt = (i: number, effects: readonly KernelEffect[]) => {
    const found = messagesOf(effects, i, meta.abi, scenario.labelNames);
    if (found.length === 0) return found;
    const time = trace.clockAt(i);
    return found.map((m) => ({ ...m, time }));
  };

  const summary = (index: number): StepSummary => {
    const i = Math.min(Math.max(0, Math.floor(index)), last);
    const effects = trace.effectsAt(i);
    const blockedChanges: BlockChange[] = [];
    for (const e of effects) {
      if (e.kind !== 'thread.state') continue;
      const kind = stateKindOf(e.to);
      blockedChanges.push({
        thread: e.thread,
        kind: kind === 'sending' || kind === 'receiving' ? kind : null,
      });
    }
    return {
      kernelEvent: hasKernelEvent(effects),
      messages: messagesAt(i, effects),
      blockedChanges: i === 0 ? blocked(0) : blockedChanges,
      cues: effects.flatMap((e) =>
        e.kind === 'user' && e.effect.kind === 'cue' ? [e.effect.name] : [],
      ),
    };
  };

  return {
    meta,
    sourceText: scenario.sourceText,
    length: trace.length,
    ...(recording ? { recording: true } : {}),
    frame,
    summary,
    blocked,
    checkpointEvery: trace.checkpointEvery,
    runningAt: (index) => {
      const { world } = trace.frameAt(Math.min(Math.max(0, Math.floor(index)), last));
      const t = world.current === null ? undefined : world.threads[world.current];
      if (!t) return null;
      const program = trace.programs[t.name];
      const loc = t.halt === null && program ? program.nextLoc(t.program) : null;
      return { thread: t.name, line: loc?.line ?? null };
    },
    variables: (index, thread) => {
      const view = variablesAt(trace, Math.min(Math.max(0, Math.floor(index)), last), thread);
      if (view === null) return null;
      const frames = view.frames.map((f) =>
        f.line === null ? f : { ...f, line: lineNumber(f.line) },
      );
      return { ...view, frames };
    },
    statechart: threadStatechart(),
  };
}
