/**
 * When no thread can ever run again (nothing runnable, no armed timeout): `finished` if every thread
 * halted; `deadlock` if some thread waits on a specific partner (blocked sending, or a closed receive
 * such as a Call waiting for its reply), with the wait-for cycle if there is one; else `idle` (only
 * open / any-local receivers wait, e.g. servers whose clients have ended).
 */
import type { Outcome, Thread, WaitEdge } from './types';

/** The wait-for edges: thread → the one partner it waits on. */
export function waitEdges(threads: readonly Thread[]): WaitEdge[] {
  const edges: WaitEdge[] = [];
  for (const t of threads) {
    const w = t.wait;
    if (w === null || w.partner === null || t.halt !== null) continue;
    const partner = threads[w.partner];
    if (partner !== undefined)
      edges.push({ thread: t.name, waitsFor: partner.name, phase: w.phase });
  }
  return edges;
}

/** The first wait-for cycle (each waits for the next, the last for the first), or []. */
export function findCycle(edges: readonly WaitEdge[]): string[] {
  const next = new Map(edges.map((e) => [e.thread, e.waitsFor]));
  for (const start of edges) {
    const path: string[] = [];
    let at: string | undefined = start.thread;
    while (at !== undefined && !path.includes(at)) {
      path.push(at);
      at = next.get(at);
    }
    if (at !== undefined) return path.slice(path.indexOf(at));
  }
  return [];
}

export function stuckOutcome(threads: readonly Thread[]): Outcome {
  if (threads.every((t) => t.halt !== null)) return { kind: 'finished' };
  const waits = waitEdges(threads);
  if (waits.length > 0) return { kind: 'deadlock', cycle: findCycle(waits), waits };
  return {
    kind: 'idle',
    waiting: threads.filter((t) => t.halt === null).map((t) => t.name),
  };
}
