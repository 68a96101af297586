/**
 * One plain sentence per step for students, built from the step's effects, e.g. "client calls
 * memserver: memserver was waiting in an open receive, so the kernel copies MR0..MR3 and switches
 * directly to memserver; client now waits for the reply."
 */
import { hex } from './abi/word';
import type { KernelEffect } from './effects';
import type { IpcWrapper } from './program';
import { stateLabel, stateMeta, withArticle } from './stateWords';
import type { ThreadState } from './threadStates';
import type { Outcome, World } from './types';
import { whoWaitsForWhom } from './waitsFor';

type Effect<K extends KernelEffect['kind']> = Extract<KernelEffect, { kind: K }>;

const VERBS: Partial<Record<IpcWrapper, string>> = {
  L4_Call: 'calls',
  L4_Call_Timeouts: 'calls',
  L4_Lcall: 'calls',
  L4_Send: 'sends to',
  L4_Send_Timeout: 'sends to',
  L4_Reply: 'replies to',
  L4_ReplyWait: 'replies to',
  L4_ReplyWait_Timeout: 'replies to',
  L4_LreplyWait: 'replies to',
  L4_Receive: 'receives from',
  L4_Receive_Timeout: 'receives from',
};

function subject(e: Effect<'syscall.ipc'>): string {
  if (e.wrapper === 'L4_Sleep') return `${e.thread} sleeps`;
  if (e.wrapper === 'L4_Wait' || e.wrapper === 'L4_Wait_Timeout')
    return `${e.thread} waits for a message`;
  const verb = VERBS[e.wrapper] ?? `calls ${e.wrapper} to`;
  const target = e.wrapper.startsWith('L4_Receive') ? e.fromName : e.toName;
  if (e.to === 0n && e.fromSpecifier === 0n) return `${e.thread} calls ${e.wrapper} with no phase`;
  const named = target ?? hex(e.wrapper.startsWith('L4_Receive') ? e.fromSpecifier : e.to);
  const waits = e.wrapper.includes('ReplyWait') ? ' and waits for the next message' : '';
  return `${e.thread} ${verb} ${named}${waits}`;
}

const DIRECT = 'the kernel switches directly to ';

function waitingPhrase(state: ThreadState | null): string {
  if (state === null || !state.startsWith('receiving.')) return 'waiting';
  const label = stateLabel(state);
  return label.startsWith('waiting') ? label : `waiting in ${withArticle(label)}`;
}

const mrRange = (e: Effect<'ipc.transfer'>) =>
  e.words.length === 0 ? 'MR0 (the tag)' : `MR0..MR${e.words.length}`;

function priorState(
  effects: readonly KernelEffect[],
  from: number,
  thread: string,
): ThreadState | null {
  for (let i = from; i < effects.length; i++) {
    const e = effects[i];
    if (e?.kind === 'thread.state' && e.thread === thread) return e.from;
  }
  return null;
}

/** Why ThreadSwitch to `dest` only yields: what dest is blocked in (it never ends an IPC). */
function yieldReason(world: World, dest: string | null): string {
  const t = world.threads.find((x) => x.name === dest);
  if (t === undefined || dest === null) return ' (no such thread is runnable), so it only yields';
  const partner = t.wait?.partner;
  const p =
    partner === null || partner === undefined ? null : (world.threads[partner]?.name ?? null);
  const blocked = t.state.startsWith('receiving.reply')
    ? `is blocked waiting for a reply from ${p ?? 'its partner'}`
    : t.state.startsWith('receiving')
      ? 'is blocked in a receive'
      : t.state.startsWith('sending')
        ? `is blocked sending to ${p ?? 'its partner'}`
        : t.state === 'halted'
          ? 'has halted'
          : 'is not runnable';
  return `, but ${dest} ${blocked}: ThreadSwitch only hands the CPU to a runnable thread and never ends an IPC, so this is just a yield`;
}

function clause(
  effects: readonly KernelEffect[],
  i: number,
  e: KernelEffect,
  world: World,
): string | null {
  switch (e.kind) {
    case 'ipc.transfer': {
      if (e.rendezvous === 'senderQueued') {
        return `${e.from} was queued sending to ${e.to}, so the kernel copies ${mrRange(e)} from ${e.from} to ${e.to}`;
      }
      return `${e.to} was ${waitingPhrase(priorState(effects, i, e.to))}, so the kernel copies ${mrRange(e)}`;
    }
    case 'ipc.error':
      return `${e.thread}'s IPC fails in the ${e.phase} phase: ${e.name.replace(/_/g, ' ')} (ErrorCode ${hex(e.errorCode)})`;
    case 'ipc.send.blocked':
      return `${e.to} is not waiting for ${e.thread}, so ${e.thread} queues on ${e.to} (position ${e.position + 1}) and blocks`;
    case 'ipc.receive.blocked':
      if (e.mode === 'reply') return `${e.thread} now waits for the reply`;
      if (e.from === e.thread)
        return `${e.thread} waits for a message from itself, which only a timeout can end`;
      return `${e.thread} blocks in ${withArticle(stateMeta(`receiving.${e.mode}`).label)}${e.from === null ? '' : ` from ${e.from}`}`;
    case 'ipc.locked':
      return `${e.receiver} takes ${e.sender}'s message, which ${e.sender} delivers when it next runs`;
    case 'map':
    case 'grant':
      return `${e.kind === 'map' ? 'maps' : 'grants'} ${e.regions.length} region${e.regions.length === 1 ? '' : 's'} from ${e.from} to ${e.to}`;
    case 'switch':
      if (e.to === null) return 'the CPU idles';
      if (e.reason === 'ipcDirect') return `${DIRECT}${e.to}`;
      if (e.reason === 'donate') return `${e.to} runs at once, on its own timeslice`;
      if (e.reason === 'timeslice')
        return `${e.from ?? 'the thread'}'s timeslice ends and ${e.to} runs`;
      if (e.reason === 'wakeup')
        return `${e.to}, woken with a higher priority, preempts ${e.from ?? 'the idle thread'}`;
      // A queued sender is switched to only to finish its send: the transfer clause says it.
      if (
        e.reason === 'ipcSender' &&
        effects
          .slice(i)
          .some(
            (x) => x.kind === 'ipc.transfer' && x.from === e.to && x.rendezvous === 'senderQueued',
          )
      )
        return null;
      return e.reason === 'ipcSender' || e.reason === 'ipcReplyWait'
        ? `${e.to} runs`
        : `${e.to} runs next`;
    case 'timeout':
      return `${e.thread}'s ${e.phase} timeout fires`;
    case 'time.advance':
      return `nothing can run, so the clock jumps from ${e.from} µs to ${e.to} µs`;
    case 'halt':
      return e.reason.kind === 'exit'
        ? `${e.thread} has finished: its function returned`
        : `${e.thread} faults: ${e.reason.reason}`;
    case 'syscall.threadSwitch':
      if (e.result === 'self') return `${e.thread} switches to itself, which does nothing`;
      if (e.result === 'donate')
        return `${e.thread} switches to ${e.destName ?? hex(e.dest)} (the reference passes 7 where a flag mask was meant, so no timeslice is donated)`;
      if (e.destName === null && e.dest === 0n)
        return `${e.thread} yields the rest of its timeslice`;
      return `${e.thread} calls L4_ThreadSwitch(${e.destName ?? hex(e.dest)})${yieldReason(world, e.destName)}`;
    case 'fastpath':
      return `${e.thread} calls L4_UserIpc to itself: the user library returns MR0 (${hex(e.tag)}) without entering the kernel`;
    case 'statement':
    case 'user':
    case 'syscall.ipc':
    case 'thread.state':
    case 'deadlock':
    case 'outcome':
      return null;
  }
}

function outcomeSentence(o: Outcome, world: World): string {
  if (o.kind === 'finished') return 'Every thread has finished.';
  if (o.kind === 'idle') {
    const who = whoWaitsForWhom(world, o.waiting);
    return who === null ? 'Nothing can run any more.' : `Nothing can run any more: ${who}.`;
  }
  const alive = world.threads.filter((t) => t.state !== 'halted').map((t) => t.name);
  const waits =
    whoWaitsForWhom(world, alive) ??
    o.waits.map((w) => `${w.thread} waits for ${w.waitsFor}`).join(', ');
  const cycle = o.cycle.length > 0 ? ` (cycle ${[...o.cycle, o.cycle[0] ?? ''].join(' → ')})` : '';
  return `Deadlock: ${waits}${cycle}; no thread can ever run again.`;
}

/** One sentence describing a step. `world` is the world after the step (for context). */
export function narrate(effects: readonly KernelEffect[], world: World): string {
  const outcome = effects.find((e) => e.kind === 'outcome');
  if (outcome !== undefined) return outcomeSentence(outcome.outcome, world);
  const parts: string[] = [];
  let head: string | null = null;
  for (const [i, e] of effects.entries()) {
    if (e.kind === 'syscall.ipc') head = subject(e);
    else {
      const c = clause(effects, i, e, world);
      if (c !== null) parts.push(c);
    }
  }
  const statement = effects.find((e) => e.kind === 'statement');
  if (head === null && parts.length === 0) {
    return statement === undefined
      ? `At ${world.now} µs nothing happens.`
      : `${statement.thread} runs ${statement.loc === null ? 'a statement' : `line ${statement.loc.line}`}.`;
  }
  const direct = parts.findIndex((p) => p.startsWith(DIRECT));
  const copy = parts.findIndex((p) => p.includes('so the kernel copies'));
  if (direct >= 0 && copy >= 0 && copy < direct) {
    parts[copy] =
      `${parts[copy] ?? ''} and switches directly to ${(parts[direct] ?? '').slice(DIRECT.length)}`;
    parts.splice(direct, 1);
  }
  const body = parts.join('; ');
  const sentence = head === null ? body : parts.length === 0 ? head : `${head}: ${body}`;
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}
