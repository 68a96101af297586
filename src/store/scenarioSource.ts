// A scenario run (compiled lesson + recorded kernel trace) as a FrameSource: code blocks from the
// source, word names from the lesson's server protocols, arrow names from its `#define …LABEL`s,
// and the servers' heap and run queue read from the threads' program state.
import { hex } from '../kernel/abi/word';
import type { Word } from '../kernel/abi/word';
import type { World } from '../kernel/index';
import { heapView, runQueueView } from '../lang';
import type { HeapView as LangHeapView } from '../lang';
import type { LangState } from '../lang';
import { traceText } from '../scenarios/index';
import type { ScenarioRun } from '../scenarios/index';
import { nameMessage } from '../servers/protocols';
import type { Protocol } from '../servers/protocols';
import { functionBlocks, labelDefines } from './codeBlocks';
import { fromKernelTrace } from './fromKernelTrace';
import type {
  CodeBlock,
  FrameSource,
  HeapView,
  RunQueueView,
  ScenarioMeta,
  TagView,
} from './viewModel';

function isLangState(value: unknown): value is LangState {
  return typeof value === 'object' && value !== null && 'runQueue' in value && 'heap' in value;
}

/** A thread id word as the thread's name (global or local id), else in hex. */
function nameOfId(world: World, id: Word): string {
  return world.threads.find((t) => t.id === id || t.localId === id)?.name ?? hex(id);
}

function serversOf(world: World, protocols: readonly Protocol[]) {
  let heap: HeapView | null = null;
  let runQueue: RunQueueView | null = null;
  const scheduler = protocols.find((p) => p.id === 'scheduler')?.server;
  for (const t of world.threads) {
    if (!isLangState(t.program)) continue;
    const h: LangHeapView | null = heap === null ? heapView(t.program) : null;
    if (h) {
      heap = {
        server: t.name,
        base: h.base,
        size: h.size,
        blocks: h.blocks
          .filter((b) => !b.free)
          .map((b) => ({
            start: b.base,
            size: b.size,
            owner: b.owner === null ? null : nameOfId(world, b.owner),
          })),
      };
    }
    const queue = runQueueView(t.program);
    if (runQueue === null && (queue.length > 0 || t.name === scheduler)) {
      runQueue = { server: t.name, queue: queue.map((id) => nameOfId(world, id)) };
    }
  }
  return { heap, runQueue };
}

export interface ScenarioExtras {
  /** The server protocols whose words the register panel names. */
  readonly protocols?: readonly Protocol[];
  /** The run's trace is only its first part; more is being recorded. */
  readonly recording?: boolean;
}

export function scenarioSource(run: ScenarioRun, extras: ScenarioExtras = {}): FrameSource {
  const { scenario, trace } = run;
  const protocols = extras.protocols ?? [];
  const lines = scenario.source.split('\n');
  // Listings show each line's number in its own file: included servers keep theirs.
  const numbered = (block: CodeBlock): CodeBlock => ({
    ...block,
    numbers: block.lines.map(
      (_, i) => scenario.origins[block.firstLine - 1 + i]?.line ?? block.firstLine + i,
    ),
  });
  const blockOf = (name: string, start: number, end: number): CodeBlock =>
    numbered({ name, firstLine: start, lines: lines.slice(start - 1, end) });
  const threads = scenario.threads.map((t) =>
    blockOf(t.name, t.codeRange.startLine, t.codeRange.endLine),
  );
  const own = new Set(threads.map((t) => t.firstLine));
  const meta: ScenarioMeta = {
    id: scenario.id,
    title: scenario.title,
    teaches: scenario.teaches,
    abi: scenario.abi,
    threads,
    functions: functionBlocks(scenario.source)
      .filter((f) => !own.has(f.firstLine))
      .map(numbered),
  };
  const labels = labelDefines(scenario.source);
  const source = fromKernelTrace({
    meta,
    sourceText: scenario.source,
    trace,
    fieldNames: (thread: string, tag: TagView) =>
      nameMessage(protocols, tag.raw, scenario.abi, thread)?.names,
    labelNames: (label: bigint) => labels.get(label),
    servers: (world: World) => serversOf(world, protocols),
    lineNumber: (line: number) => scenario.origins[line - 1]?.line ?? line,
    ...(extras.recording ? { recording: true } : {}),
  });
  return { ...source, traceText: () => traceText(run) };
}
