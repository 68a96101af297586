/** Read-only views of a world for the UI, the CLI and tests. */
import type { Thread, ThreadIndex, World } from './types';

export function threadByName(world: World, name: string): Thread | undefined {
  return world.threads.find((t) => t.name === name);
}

export function threadName(world: World, index: ThreadIndex | null): string | null {
  return index === null ? null : (world.threads[index]?.name ?? null);
}

/** The ready queues, highest priority first: `[{ priority, threads: [names in FIFO order] }]`. */
export function readyQueues(
  world: World,
): { readonly priority: number; readonly threads: readonly string[] }[] {
  const queues: { priority: number; threads: string[] }[] = [];
  for (const i of world.ready) {
    const t = world.threads[i];
    if (t === undefined) continue;
    const last = queues[queues.length - 1];
    if (last?.priority === t.priority) last.threads.push(t.name);
    else queues.push({ priority: t.priority, threads: [t.name] });
  }
  return queues;
}
