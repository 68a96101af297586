/**
 * Branded words: a `ThreadIdWord`, a `MsgTagWord`, an `FpageWord` and a `TimeoutsWord` are all
 * `bigint` at run time, but a plain `Word` (or a word of another kind) does not convert to one, so
 * passing `timeouts` where `to` belongs is a type error at the kernel's API. Only the codecs that
 * make such a word, and the places that read one from user code, brand it.
 */
import type { Word } from './word';

declare const wordKind: unique symbol;

/** A machine word known to hold one kind of value. */
export type KindedWord<K extends string> = Word & { readonly [wordKind]: K };

/** `L4_ThreadId_t`: a global or local thread id, nilthread, anythread or anylocalthread. */
export type ThreadIdWord = KindedWord<'ThreadId'>;
/** `L4_MsgTag_t` as a raw word (MR0). */
export type MsgTagWord = KindedWord<'MsgTag'>;
/** `L4_Fpage_t` as a raw word. */
export type FpageWord = KindedWord<'Fpage'>;
/** `L4_Timeouts(snd, rcv)`: snd in bits 16–31, rcv in bits 0–15. */
export type TimeoutsWord = KindedWord<'Timeouts'>;

/** Reads a word from user code (an argument, a register) as a thread id. */
export const asThreadId = (w: Word): ThreadIdWord => w as ThreadIdWord;
/** Reads a word as a message tag. */
export const asMsgTag = (w: Word): MsgTagWord => w as MsgTagWord;
/** Reads a word as an fpage. */
export const asFpage = (w: Word): FpageWord => w as FpageWord;
/** Reads a word as a timeouts pair. */
export const asTimeouts = (w: Word): TimeoutsWord => w as TimeoutsWord;
