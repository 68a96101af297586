// A kernel thread as the threads and register panels show it: its state in words ("waiting for the
// reply from adder"), the line it runs next, its send queue, why it halted, its registers.
import { hex } from '../kernel/abi/word';
import { stateKindOf, stateMeta, stateSymbol, timedSuffix } from '../kernel/index';
import type { Programs, Thread, World } from '../kernel/index';
import { acceptorView, diffWords, errorCodeView, registerView } from './registerView';
import type { RegisterInput } from './registerView';
import type { TagView, ThreadView } from './viewModel';

/** Names MR1.. for a thread holding a message with this tag (the scenario's protocol structs). */
export type FieldNamer = (thread: string, tag: TagView) => readonly string[] | undefined;

/** The thread's state as a phrase that names its partner. */
export function stateWords(thread: Thread, world: World): string {
  const partner = thread.wait?.partner;
  const who =
    partner === null || partner === undefined ? null : (world.threads[partner]?.name ?? null);
  const timed = timedSuffix(thread.state);
  const kind = stateKindOf(thread.state);
  switch (kind) {
    case 'running':
      return stateMeta('running').label;
    case 'ready':
      return `${stateMeta('ready').label} to run`;
    case 'halted':
      return thread.halt?.kind === 'fault' ? 'halted by a fault' : 'finished';
    case 'sending': {
      const queue =
        partner === null || partner === undefined ? [] : (world.threads[partner]?.sendQueue ?? []);
      const at = queue.indexOf(thread.index);
      const place = at >= 0 ? ` (${at + 1}${['st', 'nd', 'rd'][at] ?? 'th'} in its queue)` : '';
      return `blocked sending to ${who ?? 'its partner'}${place}${timed}`;
    }
    case 'receiving': {
      const mode = thread.state.split('.')[1];
      if (mode === 'reply') return `waiting for the reply from ${who ?? 'its partner'}${timed}`;
      if (mode === 'closed') return `waiting to receive from ${who ?? 'its partner'}${timed}`;
      if (mode === 'anyLocal') return `waiting for any local sender${timed}`;
      return `waiting for any sender${timed}`;
    }
  }
}

function haltText(thread: Thread): string | null {
  const h = thread.halt;
  if (h === null) return null;
  if (h.kind === 'exit') return 'reached the end of its code';
  return h.loc ? `${h.reason} (line ${h.loc.line}, column ${h.loc.column})` : h.reason;
}

export function kernelThreadView(
  thread: Thread,
  world: World,
  before: Thread | undefined,
  programs: Programs,
  fieldNames: FieldNamer | undefined,
  fpages: RegisterInput['fpages'] = null,
): ThreadView {
  const program = programs[thread.name];
  const loc = thread.halt === null && program ? program.nextLoc(thread.program) : null;
  const mrs = thread.utcb.mrs;
  const prev = before?.utcb.mrs;
  const changed = prev === undefined || prev === mrs ? [] : diffWords(prev, mrs);
  const abi = world.abi;
  const timeouts = thread.wait?.call.timeouts ?? null;
  const base = registerView({
    mrs,
    abi,
    changed,
    errorCode: errorCodeView(thread.utcb.errorCode, abi),
    br0: acceptorView(thread.utcb.brs[0] ?? 0n, abi),
    timeouts,
    fpages,
  });
  const names = fpages ? undefined : fieldNames?.(thread.name, base.tag);
  return {
    name: thread.name,
    idHex: hex(thread.id),
    priority: thread.priority,
    space: world.spaces[thread.space]?.name ?? '',
    state: thread.state,
    stateLabel: stateWords(thread, world),
    stateKind: stateKindOf(thread.state),
    stateSymbol: stateSymbol(thread.state),
    currentLine: loc?.line ?? null,
    sendQueue: thread.sendQueue.map((i) => world.threads[i]?.name ?? `#${i}`),
    halted: haltText(thread),
    finished: thread.halt?.kind === 'exit',
    registers: names
      ? registerView({
          mrs,
          abi,
          changed,
          errorCode: base.errorCode,
          br0: base.br0,
          fieldNames: names,
          timeouts,
        })
      : base,
  };
}
