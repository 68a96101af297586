/**
 * The message transfer of a rendezvous (Pistachio `transfer_message` / `extended_transfer`):
 * MR1..MRu are copied, then each typed item from MR(u+1) (map, grant, string); the tag arrives with
 * the r, X and E flags cleared (p kept). MRs above u+t are never touched, except MR(u+t+1) when the
 * last typed word starts a two-word item (the reference's bounds check reads it). A typed-item error (message
 * overflow) sets E on the tag and the ErrorCode of both sides (send phase / receive phase, offset =
 * string bytes copied before the error); what was copied and mapped before the error stays.
 */
import { rcvWindow, hasMapGrantItems, hasStringItems } from './abi/acceptor';
import { encodeErrorCode, IPC_ERROR } from './abi/errorCode';
import { fpageIsIo } from './abi/fpage';
import { clearReceiveFlags, decodeMsgTag, withErrorFlag } from './abi/msgTag';
import { decodeTypedItem } from './abi/typedItem';
import { NUM_MRS } from './abi/utcb';
import type { Word } from './abi/word';
import type { Draft } from './draft';
import type { KernelEffect } from './effects';
import { mapFpage } from './mapping';
import { carryMemory } from './memory';
import { copyString } from './stringItems';
import type { ThreadIndex } from './types';

export interface TransferResult {
  readonly ok: boolean;
  /** The tag as delivered (E set when the transfer failed). */
  readonly tag: Word;
  /** ErrorCode words for sender and receiver when the transfer failed. */
  readonly senderError: Word | null;
  readonly receiverError: Word | null;
}

export function transferMessage(
  k: Draft,
  s: ThreadIndex,
  r: ThreadIndex,
  rendezvous: 'receiverWaiting' | 'senderQueued',
): TransferResult {
  const sender = k.thread(s);
  const receiver = k.thread(r);
  const abi = k.abi;
  const src = sender.utcb.mrs;
  let tag = clearReceiveFlags(src[0] ?? 0n);
  const { u, t } = decodeMsgTag(tag, abi);
  const total = u + t;
  const old = receiver.utcb.mrs;
  let copy: Word[] | null = null;
  const put = (i: number, w: Word) => {
    if (old[i] === w) return;
    copy ??= old.slice();
    copy[i] = w;
  };
  for (let i = 1; i <= u; i++) put(i, src[i] ?? 0n);
  let failed = false;
  let copied = 0n;
  const mapped: KernelEffect[] = [];
  if (t > 0) {
    if (total >= NUM_MRS) failed = true;
    let acceptStrings = hasStringItems(receiver.utcb.brs[0] ?? 0n);
    let brIndex = 1;
    // Pistachio walks items while the first word is inside u+t (`src_idx < total_mrs`, where
    // total_mrs = u+t+1) and checks `CHECK_MR_IDX(idx, total_mrs)`, i.e. idx ≤ u+t+1: a two-word
    // item whose first word is MR(u+t) is still read, its second word from MR(u+t+1)
    // (kernel/src/api/v4/ipcx.cc, extended_transfer()).
    for (let i = u + 1; !failed && i <= total;) {
      const w0 = src[i] ?? 0n;
      const item = decodeTypedItem(w0, src[i + 1] ?? 0n, abi);
      if (item.type === 'map' || item.type === 'grant') {
        const acceptor = k.thread(r).utcb.brs[0] ?? 0n;
        // MR64 does not exist: an item starting at MR63 is an overflow here (docs/kernel.md).
        if (i + 1 >= NUM_MRS || !hasMapGrantItems(acceptor)) failed = true;
        else {
          put(i, w0);
          put(i + 1, item.fpage);
          mapped.push(mapItem(k, s, r, item.type, item.fpage, item.sndBase, acceptor));
          i += 2;
        }
      } else if (item.type === 'string') {
        put(i, w0);
        if (!acceptStrings) failed = true;
        else {
          const c = copyString(src, receiver.utcb.brs, i, total + 1, brIndex, copied, abi);
          for (const j of c.copiedMrs) put(j, src[j] ?? 0n);
          copied = c.copied;
          failed = c.overflow;
          acceptStrings = c.acceptMore;
          brIndex = c.brIndex;
          i = c.next;
        }
      } else failed = true;
    }
  }
  if (failed) tag = withErrorFlag(tag);
  const words = src.slice(1, Math.min(total, NUM_MRS - 1) + 1);
  if (copy !== null) k.update(r, { utcb: { ...k.thread(r).utcb, mrs: copy } });
  k.emit({
    kind: 'ipc.transfer',
    from: sender.name,
    to: receiver.name,
    tag: clearReceiveFlags(src[0] ?? 0n),
    words,
    rendezvous,
    failed,
  });
  for (const e of mapped) k.emit(e);
  if (!failed) return { ok: true, tag, senderError: null, receiverError: null };
  const overflow = { code: IPC_ERROR.messageOverflow, offset: copied };
  return {
    ok: false,
    tag,
    senderError: encodeErrorCode({ phase: 'send', ...overflow }, abi),
    receiverError: encodeErrorCode({ phase: 'receive', ...overflow }, abi),
  };
}

function mapItem(
  k: Draft,
  s: ThreadIndex,
  r: ThreadIndex,
  kind: 'map' | 'grant',
  fpage: Word,
  sndBase: Word,
  acceptor: Word,
): KernelEffect {
  const sSpace = k.thread(s).space;
  const rSpace = k.thread(r).space;
  const spaces = k.spaces.slice();
  const from = spaces[sSpace];
  const to = spaces[rSpace];
  if (from === undefined || to === undefined) throw new RangeError('thread without address space');
  const window = rcvWindow(acceptor);
  const grant = kind === 'grant';
  if (fpageIsIo(fpage)) {
    // x86 I/O fpage (size field 2, kernel/src/glue/v4-x86/io_fpage.h): the model has no I/O space.
    const note = 'x86 I/O fpage (size field 2): the model has no I/O ports, nothing is mapped';
    return { kind, from: k.name(s), to: k.name(r), fpage, sndBase, acceptor, regions: [], note };
  }
  const result = mapFpage(
    from.mappings,
    to.mappings,
    sSpace === rSpace,
    { fpage, sndBase, grant },
    window,
    k.abi,
  );
  // Memory contents travel with the mapping (memory.ts): copied on map, moved on grant.
  const memory =
    sSpace === rSpace ? null : carryMemory(from.memory, to.memory, result.regions, grant);
  spaces[sSpace] = { ...from, mappings: result.sender, memory: memory?.from ?? from.memory };
  spaces[rSpace] = { ...to, mappings: result.receiver, memory: memory?.to ?? to.memory };
  k.spaces = spaces;
  return {
    kind,
    from: k.name(s),
    to: k.name(r),
    fpage,
    sndBase,
    acceptor,
    regions: result.regions,
  };
}
