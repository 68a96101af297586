/** Runtime values and frames: plain data, shared between steps wherever unchanged. */
import type { Word } from '../../kernel/abi/word';

/** A pointer to word `o` of local `v` in frame `d` (the frame's depth); d = −1 is NULL. */
export interface Ptr {
  readonly d: number;
  readonly v: number;
  readonly o: number;
}

export const NULL_PTR: Ptr = { d: -1, v: 0, o: 0 };

/** A local variable: a word, a pointer, or an aggregate (struct or array) as immutable words. */
export type Local = Word | Ptr | readonly Word[];

/** What the operand stack holds: locals' values plus dynamic offsets (numbers). */
export type Value = Local | number;

export interface Frame {
  readonly fn: number;
  readonly pc: number;
  readonly locals: readonly Local[];
}

export function isPtr(v: Value | undefined): v is Ptr {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
