/** The `L4_Msg*` helpers of `message.h` on an `L4_Msg_t` in the thread's memory (reference-semantics §2). */
import type { Word } from '../../kernel/abi/word';
import { toWord } from '../../kernel/abi/word';
import {
  MSG_WORDS,
  msgAppendGrantItem,
  msgAppendMapItem,
  msgAppendWord,
  msgClear,
  msgGet,
  msgLabel,
  msgLoad,
  msgPut,
  msgPutWord,
  msgSetLabel,
  msgStore,
  msgWord,
} from '../../kernel/abi/msg';
import { decodeMsgTag } from '../../kernel/abi/msgTag';
import {
  GRANTITEM,
  INT,
  MAPITEM,
  STRINGITEM,
  MSG,
  MSGTAG,
  VOID,
  VOID_PTR,
  WORD,
  WORD_PTR,
  ptr,
} from '../check/ctypes';
import { agg, p, ptrArg, word } from './builtin';
import type { BuiltinDef, Rt } from './builtin';
import type { Value } from '../vm/values';
import { utcbWith } from '../../kernel/program';

const MSG_PTR = ptr(MSG);

function readMsg(rt: Rt, m: Value | undefined, call: string): Word[] {
  return rt.read(ptrArg(m), MSG_WORDS, call);
}

function writeMsg(rt: Rt, m: Value | undefined, words: readonly Word[], call: string): undefined {
  rt.write(ptrArg(m), words, call);
  return undefined;
}

function used(rt: Rt, m: readonly Word[]): number {
  const tag = decodeMsgTag(m[0] ?? 0n, rt.abi);
  return tag.u + tag.t;
}

function room(rt: Rt, m: readonly Word[], extra: number, call: string): void {
  const n = used(rt, m);
  if (n + extra > MSG_WORDS - 1) {
    rt.fault(`${call}: the message already holds ${n} words (u + t) and a message has room for 63`);
  }
}

function untypedIndex(rt: Rt, u: Word, call: string): number {
  if (u >= BigInt(MSG_WORDS - 1))
    rt.fault(`${call}: word index ${u} is out of range: a message has untyped words 0..62`);
  return Number(u);
}

export const MSG_CALLS: readonly BuiltinDef[] = [
  {
    name: 'L4_MsgClear',
    params: [p('msg', MSG_PTR)],
    ret: VOID,
    run: (rt, [m]) => writeMsg(rt, m, msgClear(readMsg(rt, m, 'L4_MsgClear')), 'L4_MsgClear'),
  },
  {
    name: 'L4_MsgPut',
    params: [
      p('msg', MSG_PTR),
      p('label', WORD),
      p('u', INT),
      p('Untyped', WORD_PTR),
      p('t', INT),
      p('Items', VOID_PTR),
    ],
    ret: VOID,
    run: (rt, [m, label, u, untyped, t, items]) => {
      const nu = word(u);
      const nt = word(t);
      if (nu + nt > BigInt(MSG_WORDS - 1))
        rt.fault(`L4_MsgPut: u + t = ${nu + nt} words do not fit in a message (at most 63)`);
      const uw = nu === 0n ? [] : rt.read(ptrArg(untyped), Number(nu), 'L4_MsgPut (Untyped)');
      const tw = nt === 0n ? [] : rt.read(ptrArg(items), Number(nt), 'L4_MsgPut (Items)');
      return writeMsg(
        rt,
        m,
        msgPut(readMsg(rt, m, 'L4_MsgPut'), word(label), uw, tw, rt.abi),
        'L4_MsgPut',
      );
    },
  },
  {
    name: 'L4_MsgGet',
    params: [p('msg', MSG_PTR), p('Untyped', WORD_PTR), p('Items', VOID_PTR)],
    ret: VOID,
    run: (rt, [m, untyped, items]) => {
      const got = msgGet(readMsg(rt, m, 'L4_MsgGet'), rt.abi);
      if (got.untyped.length > 0) rt.write(ptrArg(untyped), got.untyped, 'L4_MsgGet (Untyped)');
      if (got.items.length > 0) rt.write(ptrArg(items), got.items, 'L4_MsgGet (Items)');
      return undefined;
    },
  },
  {
    name: 'L4_MsgAppendWord',
    params: [p('msg', MSG_PTR), p('w', WORD)],
    ret: VOID,
    run: (rt, [m, w]) => {
      const msg = readMsg(rt, m, 'L4_MsgAppendWord');
      room(rt, msg, 1, 'L4_MsgAppendWord');
      return writeMsg(rt, m, msgAppendWord(msg, word(w), rt.abi), 'L4_MsgAppendWord');
    },
  },
  {
    name: 'L4_MsgAppendMapItem',
    params: [p('msg', MSG_PTR), p('map', MAPITEM)],
    ret: VOID,
    run: (rt, [m, item]) => {
      const msg = readMsg(rt, m, 'L4_MsgAppendMapItem');
      room(rt, msg, 2, 'L4_MsgAppendMapItem');
      const [w0 = 0n, w1 = 0n] = agg(item);
      return writeMsg(rt, m, msgAppendMapItem(msg, [w0, w1], rt.abi), 'L4_MsgAppendMapItem');
    },
  },
  {
    // user/include/l4/message.h, L4_MsgAppendSimpleStringItem: clears c and j (bits 4–9), puts
    // the two words after the last typed word and adds 2 to t (the header checks no room; here a
    // full message faults, as L4_MsgAppendMapItem does).
    name: 'L4_MsgAppendSimpleStringItem',
    params: [p('msg', MSG_PTR), p('s', STRINGITEM)],
    ret: VOID,
    run: (rt, [m, item]) => {
      const msg = readMsg(rt, m, 'L4_MsgAppendSimpleStringItem');
      room(rt, msg, 2, 'L4_MsgAppendSimpleStringItem');
      const [w0 = 0n, w1 = 0n] = agg(item);
      const s = msgAppendMapItem(msg, [w0 & ~0x3f0n, w1], rt.abi);
      return writeMsg(rt, m, s, 'L4_MsgAppendSimpleStringItem');
    },
  },
  {
    name: 'L4_MsgAppendGrantItem',
    params: [p('msg', MSG_PTR), p('grant', GRANTITEM)],
    ret: VOID,
    run: (rt, [m, item]) => {
      const msg = readMsg(rt, m, 'L4_MsgAppendGrantItem');
      room(rt, msg, 2, 'L4_MsgAppendGrantItem');
      const [w0 = 0n, w1 = 0n] = agg(item);
      return writeMsg(rt, m, msgAppendGrantItem(msg, [w0, w1], rt.abi), 'L4_MsgAppendGrantItem');
    },
  },
  {
    name: 'L4_MsgPutWord',
    params: [p('msg', MSG_PTR), p('u', WORD), p('w', WORD)],
    ret: VOID,
    run: (rt, [m, u, w]) => {
      const i = untypedIndex(rt, word(u), 'L4_MsgPutWord');
      return writeMsg(
        rt,
        m,
        msgPutWord(readMsg(rt, m, 'L4_MsgPutWord'), i, word(w), rt.abi),
        'L4_MsgPutWord',
      );
    },
  },
  {
    name: 'L4_MsgWord',
    params: [p('msg', MSG_PTR), p('u', WORD)],
    ret: WORD,
    run: (rt, [m, u]) =>
      msgWord(readMsg(rt, m, 'L4_MsgWord'), untypedIndex(rt, word(u), 'L4_MsgWord')),
  },
  {
    name: 'L4_MsgLabel',
    params: [p('msg', MSG_PTR)],
    ret: WORD,
    run: (rt, [m]) => msgLabel(readMsg(rt, m, 'L4_MsgLabel'), rt.abi),
  },
  {
    name: 'L4_Set_MsgLabel',
    params: [p('msg', MSG_PTR), p('label', WORD)],
    ret: VOID,
    run: (rt, [m, label]) =>
      writeMsg(
        rt,
        m,
        msgSetLabel(readMsg(rt, m, 'L4_Set_MsgLabel'), word(label), rt.abi),
        'L4_Set_MsgLabel',
      ),
  },
  {
    name: 'L4_MsgMsgTag',
    params: [p('msg', MSG_PTR)],
    ret: MSGTAG,
    run: (rt, [m]) => readMsg(rt, m, 'L4_MsgMsgTag')[0] ?? 0n,
  },
  {
    name: 'L4_Set_MsgMsgTag',
    params: [p('msg', MSG_PTR), p('t', MSGTAG)],
    ret: VOID,
    run: (rt, [m, t]) => {
      const msg = readMsg(rt, m, 'L4_Set_MsgMsgTag');
      msg[0] = toWord(word(t), rt.abi);
      return writeMsg(rt, m, msg, 'L4_Set_MsgMsgTag');
    },
  },
  {
    name: 'L4_MsgLoad',
    params: [p('msg', MSG_PTR)],
    ret: VOID,
    run: (rt, [m]) => {
      rt.utcb = utcbWith(rt.utcb, {
        mrs: msgLoad(readMsg(rt, m, 'L4_MsgLoad'), rt.utcb.mrs, rt.abi),
      });
      return undefined;
    },
  },
  {
    name: 'L4_MsgStore',
    params: [p('t', MSGTAG), p('msg', MSG_PTR)],
    ret: VOID,
    run: (rt, [t, m]) =>
      writeMsg(
        rt,
        m,
        msgStore(word(t), rt.utcb.mrs, readMsg(rt, m, 'L4_MsgStore'), rt.abi),
        'L4_MsgStore',
      ),
  },
];
