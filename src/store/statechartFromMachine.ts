// The statechart the UI draws, read from the XState machine the kernel runs (its state nodes and
// their transitions), so the drawing cannot drift from the model.
import type { AnyStateNode } from 'xstate';
import { THREAD_EVENT_LABELS, threadMachine } from '../kernel/index';
import type { ThreadStateMeta } from '../kernel/index';
import type { StatechartView } from './viewModel';

const EVENT_LABELS: Readonly<Record<string, string>> = THREAD_EVENT_LABELS;

/** 'thread.receiving.open' → 'receiving.open' (ids relative to the machine's root). */
function pathOf(node: AnyStateNode, rootId: string): string {
  return node.id.startsWith(`${rootId}.`) ? node.id.slice(rootId.length + 1) : node.id;
}

/** The thread machine as the statechart panel draws it: its nodes' words and chart positions. */
export function statechartFromMachine(): StatechartView {
  const root = threadMachine.root;
  const grid: Record<string, readonly [number, number]> = {};
  const states: { id: string; label: string; parent: string | null }[] = [];
  const transitions: { from: string; to: string; event: string }[] = [];
  const seen = new Set<string>();
  const walk = (node: AnyStateNode, parent: string | null): void => {
    for (const child of Object.values(node.states)) {
      const id = pathOf(child, root.id);
      const meta = child.meta as ThreadStateMeta | undefined;
      states.push({ id, label: meta?.label ?? child.key, parent });
      if (meta?.chart) grid[id] = meta.chart;
      for (const [event, defs] of child.transitions) {
        for (const def of defs) {
          for (const target of def.target ?? []) {
            const to = pathOf(target, root.id);
            const key = `${id}|${to}|${event}`;
            if (seen.has(key)) continue;
            seen.add(key);
            transitions.push({ from: id, to, event: EVENT_LABELS[event] ?? event });
          }
        }
      }
      walk(child, id);
    }
  };
  walk(root, null);
  return { states, transitions, grid };
}
