/**
 * String items in a transfer (Pistachio `ipcx.cc`, `extended_transfer`), without memory contents:
 * the model counts the bytes that would be copied and reports message overflow exactly where the
 * reference would (receiver does not accept strings, a receive buffer is not a string item, or the
 * receive buffers run out), with the offset = bytes copied before the error. Copies are never
 * clipped by unmapped memory (the model has no page faults).
 */
import { decodeTypedItem } from './abi/typedItem';
import { NUM_BRS } from './abi/utcb';
import type { Abi, Word } from './abi/word';

export interface StringCopy {
  /** Index of the MR after the string item(s). */
  readonly next: number;
  /** Bytes copied (cumulative). */
  readonly copied: bigint;
  readonly overflow: boolean;
  /** Whether later string items are still accepted. */
  readonly acceptMore: boolean;
  /** Next receive-buffer index. */
  readonly brIndex: number;
  /** MR indices the kernel copied to the receiver. */
  readonly copiedMrs: readonly number[];
}

/** Copies the string item at MR `start`; `total` = u + t + 1 (Pistachio's `total_mrs`: an index up to it is read). */
export function copyString(
  mrs: readonly Word[],
  brs: readonly Word[],
  start: number,
  total: number,
  brStart: number,
  copiedBefore: bigint,
  abi: Abi,
): StringCopy {
  const copiedMrs: number[] = [start];
  let copied = copiedBefore;
  let srcIdx = start;
  let brIdx = brStart;
  const fail = (): StringCopy => ({
    next: srcIdx,
    copied,
    overflow: true,
    acceptMore: false,
    brIndex: brIdx,
    copiedMrs,
  });
  const mr = (i: number) => mrs[i] ?? 0n;
  const br = (i: number) => brs[i] ?? 0n;
  let src = decodeTypedItem(mr(srcIdx), mr(srcIdx + 1), abi);
  if (srcIdx + (src.substrings ?? 1) > total) return fail();
  let dst = decodeTypedItem(br(brIdx), br(brIdx + 1), abi);
  if (brIdx + (dst.substrings ?? 1) >= NUM_BRS || dst.type !== 'string') return fail();
  let acceptMore = dst.continuation;
  let srcLen = src.length ?? 0n;
  let dstLen = dst.length ?? 0n;
  let srcPtr = 1;
  let dstPtr = 1;
  for (;;) {
    copiedMrs.push(srcIdx + srcPtr);
    const n = srcLen < dstLen ? srcLen : dstLen;
    copied += n;
    srcLen -= n;
    dstLen -= n;
    let done = false;
    if (srcLen === 0n) {
      if (srcPtr < (src.substrings ?? 1)) {
        srcPtr++;
        srcLen = src.length ?? 0n;
      } else if (src.compound === true) {
        srcIdx += srcPtr + 1;
        srcPtr = 1;
        if (srcIdx + 1 > total) return fail();
        src = decodeTypedItem(mr(srcIdx), mr(srcIdx + 1), abi);
        srcLen = src.length ?? 0n;
        if (srcIdx + (src.substrings ?? 1) > total) return fail();
      } else {
        done = true;
        srcIdx += srcPtr + 1;
      }
    }
    if (done) {
      let compound: boolean;
      do {
        compound = dst.compound === true;
        brIdx += (dst.substrings ?? 1) + 1;
        if (brIdx >= NUM_BRS) {
          acceptMore = false;
          break;
        }
        dst = decodeTypedItem(br(brIdx), br(brIdx + 1), abi);
      } while (compound);
      return { next: srcIdx, copied, overflow: false, acceptMore, brIndex: brIdx, copiedMrs };
    }
    if (dstLen === 0n) {
      if (dstPtr < (dst.substrings ?? 1)) {
        dstPtr++;
        dstLen = dst.length ?? 0n;
      } else if (dst.compound === true) {
        brIdx += dstPtr + 1;
        dstPtr = 1;
        if (brIdx + 1 >= NUM_BRS) return fail();
        dst = decodeTypedItem(br(brIdx), br(brIdx + 1), abi);
        dstLen = dst.length ?? 0n;
        if (brIdx + (dst.substrings ?? 1) >= NUM_BRS) return fail();
      } else {
        return fail();
      }
    }
  }
}
