/**
 * The ErrorCode TCR (UTCB[−9]) after a failed IPC (reference-semantics §4.4; kernel `api/v4/ipc.h`).
 *
 * raw = `offset << 4 | code << 1 | p`, p = 0 for an error in the send phase and 1 in the receive
 * phase; the offset (bytes transferred before the error) is meaningful for codes 4..7.
 */
import { bits, toWord, wordBits } from './word';
import type { Abi, Word } from './word';

export const IPC_ERROR = {
  timeout: 1,
  nonExistingPartner: 2,
  canceled: 3,
  messageOverflow: 4,
  xferTimeoutInvoker: 5,
  xferTimeoutPartner: 6,
  aborted: 7,
} as const;

export type IpcErrorPhase = 'send' | 'receive';

export interface IpcErrorCode {
  phase: IpcErrorPhase;
  code: number;
  offset: bigint;
}

/** Names of the 3-bit code as the reference vectors spell them; 0 is not an IPC error. */
const NAMES: readonly string[] = [
  'none',
  'timeout',
  'non_existing_partner',
  'canceled',
  'message_overflow',
  'xfer_timeout_in_invoker',
  'xfer_timeout_in_partner',
  'aborted',
];

/** Human wording for the same codes, for narration and the UI. */
const DESCRIPTIONS: readonly string[] = [
  'no error',
  'timeout',
  'non-existing partner',
  'canceled',
  'message overflow',
  'transfer timeout in the invoker’s address space',
  'transfer timeout in the partner’s address space',
  'aborted',
];

/** The vectors' name of an error code (`timeout`, `non_existing_partner`, …); the code wraps to 3 bits. */
export function errorCodeName(code: number): string {
  return NAMES[code & 7] ?? 'none';
}

/** A human description of an error code (`non-existing partner`, …). */
export function errorCodeDescription(code: number): string {
  return DESCRIPTIONS[code & 7] ?? 'no error';
}

export function encodeErrorCode(e: IpcErrorCode, abi: Abi): Word {
  const p = e.phase === 'receive' ? 1n : 0n;
  const offset = BigInt.asUintN(wordBits(abi) - 4, e.offset);
  return toWord((offset << 4n) | (BigInt.asUintN(3, BigInt(e.code)) << 1n) | p, abi);
}

export function decodeErrorCode(
  raw: Word,
  abi: Abi,
): { phase: IpcErrorPhase; code: number; name: string; offset: bigint } {
  const w = toWord(raw, abi);
  const code = Number(bits(w, 1, 3));
  return {
    phase: (w & 1n) === 1n ? 'receive' : 'send',
    code,
    name: errorCodeName(code),
    offset: bits(w, 4, wordBits(abi) - 4),
  };
}
