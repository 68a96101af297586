/** Message-tag and thread-id helpers (reference-semantics §1, §6). */
import {
  decodeMsgTag,
  encodeMsgTag,
  ipcFailed,
  ipcPropagated,
  ipcRedirected,
  ipcSucceeded,
  ipcXcpu,
} from '../../kernel/abi/msgTag';
import {
  globalId,
  isGlobalId,
  isLocalId,
  isNilThread,
  threadNo,
  threadVersion,
} from '../../kernel/abi/threadId';
import type { Abi, Word } from '../../kernel/abi/word';
import { BOOL, MSGTAG, THREADID, VOID, WORD, ptr } from '../check/ctypes';
import { bool, p, ptrArg, word } from './builtin';
import type { BuiltinDef } from './builtin';

function withLabel(tag: Word, label: Word, abi: Abi): Word {
  return encodeMsgTag({ ...decodeMsgTag(tag, abi), label }, abi);
}

const TAG_PTR = ptr(MSGTAG);

export const TAG_CALLS: readonly BuiltinDef[] = [
  {
    name: 'L4_Label',
    params: [p('t', MSGTAG)],
    ret: WORD,
    run: (rt, [t]) => decodeMsgTag(word(t), rt.abi).label,
  },
  {
    name: 'L4_UntypedWords',
    params: [p('t', MSGTAG)],
    ret: WORD,
    run: (rt, [t]) => BigInt(decodeMsgTag(word(t), rt.abi).u),
  },
  {
    name: 'L4_TypedWords',
    params: [p('t', MSGTAG)],
    ret: WORD,
    run: (rt, [t]) => BigInt(decodeMsgTag(word(t), rt.abi).t),
  },
  {
    name: 'L4_Set_Label',
    params: [p('t', TAG_PTR), p('label', WORD)],
    ret: VOID,
    run: (rt, [t, label]) => {
      const [tag = 0n] = rt.read(ptrArg(t), 1, 'L4_Set_Label');
      rt.write(ptrArg(t), [withLabel(tag, word(label), rt.abi)], 'L4_Set_Label');
      return undefined;
    },
  },
  {
    name: 'L4_MsgTagAddLabel',
    params: [p('t', MSGTAG), p('label', WORD)],
    ret: MSGTAG,
    run: (rt, [t, label]) => withLabel(word(t), word(label), rt.abi),
  },
  {
    name: 'L4_MsgTagAddLabelTo',
    params: [p('t', TAG_PTR), p('label', WORD)],
    ret: TAG_PTR,
    run: (rt, [t, label]) => {
      const [tag = 0n] = rt.read(ptrArg(t), 1, 'L4_MsgTagAddLabelTo');
      rt.write(ptrArg(t), [withLabel(tag, word(label), rt.abi)], 'L4_MsgTagAddLabelTo');
      return ptrArg(t);
    },
  },
  {
    name: 'L4_Set_Propagation',
    params: [p('t', TAG_PTR)],
    ret: VOID,
    run: (rt, [t]) => {
      const [tag = 0n] = rt.read(ptrArg(t), 1, 'L4_Set_Propagation');
      rt.write(ptrArg(t), [tag | 0x1000n], 'L4_Set_Propagation');
      return undefined;
    },
  },
  {
    name: 'L4_IpcSucceeded',
    params: [p('t', MSGTAG)],
    ret: BOOL,
    run: (_rt, [t]) => bool(ipcSucceeded(word(t))),
  },
  {
    name: 'L4_IpcFailed',
    params: [p('t', MSGTAG)],
    ret: BOOL,
    run: (_rt, [t]) => bool(ipcFailed(word(t))),
  },
  {
    name: 'L4_IpcPropagated',
    params: [p('t', MSGTAG)],
    ret: BOOL,
    run: (_rt, [t]) => bool(ipcPropagated(word(t))),
  },
  {
    name: 'L4_IpcRedirected',
    params: [p('t', MSGTAG)],
    ret: BOOL,
    run: (_rt, [t]) => bool(ipcRedirected(word(t))),
  },
  {
    name: 'L4_IpcXcpu',
    params: [p('t', MSGTAG)],
    ret: BOOL,
    run: (_rt, [t]) => bool(ipcXcpu(word(t))),
  },
  {
    name: 'L4_GlobalId',
    params: [p('threadno', WORD), p('version', WORD)],
    ret: THREADID,
    run: (rt, [n, v]) => globalId(word(n), word(v), rt.abi),
  },
  {
    name: 'L4_ThreadNo',
    params: [p('t', THREADID)],
    ret: WORD,
    run: (rt, [t]) => threadNo(word(t), rt.abi),
  },
  {
    name: 'L4_Version',
    params: [p('t', THREADID)],
    ret: WORD,
    run: (rt, [t]) => threadVersion(word(t), rt.abi),
  },
  {
    name: 'L4_IsNilThread',
    params: [p('t', THREADID)],
    ret: BOOL,
    run: (_rt, [t]) => bool(isNilThread(word(t))),
  },
  {
    name: 'L4_IsLocalId',
    params: [p('t', THREADID)],
    ret: BOOL,
    run: (_rt, [t]) => bool(isLocalId(word(t))),
  },
  {
    name: 'L4_IsGlobalId',
    params: [p('t', THREADID)],
    ret: BOOL,
    run: (_rt, [t]) => bool(isGlobalId(word(t))),
  },
  {
    name: 'L4_IsThreadEqual',
    params: [p('l', THREADID), p('r', THREADID)],
    ret: BOOL,
    run: (_rt, [l, r]) => bool(word(l) === word(r)),
  },
  {
    name: 'L4_IsThreadNotEqual',
    params: [p('l', THREADID), p('r', THREADID)],
    ret: BOOL,
    run: (_rt, [l, r]) => bool(word(l) !== word(r)),
  },
];
