/** The trace JSON as a file's text (golden traces, exports). */
import type { TraceJson } from './traceJson';

/**
 * The trace as text for files (golden traces, exports): the same JSON, with one event and one
 * thread per line so that a diff shows what changed.
 */
export function formatTraceJson(trace: TraceJson): string {
  const { events, threads, spaces, ...head } = trace;
  const top = Object.entries(head).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  const ev = events.map((e) => `    ${JSON.stringify(e)}`).join(',\n');
  const th = Object.entries(threads)
    .map(([name, t]) => `    ${JSON.stringify(name)}: ${JSON.stringify(t)}`)
    .join(',\n');
  const eventsText = events.length === 0 ? '[]' : `[\n${ev}\n  ]`;
  const sp = Object.entries(spaces)
    .map(([name, m]) => `    ${JSON.stringify(name)}: ${JSON.stringify(m)}`)
    .join(',\n');
  const parts = [
    ...top,
    `  "events": ${eventsText}`,
    `  "threads": {\n${th}\n  }`,
    `  "spaces": {\n${sp}\n  }`,
  ];
  return `{\n${parts.join(',\n')}\n}\n`;
}
