/**
 * The model's invariants, checked after every step of every kernel test. Each returns the list of
 * violations (empty when the world is consistent).
 *
 * `checkInvariants(world)`: every thread in exactly one state, consistent with the queues (running ⇔
 * the CPU's thread; ready ⇔ in the ready list, in priority order; sending ⇔ in the receiver's send
 * queue; receiving ⇔ a receive wait; halted ⇔ a halt reason; timed ⇔ an armed timeout).
 * The outcome agrees with the final states (finished ⇔ every thread halted; a deadlock's waits are
 * real blocked waits and its cycle follows them; idle ⇔ only open or any-local receivers wait).
 * `checkStepInvariants(prev, next, effects, programs)`: the clock never goes back; each delivered
 * message equals what was sent, comes from a send that was pending (the sender trapped in this step
 * or was blocked sending) and is delivered at most once, and leaves the receiver's MRs above u+t
 * untouched.
 */
import { decodeMsgTag, withErrorFlag } from './abi/msgTag';
import type { KernelEffect } from './effects';
import type { Utcb } from './program';
import { threadByName } from './selectors';
import { isReceivingState, isSendingState, receiveModeOf } from './threadStates';
import type { Outcome, Programs, Thread, World } from './types';

export function checkInvariants(world: World): string[] {
  const errors: string[] = [];
  const bad = (t: Thread, what: string) => errors.push(`${t.name} (${t.state}): ${what}`);
  const running = world.threads.filter((t) => t.state === 'running');
  if (
    world.current === null
      ? running.length !== 0
      : running.map((t) => t.index).join() !== `${world.current}`
  ) {
    errors.push(
      `running threads [${running.map((t) => t.name).join()}] ≠ current ${world.current}`,
    );
  }
  const seen = new Set<number>();
  world.ready.forEach((i, pos) => {
    const t = world.threads[i];
    if (t === undefined || t.state !== 'ready' || seen.has(i)) errors.push(`bad ready entry ${i}`);
    seen.add(i);
    const prev = world.threads[world.ready[pos - 1] ?? i];
    if (t !== undefined && prev !== undefined && prev.priority < t.priority)
      errors.push('ready list out of order');
  });
  for (const t of world.threads) {
    if (t.state === 'ready' && !seen.has(t.index)) bad(t, 'ready but not in the ready list');
    if ((t.state === 'halted') !== (t.halt !== null)) bad(t, 'halt reason does not match state');
    if (t.utcb.mrs.length !== 64 || t.utcb.brs.length !== 33) bad(t, 'UTCB shape');
    const w = t.wait;
    const inQueues = world.threads.filter((r) => r.sendQueue.includes(t.index));
    const sending = isSendingState(t.state);
    if (sending !== (w?.phase === 'send' && !w.locked)) bad(t, 'sending state ≠ blocked send wait');
    if (sending) {
      const ok = inQueues.length === 1 && inQueues[0]?.index === w?.partner;
      if (!ok) bad(t, 'not queued exactly on its receiver');
      if (t.state.endsWith('.timed') !== (w?.deadline !== null)) bad(t, 'timed ≠ deadline');
    } else if (inQueues.length > 0) bad(t, 'in a send queue without blocking on send');
    if (isReceivingState(t.state)) {
      if (w?.phase !== 'receive' || w.mode !== receiveModeOf(t.state))
        bad(t, 'receive wait mismatch');
      if (t.state.endsWith('.timed') !== (w?.deadline !== null && w?.deadline !== undefined)) {
        bad(t, 'timed ≠ deadline');
      }
    }
    if (w?.locked === true && w.phase === 'send' && t.state !== 'ready')
      bad(t, 'locked sender not ready');
    if ((t.state === 'running' || t.state === 'halted') && w !== null)
      bad(t, 'wait record while not blocked');
    if (t.state === 'ready' && w !== null && !w.locked) bad(t, 'wait record while ready');
    if (new Set(t.sendQueue).size !== t.sendQueue.length) bad(t, 'duplicate send-queue entry');
    const armed = world.timeouts.filter((p) => p.thread === t.index);
    const deadline = w?.deadline ?? null;
    if (armed.length > 1 || (armed[0]?.at ?? null) !== deadline) bad(t, 'timeout list ≠ deadline');
  }
  world.timeouts.forEach((p, i) => {
    const q = world.timeouts[i - 1];
    if (q !== undefined && (q.at > p.at || (q.at === p.at && q.seq > p.seq)))
      errors.push('timeouts out of order');
    if (p.at <= world.now && world.current !== null)
      errors.push(`timeout at ${p.at} not fired by ${world.now}`);
  });
  if (world.outcome !== null && (world.current !== null || world.ready.length > 0)) {
    errors.push('outcome reported while threads can run');
  }
  if (world.outcome !== null) errors.push(...checkOutcome(world, world.outcome));
  return errors;
}

/** The outcome (reported when nothing can run again) matches the threads' final states. */
function checkOutcome(world: World, outcome: Outcome): string[] {
  const errors: string[] = [];
  const live = world.threads.filter((t) => t.halt === null);
  if (world.timeouts.length > 0) errors.push(`${outcome.kind} with a timeout still armed`);
  if ((outcome.kind === 'finished') !== (live.length === 0)) {
    errors.push(`outcome ${outcome.kind} but ${live.length} thread(s) not halted`);
  }
  if (outcome.kind === 'deadlock') {
    if (outcome.waits.length === 0) errors.push('deadlock without a wait');
    for (const e of outcome.waits) {
      const t = threadByName(world, e.thread);
      const p = threadByName(world, e.waitsFor);
      if (t?.wait?.phase !== e.phase || t.wait.partner !== p?.index)
        errors.push(`deadlock wait ${e.thread}→${e.waitsFor} is not a blocked wait`);
    }
    outcome.cycle.forEach((name, i) => {
      const next = outcome.cycle[(i + 1) % outcome.cycle.length];
      if (!outcome.waits.some((e) => e.thread === name && e.waitsFor === next))
        errors.push(`deadlock cycle ${outcome.cycle.join('→')} does not follow the waits`);
    });
  }
  if (outcome.kind === 'idle') {
    for (const t of live) {
      if (t.wait?.phase !== 'receive' || t.wait.partner !== null)
        errors.push(`idle but ${t.name} waits on a partner`);
    }
  }
  return errors;
}

/** The UTCB a thread had when its part of the step began (after its statement, if it ran one). */
function utcbBefore(
  prev: World,
  effects: readonly KernelEffect[],
  programs: Programs,
  t: Thread,
): Utcb {
  const ran = effects[0]?.kind === 'statement' && effects[0].thread === t.name;
  const program = programs[t.name];
  if (!ran || program === undefined) return t.utcb;
  return program.step(t.program, { abi: prev.abi, self: t.id, utcb: t.utcb }, t.resume).utcb;
}

export function checkStepInvariants(
  prev: World,
  next: World,
  effects: readonly KernelEffect[],
  programs: Programs,
): string[] {
  const errors: string[] = [];
  if (next.now < prev.now) errors.push(`the clock went back from ${prev.now} to ${next.now}`);
  const transfers = effects.filter((e) => e.kind === 'ipc.transfer');
  const receivers = transfers.map((e) => e.to);
  if (new Set(receivers).size !== receivers.length)
    errors.push('a thread received twice in one step');
  const senders = transfers.map((e) => e.from);
  if (new Set(senders).size !== senders.length) errors.push('a message was delivered twice');
  for (const from of senders) {
    const trapped = effects.some((e) => e.kind === 'syscall.ipc' && e.thread === from);
    if (!trapped && threadByName(prev, from)?.wait?.phase !== 'send')
      errors.push(`${from} delivered a message it was not sending`);
  }
  transfers.forEach((e, n) => {
    const s0 = threadByName(prev, e.from);
    const r0 = threadByName(prev, e.to);
    const r1 = threadByName(next, e.to);
    const s1 = threadByName(next, e.from);
    if (s0 === undefined || r0 === undefined || r1 === undefined || s1 === undefined) return;
    const { u, t } = decodeMsgTag(e.tag, prev.abi);
    const sent = utcbBefore(prev, effects, programs, s0).mrs;
    const receivesLater = receivers.slice(n + 1).includes(e.from);
    if (!receivesLater && e.words.some((w, i) => w !== (sent[i + 1] ?? 0n))) {
      errors.push(`${e.from}→${e.to}: transfer words differ from the sender's MRs`);
    }
    const before = utcbBefore(prev, effects, programs, r0).mrs;
    const copied = e.failed || t % 2 === 1 ? u : u + t;
    for (let i = 1; i <= copied; i++) {
      if (r1.utcb.mrs[i] !== e.words[i - 1]) errors.push(`${e.to}: MR${i} is not what was sent`);
    }
    for (let i = u + t + 1; i < 64; i++) {
      // MR(u+t+1) may be the second word of an item that starts at MR(u+t) (ipcx.cc bounds check).
      const readPastEnd = t > 0 && i === u + t + 1 && r1.utcb.mrs[i] === sent[i];
      if (r1.utcb.mrs[i] !== before[i] && !readPastEnd)
        errors.push(`${e.to}: MR${i} above u+t changed`);
    }
    const tag = e.failed ? withErrorFlag(e.tag) : e.tag;
    const got = r1.resume;
    if (r1.halt === null && (got?.kind !== 'ipc' || got.tag !== tag)) {
      errors.push(`${e.to}: returned tag is not the delivered tag`);
    }
    const trapped = effects[0]?.kind === 'statement' && effects[0].thread === e.to;
    // A thread receives in a step if it was waiting, trapped into the IPC, or finished its own
    // send phase earlier in this step and went on to its receive phase (rendezvous.ts).
    const sentFirst = senders.slice(0, n).includes(e.to);
    if (r0.wait?.phase !== 'receive' && !trapped && !sentFirst)
      errors.push(`${e.to} received without waiting`);
    if (next.threads.some((x) => x.sendQueue.includes(s1.index) && x.name === e.to)) {
      errors.push(`${e.from} still queued on ${e.to} after delivering`);
    }
  });
  return errors;
}
