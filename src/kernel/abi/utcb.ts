/**
 * The x86 UTCB layout (reference-semantics §3; Pistachio `amd64/vregs.h`, `ia32/vregs.h`, kernel
 * `glue/v4-x86/utcb.h`). The UTCB pointer (`%gs:0`) points at MR0 and equals the thread's local ID;
 * offsets are in words from it: MRs upward, TCRs and BRs downward.
 */

/** `__L4_NUM_MRS`: MR0..MR63. */
export const NUM_MRS = 64;
/** `__L4_NUM_BRS`: BR0..BR32. */
export const NUM_BRS = 33;

/** Word offsets of the thread control registers from the UTCB pointer (amd64 reference). */
export const UTCB_TCR_OFFSETS = {
  MyGlobalId: -15,
  ProcessorNo: -14,
  UserDefinedHandle: -13,
  Pager: -12,
  ExceptionHandler: -11,
  PreemptFlags_CopFlags: -10,
  ErrorCode: -9,
  XferTimeout: -8,
  IntendedReceiver: -7,
  VirtualSender_ActualSender: -6,
  ThreadWord1: -5,
  ThreadWord0: -4,
  WordSizeMask: -1,
} as const;

/** Word offset of MR i: +i. */
export function mrWordOffset(i: number): number {
  return i;
}

/** Word offset of BR i: −16 − i (BR0, the acceptor, at −16; BR32 at −48). */
export function brWordOffset(i: number): number {
  return -16 - i;
}
