/**
 * The thread machine's own words, read from its state nodes' `meta` (`threadMachine.ts`): one label
 * per state for the statechart panel, the thread badges, the narration and the CLI.
 */
import { threadMachine } from './threadMachine';
import type { ThreadStateMeta } from './threadMachine';
import type { ThreadState } from './threadStates';

/** Top-level state keys: what a badge shows. */
export type StateKind = 'ready' | 'running' | 'sending' | 'receiving' | 'halted';

const cache = new Map<string, ThreadStateMeta>();

/** The `meta` of a state node by its path below the root (`'receiving.reply'`, `'sending.timed'`). */
export function stateMeta(path: string): ThreadStateMeta {
  const hit = cache.get(path);
  if (hit) return hit;
  const meta = threadMachine.getStateNodeById(`thread.${path}`).meta;
  if (meta === undefined) throw new Error(`thread chart: state ${path} has no words`);
  cache.set(path, meta);
  return meta;
}

/** `'receiving.open.timed'` → `'receiving'`. */
export function stateKindOf(state: ThreadState): StateKind {
  return state.split('.')[0] as StateKind;
}

/** The badge symbol of a state (from its top-level node). */
export function stateSymbol(state: ThreadState): string {
  return stateMeta(stateKindOf(state)).symbol ?? '';
}

/** " (timeout armed)" for a timed state, else "". */
export function timedSuffix(state: ThreadState): string {
  return state.endsWith('.timed') ? ` (${stateMeta('sending.timed').label})` : '';
}

/** A short human label: "blocked sending (timeout armed)", "open receive", "waiting for the reply". */
export function stateLabel(state: ThreadState): string {
  const parts = state.split('.');
  // A receive names its mode (the second level); every other state its top-level node.
  const node = parts[0] === 'receiving' ? parts.slice(0, 2).join('.') : (parts[0] ?? state);
  return `${stateMeta(node).label}${timedSuffix(state)}`;
}

/** "an open receive", "a closed receive": a label with its indefinite article. */
export function withArticle(label: string): string {
  return `${/^[aeiou]/i.test(label) ? 'an' : 'a'} ${label}`;
}
