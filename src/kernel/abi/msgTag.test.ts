import { describe, expect, it } from 'vitest';
import {
  clearReceiveFlags,
  decodeMsgTag,
  encodeMsgTag,
  ERROR_TAG,
  ipcFailed,
  ipcPropagated,
  ipcRedirected,
  ipcSucceeded,
  ipcXcpu,
  MSGTAG_FLAGS,
  msgTagWords,
  withErrorFlag,
} from './msgTag';
import { CaseReader, rows } from './vectors/pistachioVectors';

describe('msgTag against the Pistachio vectors (every case, both ABIs)', () => {
  it.each(rows('msgtag'))('%s', (_label, abi, c) => {
    const r = new CaseReader(c);
    const raw = encodeMsgTag(
      {
        label: r.big('label_in'),
        u: r.num('u_in'),
        t: r.num('t_in'),
        flags: Number(r.big('flags_in')),
      },
      abi,
    );
    expect(raw).toBe(r.big('raw'));
    const tag = decodeMsgTag(raw, abi);
    expect(tag.label).toBe(r.big('L4_Label'));
    expect(tag.u).toBe(r.num('L4_UntypedWords'));
    expect(tag.t).toBe(r.num('L4_TypedWords'));
    expect(tag.flags).toBe(Number(r.big('flags_out')));
    expect(ipcSucceeded(raw)).toBe(r.bool('L4_IpcSucceeded'));
    expect(ipcFailed(raw)).toBe(r.bool('L4_IpcFailed'));
    expect(ipcPropagated(raw)).toBe(r.bool('L4_IpcPropagated'));
    expect(ipcRedirected(raw)).toBe(r.bool('L4_IpcRedirected'));
    expect(ipcXcpu(raw)).toBe(r.bool('L4_IpcXcpu'));
    expect(r.unread()).toEqual([]);
  });
});

describe('msgTag kernel helpers', () => {
  it('clear_receive_flags keeps p and clears r, X and E', () => {
    expect(clearReceiveFlags(0x1234f002n)).toBe(0x12341002n);
    expect(clearReceiveFlags(0x12340002n)).toBe(0x12340002n);
  });
  it('error_tag is E alone, and withErrorFlag sets E on a partner tag', () => {
    expect(decodeMsgTag(ERROR_TAG, 'amd64')).toEqual({ label: 0n, u: 0, t: 0, flags: 8 });
    expect(withErrorFlag(0x12340005n)).toBe(0x12348005n);
    expect(ipcFailed(withErrorFlag(0n))).toBe(true);
  });
  it('names the flag bits as the kernel does', () => {
    expect(MSGTAG_FLAGS).toEqual({ propagated: 1, redirected: 2, xcpu: 4, error: 8 });
  });
  it('decodes only the word width of the ABI', () => {
    expect(decodeMsgTag(0xffff_ffff_ffe4_0002n, 'ia32').label).toBe(0xffe4n);
    expect(decodeMsgTag(0xffff_ffff_ffe4_0002n, 'amd64').label).toBe(0xffff_ffff_ffe4n);
  });
  it('counts u + t words after MR0', () => {
    expect(msgTagWords(0x10082n)).toBe(4);
  });
});
