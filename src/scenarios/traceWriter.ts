/**
 * The one writer of the `rendezvous-trace` text (docs/trace-format.md): `cli run` feeds it while
 * the kernel steps (src/cli/streamTrace.ts), and the page's "Trace (JSON)" export feeds it the
 * recorded frames (`traceText`), so both print the same bytes for the same run. The head (format,
 * version, scenario, abi) comes first, then the events as they happen, then what is known at the
 * end (steps, outcome, time, threads, spaces). `traceJson` builds the same fields as an object.
 */
import { hex } from '../kernel/abi/word';
import type { ScenarioRun } from './runner';
import { eventsOf, traceHead, traceTail } from './traceJson';
import type { TraceEvent, TraceHead, TraceTail } from './traceJson';

/** Output is handed on in chunks of about this many characters. */
const CHUNK = 1 << 16;

export interface TraceWriter {
  /** Appends events, in order. */
  events(list: readonly TraceEvent[]): void;
  /** Writes the tail and the closing newline; nothing may follow. */
  end(tail: TraceTail): void;
}

/** A writer of one trace's text to `write`, in chunks. */
export function traceWriter(head: TraceHead, write: (chunk: string) => void): TraceWriter {
  let buffer = `${JSON.stringify(head).slice(0, -1)},"events":[`;
  let first = true;
  return {
    events(list) {
      for (const event of list) {
        buffer += first ? JSON.stringify(event) : `,${JSON.stringify(event)}`;
        first = false;
      }
      if (buffer.length >= CHUNK) {
        write(buffer);
        buffer = '';
      }
    },
    end(tail) {
      write(`${buffer}],${JSON.stringify(tail).slice(1)}\n`);
      buffer = '';
    },
  };
}

/** A recorded run's trace as `cli run` prints it (the same bytes; replays the trace once). */
export function traceText(run: ScenarioRun): string {
  const { trace } = run;
  const chunks: string[] = [];
  let world = trace.frameAt(0).world;
  const names = new Map(world.threads.map((t) => [hex(t.id), t.name]));
  const writer = traceWriter(traceHead(run.scenario.id, world.abi), (c) => chunks.push(c));
  for (let i = 1; i < trace.length; i++) {
    const frame = trace.frameAt(i);
    world = frame.world;
    writer.events(eventsOf(frame.effects, i, world.now, names));
  }
  writer.end(traceTail(world, trace.length - 1, run.outcome));
  return chunks.join('');
}
