/**
 * `step(world, programs)`: pure and deterministic. One step is one of:
 *  1. the running thread runs one user statement (`Program.step`); the clock advances by
 *     `usPerStatement`; timeouts that expired during it fire; then the kernel handles the
 *     statement's trap (system call, exit, fault); then round robin (timeslice end) or a woken
 *     thread that outranks both the runner and the timeslice's owner may preempt; finally the
 *     scheduler fills an empty CPU;
 *  2. nothing is runnable: the clock jumps to the next timeout, which fires;
 *  3. nothing is runnable and no timeout is armed: the outcome (finished / deadlock / idle).
 */
import { Draft } from './draft';
import type { StepResult, SwitchReason } from './effects';
import { haltThread } from './halt';
import { sysIpc } from './ipc';
import { stuckOutcome } from './outcome';
import type { Memory } from './memory';
import type { Trap, UserStep } from './program';
import { continueSender } from './rendezvous';
import { chargeTimeslice, pickAndRun, preemptCurrent, runThread } from './scheduler';
import { sysThreadSwitch } from './threadSwitch';
import type { Programs, Thread, ThreadIndex, World } from './types';
import { fireTimeouts, highestWoken, preemptsOnWake } from './wakeups';

export function step(world: World, programs: Programs): StepResult {
  if (world.outcome !== null) return { world, effects: [] };
  const k = new Draft(world, programs);
  if (world.current === null) idleStep(k);
  else userStep(k, world.current);
  return { world: k.finish(), effects: k.effects };
}

function idleStep(k: Draft): void {
  const due = k.timeouts[0];
  if (due === undefined) {
    const threads = Array.from({ length: k.threadCount }, (_, i) => k.thread(i));
    const outcome = stuckOutcome(threads);
    k.outcome = outcome;
    if (outcome.kind === 'deadlock') {
      k.emit({ kind: 'deadlock', cycle: outcome.cycle, waits: outcome.waits });
    }
    k.emit({ kind: 'outcome', outcome });
    return;
  }
  if (due.at > k.now) {
    k.emit({ kind: 'time.advance', from: k.now, to: due.at });
    k.now = due.at;
  }
  fireTimeouts(k);
  settle(k, 'timeout');
}

function userStep(k: Draft, t: ThreadIndex): void {
  const thread = k.thread(t);
  const us = runStatement(k, t);
  k.update(t, {
    program: us.state,
    utcb: us.utcb,
    resume: null,
    statements: thread.statements + 1,
  });
  if (us.memory !== undefined) writeSpaceMemory(k, thread.space, us.memory);
  k.emit({ kind: 'statement', thread: thread.name, loc: us.loc });
  for (const effect of us.effects) {
    k.emit(
      effect.kind === 'fastpath'
        ? { kind: 'fastpath', thread: thread.name, tag: effect.tag }
        : { kind: 'user', thread: thread.name, effect },
    );
  }
  const cost = k.options.usPerStatement;
  k.now += cost;
  const sliceEnded = chargeTimeslice(k, cost);
  const woken = fireTimeouts(k);
  handleTrap(k, t, us.trap);
  const wake = highestWoken(k, woken);
  if (k.current === t && sliceEnded) {
    preemptCurrent(k, false);
    pickAndRun(k, 'timeslice');
  } else if (wake !== null && k.current !== null && wakePreempts(k, wake, k.current)) {
    preemptCurrent(k, true);
    runThread(k, wake, 'wakeup', false);
  }
  settle(k, 'schedule');
}

/** A statement wrote memory: its space holds the new contents. */
function writeSpaceMemory(k: Draft, index: number, memory: Memory): void {
  const space = k.spaces[index];
  if (space === undefined || space.memory === memory) return;
  const spaces = k.spaces.slice();
  spaces[index] = { ...space, memory };
  k.spaces = spaces;
}

/** The runner (the trapping thread, or the partner a Call switched to) is running and loses to `wake`. */
function wakePreempts(k: Draft, wake: ThreadIndex, runner: ThreadIndex): boolean {
  return k.thread(runner).state === 'running' && preemptsOnWake(k, wake, runner);
}

/** A statement that did not run: the thread faults with `reason`. */
function faultStep(thread: Thread, reason: string): UserStep<unknown> {
  return {
    state: thread.program,
    utcb: thread.utcb,
    loc: null,
    effects: [],
    trap: { kind: 'fault', reason, loc: null },
  };
}

/** Runs the program; a missing program or one that throws faults the thread. */
function runStatement(k: Draft, t: ThreadIndex): UserStep<unknown> {
  const thread = k.thread(t);
  const program = k.programs[thread.name];
  if (program === undefined) return faultStep(thread, `no program for thread ${thread.name}`);
  try {
    return program.step(
      thread.program,
      { abi: k.abi, self: thread.id, utcb: thread.utcb, space: k.spaces[thread.space] },
      thread.resume,
    );
  } catch (error) {
    return faultStep(
      thread,
      `program error: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function handleTrap(k: Draft, t: ThreadIndex, trap: Trap): void {
  switch (trap.kind) {
    case 'none':
      return;
    case 'syscall':
      if (trap.call.kind === 'ipc') sysIpc(k, t, trap.call);
      else sysThreadSwitch(k, t, trap.call.dest);
      return;
    case 'exit':
      haltThread(k, t, { kind: 'exit' });
      return;
    case 'fault':
      haltThread(k, t, { kind: 'fault', reason: trap.reason, loc: trap.loc });
      return;
  }
}

/** Fills an empty CPU and lets a dispatched locked sender finish its transfer. */
export function settle(k: Draft, reason: SwitchReason): void {
  for (;;) {
    if (k.current === null) {
      if (!pickAndRun(k, reason)) return;
      continue;
    }
    const c = k.thread(k.current);
    if (c.state === 'running' && c.wait?.locked === true && c.wait.phase === 'send') {
      continueSender(k, k.current);
      continue;
    }
    return;
  }
}
