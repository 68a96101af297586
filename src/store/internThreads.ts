// Structural sharing for views: a thread that looks the same as in a neighbouring frame keeps that
// frame's ThreadView object, so memoised panels skip it (16 columns, one of which changed).
import type { RegisterView, ThreadView } from './viewModel';

function sameList<T>(a: readonly T[] | undefined, b: readonly T[] | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.length !== b.length) return false;
  return a.every((x, i) => x === b[i]);
}

function sameRegisters(a: RegisterView, b: RegisterView): boolean {
  return (
    a.shown === b.shown &&
    sameList(a.mrs, b.mrs) &&
    sameList(a.changed, b.changed) &&
    sameList(a.fieldNames, b.fieldNames) &&
    (a.errorCode?.raw ?? null) === (b.errorCode?.raw ?? null) &&
    a.br0.raw === b.br0.raw
  );
}

export function sameThreadView(a: ThreadView, b: ThreadView): boolean {
  return (
    a.name === b.name &&
    a.idHex === b.idHex &&
    a.priority === b.priority &&
    a.space === b.space &&
    a.state === b.state &&
    a.stateLabel === b.stateLabel &&
    a.stateKind === b.stateKind &&
    a.currentLine === b.currentLine &&
    a.halted === b.halted &&
    sameList(a.sendQueue, b.sendQueue) &&
    sameRegisters(a.registers, b.registers)
  );
}

/** `fresh`, with each thread replaced by its twin from `previous` when they look the same. */
export function internThreads(
  fresh: readonly ThreadView[],
  previous: readonly ThreadView[] | undefined,
): ThreadView[] {
  return fresh.map((t, i) => {
    const old = previous?.[i];
    return old !== undefined && sameThreadView(old, t) ? old : t;
  });
}
