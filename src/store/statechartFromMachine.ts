// The statechart the UI draws, read from the XState machine the kernel runs (its state nodes and
// their transitions), so the drawing cannot drift from the model.
import type { AnyStateMachine, AnyStateNode } from 'xstate';
import type { StatechartView } from './viewModel';

/** Words for the kernel's state keys and events; anything else is shown as it is named. */
const STATE_WORDS: Readonly<Record<string, string>> = {
  ready: 'ready',
  running: 'running',
  sending: 'blocked sending',
  receiving: 'blocked receiving',
  halted: 'halted',
  open: 'open receive',
  anyLocal: 'any-local receive',
  closed: 'closed receive',
  reply: 'waiting for a reply',
  forever: 'no timeout',
  timed: 'timeout armed',
};

const EVENT_WORDS: Readonly<Record<string, string>> = {
  'sched.dispatch': 'dispatch',
  'sched.preempt': 'preempt',
  'ipc.send.block': 'send blocks',
  'ipc.receive.block': 'receive blocks',
  'ipc.locked': 'picked',
  'ipc.complete': 'transfer',
  'ipc.timeout': 'timeout',
  'ipc.cancel': 'cancel',
  'thread.exit': 'exit',
  'thread.fault': 'fault',
};

/** 'thread.receiving.open' → 'receiving.open' (ids relative to the machine's root). */
function pathOf(node: AnyStateNode, rootId: string): string {
  return node.id.startsWith(`${rootId}.`) ? node.id.slice(rootId.length + 1) : node.id;
}

export function statechartFromMachine(machine: AnyStateMachine): Omit<StatechartView, 'grid'> {
  const root = machine.root;
  const states: { id: string; label: string; parent: string | null }[] = [];
  const transitions: { from: string; to: string; event: string }[] = [];
  const seen = new Set<string>();
  const walk = (node: AnyStateNode, parent: string | null): void => {
    for (const child of Object.values(node.states)) {
      const id = pathOf(child, root.id);
      states.push({ id, label: STATE_WORDS[child.key] ?? child.key, parent });
      for (const [event, defs] of child.transitions) {
        for (const def of defs) {
          for (const target of def.target ?? []) {
            const to = pathOf(target, root.id);
            const key = `${id}|${to}|${event}`;
            if (seen.has(key)) continue;
            seen.add(key);
            transitions.push({ from: id, to, event: EVENT_WORDS[event] ?? event });
          }
        }
      }
      walk(child, id);
    }
  };
  walk(root, null);
  return { states, transitions };
}
