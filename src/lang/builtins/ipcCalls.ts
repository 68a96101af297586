/**
 * The system-call wrappers of `l4/ipc.h`, `l4/schedule.h` and `l4/space.h`: signatures only (they trap). The IPC
 * wrappers' arguments come from the kernel's table (`src/kernel/wrappers.ts`), typed here by name;
 * a wrapper with a `&from` out-parameter takes it last.
 */
import type { IpcWrapper } from '../../kernel/program';
import { WRAPPER_SIGNATURES } from '../../kernel';
import type { WrapperSignature } from '../../kernel';
import type { CType } from '../check/ctypes';
import { FPAGE, MSGTAG, THREADID, TIME, VOID, WORD, ptr } from '../check/ctypes';
import { p } from './builtin';
import type { BuiltinDef } from './builtin';

/** The C type of each word argument of the IPC wrappers, by its name in the kernel's table. */
const ARG_TYPES: Readonly<Record<string, CType>> = {
  to: THREADID,
  from: THREADID,
  FromSpecifier: THREADID,
  Timeouts: WORD,
  SndTimeout: TIME,
  RcvTimeout: TIME,
  t: TIME,
};

function ipcWrapper(name: IpcWrapper, signature: WrapperSignature): BuiltinDef {
  const params = signature.args.map((arg) => p(arg, ARG_TYPES[arg] ?? WORD));
  if (signature.from) params.push(p('from', ptr(THREADID)));
  return { name, params, ret: name === 'L4_Sleep' ? VOID : MSGTAG, syscall: name };
}

export const IPC_CALLS: readonly BuiltinDef[] = [
  ...(Object.entries(WRAPPER_SIGNATURES) as [IpcWrapper, WrapperSignature][]).map(([name, sig]) =>
    ipcWrapper(name, sig),
  ),
  { name: 'L4_ThreadSwitch', params: [p('dest', THREADID)], ret: VOID, syscall: 'L4_ThreadSwitch' },
  { name: 'L4_Yield', params: [], ret: VOID, syscall: 'L4_Yield' },
  // l4/space.h: L4_Unmap(control) takes the fpages already in MR0..MRk; L4_UnmapFpage and
  // L4_Flush load MR0 = f, trap with control 0 / 0x40, and return MR0 afterwards.
  { name: 'L4_Unmap', params: [p('control', WORD)], ret: VOID, syscall: 'L4_Unmap' },
  { name: 'L4_UnmapFpage', params: [p('f', FPAGE)], ret: FPAGE, syscall: 'L4_UnmapFpage' },
  { name: 'L4_Flush', params: [p('f', FPAGE)], ret: FPAGE, syscall: 'L4_Flush' },
  // l4/thread.h, L4_ExchangeRegisters: only the IPC-abort control bits act in the model.
  {
    name: 'L4_ExchangeRegisters',
    params: [
      p('dest', THREADID),
      p('control', WORD),
      p('sp', WORD),
      p('ip', WORD),
      p('flags', WORD),
      p('UserDefHandle', WORD),
      p('pager', THREADID),
      p('old_control', ptr(WORD)),
      p('old_sp', ptr(WORD)),
      p('old_ip', ptr(WORD)),
      p('old_flags', ptr(WORD)),
      p('old_UserDefHandle', ptr(WORD)),
      p('old_pager', ptr(THREADID)),
    ],
    ret: THREADID,
    syscall: 'L4_ExchangeRegisters',
  },
];
