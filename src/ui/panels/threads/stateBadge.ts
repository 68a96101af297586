// How a thread state is signalled besides colour: a symbol and a short word.
import type { StateKind } from '../../../store/viewModel';

export const STATE_SYMBOL: Readonly<Record<StateKind, string>> = {
  running: '●',
  ready: '○',
  sending: '⇢',
  receiving: '⇠',
  halted: '■',
  inactive: '–',
};
