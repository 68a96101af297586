/** The system-call wrappers of `l4/ipc.h` and `l4/schedule.h`: signatures only (they trap). */
import { MSGTAG, THREADID, TIME, VOID, WORD, ptr } from '../check/ctypes';
import { p } from './builtin';
import type { BuiltinDef, ParamDef } from './builtin';

const FROM_PTR = ptr(THREADID);
const ipcArgs: ParamDef[] = [
  p('to', THREADID),
  p('FromSpecifier', THREADID),
  p('Timeouts', WORD),
  p('from', FROM_PTR),
];

export const IPC_CALLS: readonly BuiltinDef[] = [
  { name: 'L4_Ipc', params: ipcArgs, ret: MSGTAG, syscall: 'L4_Ipc' },
  { name: 'L4_Lipc', params: ipcArgs, ret: MSGTAG, syscall: 'L4_Lipc' },
  { name: 'L4_UserIpc', params: ipcArgs, ret: MSGTAG, syscall: 'L4_UserIpc' },
  { name: 'L4_Call', params: [p('to', THREADID)], ret: MSGTAG, syscall: 'L4_Call' },
  {
    name: 'L4_Call_Timeouts',
    params: [p('to', THREADID), p('SndTimeout', TIME), p('RcvTimeout', TIME)],
    ret: MSGTAG,
    syscall: 'L4_Call_Timeouts',
  },
  { name: 'L4_Send', params: [p('to', THREADID)], ret: MSGTAG, syscall: 'L4_Send' },
  {
    name: 'L4_Send_Timeout',
    params: [p('to', THREADID), p('SndTimeout', TIME)],
    ret: MSGTAG,
    syscall: 'L4_Send_Timeout',
  },
  { name: 'L4_Reply', params: [p('to', THREADID)], ret: MSGTAG, syscall: 'L4_Reply' },
  { name: 'L4_Receive', params: [p('from', THREADID)], ret: MSGTAG, syscall: 'L4_Receive' },
  {
    name: 'L4_Receive_Timeout',
    params: [p('from', THREADID), p('RcvTimeout', TIME)],
    ret: MSGTAG,
    syscall: 'L4_Receive_Timeout',
  },
  { name: 'L4_Wait', params: [p('from', FROM_PTR)], ret: MSGTAG, syscall: 'L4_Wait' },
  {
    name: 'L4_Wait_Timeout',
    params: [p('RcvTimeout', TIME), p('from', FROM_PTR)],
    ret: MSGTAG,
    syscall: 'L4_Wait_Timeout',
  },
  {
    name: 'L4_ReplyWait',
    params: [p('to', THREADID), p('from', FROM_PTR)],
    ret: MSGTAG,
    syscall: 'L4_ReplyWait',
  },
  {
    name: 'L4_ReplyWait_Timeout',
    params: [p('to', THREADID), p('RcvTimeout', TIME), p('from', FROM_PTR)],
    ret: MSGTAG,
    syscall: 'L4_ReplyWait_Timeout',
  },
  { name: 'L4_Sleep', params: [p('t', TIME)], ret: VOID, syscall: 'L4_Sleep' },
  { name: 'L4_Lcall', params: [p('to', THREADID)], ret: MSGTAG, syscall: 'L4_Lcall' },
  {
    name: 'L4_LreplyWait',
    params: [p('to', THREADID), p('from', FROM_PTR)],
    ret: MSGTAG,
    syscall: 'L4_LreplyWait',
  },
  { name: 'L4_ThreadSwitch', params: [p('dest', THREADID)], ret: VOID, syscall: 'L4_ThreadSwitch' },
  { name: 'L4_Yield', params: [], ret: VOID, syscall: 'L4_Yield' },
];
