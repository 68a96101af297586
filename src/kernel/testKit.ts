/**
 * Test support: boot a scenario, run it with every invariant checked after every step, and look
 * things up by thread name. Used by the kernel's tests (and usable by other layers' tests).
 */
import type { Abi, Word } from './abi/word';
import { globalId } from './abi/threadId';
import { boot } from './boot';
import type { KernelEffect } from './effects';
import { FIRST_THREAD_NO } from './ids';
import { checkInvariants, checkStepInvariants } from './invariants';
import { threadByName } from './selectors';
import type { ScriptAction, ScriptState } from './scriptProgram';
import { step } from './step';
import type { BootSpec, Programs, Thread, World } from './types';

export interface CheckedRun {
  readonly worlds: readonly World[];
  /** effects[i] = what step i+1 did (from worlds[i] to worlds[i+1]). */
  readonly steps: readonly (readonly KernelEffect[])[];
  readonly final: World;
  readonly effects: readonly KernelEffect[];
}

export class InvariantViolation extends Error {
  constructor(stepNo: number, errors: readonly string[]) {
    super(`invariant violated after step ${stepNo}: ${errors.join('; ')}`);
    this.name = 'InvariantViolation';
  }
}

/** The global id boot gives thread `name` of `spec` (explicit numbers honoured). */
export function tid(spec: BootSpec, name: string): Word {
  const abi: Abi = spec.abi ?? 'amd64';
  const index = spec.threads.findIndex((t) => t.name === name);
  const t = spec.threads[index];
  if (t === undefined) throw new Error(`no thread ${name}`);
  return globalId(t.threadNo ?? FIRST_THREAD_NO + BigInt(index), t.version ?? 1n, abi);
}

export function threadNamed(world: World, name: string): Thread {
  const t = threadByName(world, name);
  if (t === undefined) throw new Error(`no thread ${name}`);
  return t;
}

/** Boots and steps until an outcome (or `maxSteps`), checking every invariant after every step. */
export function runChecked(spec: BootSpec, programs: Programs, maxSteps = 1000): CheckedRun {
  let world = boot(spec, programs);
  const initial = checkInvariants(world);
  if (initial.length > 0) throw new InvariantViolation(0, initial);
  const worlds: World[] = [world];
  const steps: (readonly KernelEffect[])[] = [];
  for (let n = 1; n <= maxSteps && world.outcome === null; n++) {
    const result = step(world, programs);
    const errors = [
      ...checkInvariants(result.world),
      ...checkStepInvariants(world, result.world, result.effects, programs),
    ];
    if (errors.length > 0) throw new InvariantViolation(n, errors);
    world = result.world;
    worlds.push(world);
    steps.push(result.effects);
  }
  return { worlds, steps, final: world, effects: steps.flat() };
}

/** Effects of one kind, typed. */
export function effectsOf<K extends KernelEffect['kind']>(
  effects: readonly KernelEffect[],
  kind: K,
): (KernelEffect & { kind: K })[] {
  return effects.filter((e): e is KernelEffect & { kind: K } => e.kind === kind);
}

/** The system-call results a `scriptProgram` thread has recorded, oldest first. */
export function scriptResults(world: World, name: string): ScriptState['results'] {
  return (threadNamed(world, name).program as ScriptState).results;
}

/** `n` script statements that do nothing: a thread kept busy for `n` statements. */
export function nops(n: number): ScriptAction[] {
  return Array.from({ length: n }, () => ({ op: 'nop' }));
}
