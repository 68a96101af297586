import { describe, expect, it } from 'vitest';
import {
  decodeErrorCode,
  encodeErrorCode,
  errorCodeDescription,
  errorCodeName,
  IPC_ERROR,
} from './errorCode';
import type { IpcErrorPhase } from './errorCode';
import { CaseReader, rows } from './vectors/pistachioVectors';

function phase(text: string): IpcErrorPhase {
  if (text === 'send' || text === 'receive') return text;
  throw new Error(`unknown phase ${text}`);
}

describe('ErrorCode against the Pistachio vectors (every case, both ABIs)', () => {
  it.each(rows('error_code'))('%s', (_label, abi, c) => {
    const r = new CaseReader(c);
    const code = r.num('code');
    const raw = encodeErrorCode(
      { phase: phase(r.text('phase')), code, offset: r.big('offset') },
      abi,
    );
    expect(raw).toBe(r.big('raw'));
    expect(errorCodeName(code)).toBe(r.text('name'));
    const d = decodeErrorCode(raw, abi);
    expect(d.phase === 'receive' ? 1 : 0).toBe(r.num('decoded_p'));
    expect(d.code).toBe(r.num('decoded_code'));
    expect(d.offset).toBe(r.big('decoded_offset'));
    expect(d.name).toBe(r.text('name'));
    expect(r.unread()).toEqual([]);
  });
});

describe('ErrorCode names', () => {
  it('names every code 1..7 in the vectors’ spelling, with a human description', () => {
    expect(Object.values(IPC_ERROR).map(errorCodeName)).toEqual([
      'timeout',
      'non_existing_partner',
      'canceled',
      'message_overflow',
      'xfer_timeout_in_invoker',
      'xfer_timeout_in_partner',
      'aborted',
    ]);
    expect(errorCodeDescription(IPC_ERROR.nonExistingPartner)).toBe('non-existing partner');
  });
  it('reads the receive-phase overflow example of reference-semantics §4.4 (0x1239)', () => {
    expect(decodeErrorCode(0x1239n, 'ia32')).toEqual({
      phase: 'receive',
      code: 4,
      name: 'message_overflow',
      offset: 0x123n,
    });
  });
});
