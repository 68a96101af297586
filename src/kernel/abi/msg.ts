/**
 * `L4_Msg_t` and its helpers (reference-semantics §2; Pistachio `user/include/l4/message.h`): a user-memory
 * copy of a message, 64 words with word 0 the tag. Nothing reaches the MRs until `msgLoad`.
 *
 * Every function returns a new array and leaves its input alone. Tag fields are C bitfields and
 * wrap (u and t to 6 bits, the label to W − 16). Writes the C code would make beyond word 63 (an
 * overrun of the 64-word buffer) are dropped.
 */
import { decodeMsgTag, encodeMsgTag } from './msgTag';
import { bits, toWord } from './word';
import type { Abi, Word } from './word';

export const MSG_WORDS = 64;

export type Msg = readonly Word[];

/** A 64-word message, all zero. */
export function emptyMsg(): Word[] {
  return new Array<Word>(MSG_WORDS).fill(0n);
}

function copy(m: Msg): Word[] {
  const out = m.slice(0, MSG_WORDS);
  while (out.length < MSG_WORDS) out.push(0n);
  return out;
}

function put(out: Word[], i: number, w: Word): void {
  if (i >= 0 && i < MSG_WORDS) out[i] = w;
}

function word(m: Msg, i: number): Word {
  return m[i] ?? 0n;
}

function wrap(w: Word, abi: Abi | undefined): Word {
  return abi === undefined ? w : toWord(w, abi);
}

const U_MASK = 0x3fn;
const T_MASK = 0x3fn << 6n;

function tagU(m: Msg): number {
  return Number(bits(word(m, 0), 0, 6));
}

function tagT(m: Msg): number {
  return Number(bits(word(m, 0), 6, 6));
}

/** `L4_MsgClear`: word 0 := 0 only; the other words are untouched. */
export function msgClear(m: Msg): Word[] {
  const out = copy(m);
  out[0] = 0n;
  return out;
}

/**
 * `L4_MsgPut(&m, label, u, Untyped, t, Items)`: words 1..u := untyped, u+1..u+t := items, then the
 * whole tag is assigned (label, flags := 0, u, t), overwriting whatever word 0 held.
 */
export function msgPut(
  m: Msg,
  label: bigint,
  untyped: readonly Word[],
  items: readonly Word[],
  abi: Abi,
): Word[] {
  const out = copy(m);
  untyped.forEach((w, i) => put(out, i + 1, toWord(w, abi)));
  items.forEach((w, i) => put(out, i + untyped.length + 1, toWord(w, abi)));
  out[0] = encodeMsgTag({ label, flags: 0, u: untyped.length, t: items.length }, abi);
  return out;
}

/** `L4_MsgGet`: words 1..u and u+1..u+t, with u and t from the message's own tag. */
export function msgGet(m: Msg, abi: Abi): { untyped: Word[]; items: Word[] } {
  const { u, t } = decodeMsgTag(word(m, 0), abi);
  const untyped = Array.from({ length: u }, (_, i) => word(m, i + 1));
  const items = Array.from({ length: t }, (_, i) => word(m, i + 1 + u));
  return { untyped, items };
}

/**
 * `L4_MsgAppendWord`: if there are typed words, shift them up by one first, so untyped words stay
 * in front; then `msg[++u] = w` (u wraps at 64, as the bitfield does — then word 0 is overwritten).
 */
export function msgAppendWord(m: Msg, w: Word, abi?: Abi): Word[] {
  const out = copy(m);
  const u = tagU(out);
  const t = tagT(out);
  if (t !== 0) {
    for (let i = 1 + u + t; i > u + 1; i--) put(out, i, word(out, i - 1));
  }
  const nu = (u + 1) & 0x3f;
  out[0] = (word(out, 0) & ~U_MASK) | BigInt(nu);
  put(out, nu, wrap(w, abi));
  return out;
}

function appendItem(m: Msg, item: readonly [Word, Word], abi: Abi | undefined): Word[] {
  const out = copy(m);
  const u = tagU(out);
  const t = tagT(out);
  put(out, u + t + 1, wrap(item[0], abi));
  put(out, u + t + 2, wrap(item[1], abi));
  out[0] = (word(out, 0) & ~T_MASK) | (BigInt((t + 2) & 0x3f) << 6n);
  return out;
}

/** `L4_MsgAppendMapItem`: the item's two words after the last typed word, t += 2. */
export function msgAppendMapItem(m: Msg, item: readonly [Word, Word], abi?: Abi): Word[] {
  return appendItem(m, item, abi);
}

/** `L4_MsgAppendGrantItem`: as `msgAppendMapItem`. */
export function msgAppendGrantItem(m: Msg, item: readonly [Word, Word], abi?: Abi): Word[] {
  return appendItem(m, item, abi);
}

/** `L4_MsgPutWord(&m, i, w)`: word i+1 (i is the 0-based untyped index); the tag is unchanged. */
export function msgPutWord(m: Msg, i: number, w: Word, abi?: Abi): Word[] {
  const out = copy(m);
  put(out, i + 1, wrap(w, abi));
  return out;
}

/** `L4_MsgWord(&m, i)`: word i+1. */
export function msgWord(m: Msg, i: number): Word {
  return word(m, i + 1);
}

/** `L4_MsgLabel`. */
export function msgLabel(m: Msg, abi?: Abi): bigint {
  const tag = word(m, 0);
  return abi === undefined ? tag >> 16n : decodeMsgTag(tag, abi).label;
}

/** `L4_Set_MsgLabel`: only the label field changes. */
export function msgSetLabel(m: Msg, label: bigint, abi: Abi): Word[] {
  const out = copy(m);
  out[0] = encodeMsgTag({ ...decodeMsgTag(word(out, 0), abi), label }, abi);
  return out;
}

/** `L4_MsgLoad`: MR0..MR(u+t) := m[0..u+t]; the other MRs keep their values. Returns the new MRs. */
export function msgLoad(m: Msg, mrs: readonly Word[], abi: Abi): Word[] {
  const { u, t } = decodeMsgTag(word(m, 0), abi);
  const out = mrs.slice();
  const n = Math.min(u + t + 1, MSG_WORDS);
  for (let i = 0; i < n; i++) out[i] = toWord(word(m, i), abi);
  return out;
}

/**
 * `L4_MsgStore(tag, &m)`: m[1..u+t] := MR1..MR(u+t), with u and t from the `tag` argument (normally
 * the `L4_Ipc` result, not MR0), then m[0] := tag. Returns the new message.
 */
export function msgStore(tag: Word, mrs: readonly Word[], m: Msg, abi: Abi): Word[] {
  const { u, t } = decodeMsgTag(tag, abi);
  const out = copy(m);
  for (let i = 1; i <= u + t; i++) put(out, i, toWord(mrs[i] ?? 0n, abi));
  out[0] = toWord(tag, abi);
  return out;
}
