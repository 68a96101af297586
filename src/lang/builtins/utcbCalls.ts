/** MR/BR access, MR0 as a tag, the acceptor in BR0, and TCR readers (reference-semantics §3). */
import type { Word } from '../../kernel/abi/word';
import { toWord } from '../../kernel/abi/word';
import { NUM_BRS, NUM_MRS } from '../../kernel/abi/utcb';
import { ACCEPTOR, CLOCK, INT, MSGTAG, THREADID, VOID, WORD, WORD_PTR } from '../check/ctypes';
import { p, ptrArg, word } from './builtin';
import type { BuiltinDef, Rt } from './builtin';
import { utcbWith } from '../../kernel/program';

function checkRange(rt: Rt, kind: 'MR' | 'BR', call: string, i: Word, k: Word): number {
  const count = kind === 'MR' ? NUM_MRS : NUM_BRS;
  const name = kind === 'MR' ? 'message registers are MR0..MR63' : 'buffer registers are BR0..BR32';
  if (i >= BigInt(count)) rt.fault(`${call}: ${kind} index ${i} is out of range: ${name}`);
  if (i + k > BigInt(count)) {
    rt.fault(`${call}(${i}, ${k}, ...) reaches ${kind}${i + k - 1n}: ${name}`);
  }
  return Number(i);
}

function setMr(rt: Rt, i: number, words: readonly Word[]): undefined {
  const mrs = rt.utcb.mrs.slice();
  words.forEach((w, k) => (mrs[i + k] = toWord(w, rt.abi)));
  rt.utcb = utcbWith(rt.utcb, { mrs });
  return undefined;
}

function setBr(rt: Rt, i: number, words: readonly Word[]): undefined {
  const brs = rt.utcb.brs.slice();
  words.forEach((w, k) => (brs[i + k] = toWord(w, rt.abi)));
  rt.utcb = { ...rt.utcb, brs };
  return undefined;
}

function regs(rt: Rt, kind: 'MR' | 'BR', i: number, k: number): Word[] {
  const src = kind === 'MR' ? rt.utcb.mrs : rt.utcb.brs;
  return Array.from({ length: k }, (_, n) => src[i + n] ?? 0n);
}

export const UTCB_CALLS: readonly BuiltinDef[] = [
  {
    name: 'L4_LoadMR',
    params: [p('i', INT), p('w', WORD)],
    ret: VOID,
    run: (rt, [i, w]) => setMr(rt, checkRange(rt, 'MR', 'L4_LoadMR', word(i), 1n), [word(w)]),
  },
  {
    name: 'L4_StoreMR',
    params: [p('i', INT), p('w', WORD_PTR)],
    ret: VOID,
    run: (rt, [i, w]) => {
      const n = checkRange(rt, 'MR', 'L4_StoreMR', word(i), 1n);
      rt.write(ptrArg(w), regs(rt, 'MR', n, 1), 'L4_StoreMR');
      return undefined;
    },
  },
  {
    name: 'L4_LoadMRs',
    params: [p('i', INT), p('k', INT), p('w', WORD_PTR)],
    ret: VOID,
    run: (rt, [i, k, w]) => {
      const n = checkRange(rt, 'MR', 'L4_LoadMRs', word(i), word(k));
      setMr(rt, n, rt.read(ptrArg(w), Number(word(k)), 'L4_LoadMRs'));
      return undefined;
    },
  },
  {
    name: 'L4_StoreMRs',
    params: [p('i', INT), p('k', INT), p('w', WORD_PTR)],
    ret: VOID,
    run: (rt, [i, k, w]) => {
      const n = checkRange(rt, 'MR', 'L4_StoreMRs', word(i), word(k));
      rt.write(ptrArg(w), regs(rt, 'MR', n, Number(word(k))), 'L4_StoreMRs');
      return undefined;
    },
  },
  {
    name: 'L4_LoadBR',
    params: [p('i', INT), p('w', WORD)],
    ret: VOID,
    run: (rt, [i, w]) => setBr(rt, checkRange(rt, 'BR', 'L4_LoadBR', word(i), 1n), [word(w)]),
  },
  {
    name: 'L4_StoreBR',
    params: [p('i', INT), p('w', WORD_PTR)],
    ret: VOID,
    run: (rt, [i, w]) => {
      const n = checkRange(rt, 'BR', 'L4_StoreBR', word(i), 1n);
      rt.write(ptrArg(w), regs(rt, 'BR', n, 1), 'L4_StoreBR');
      return undefined;
    },
  },
  {
    name: 'L4_LoadBRs',
    params: [p('i', INT), p('k', INT), p('w', WORD_PTR)],
    ret: VOID,
    run: (rt, [i, k, w]) => {
      const n = checkRange(rt, 'BR', 'L4_LoadBRs', word(i), word(k));
      setBr(rt, n, rt.read(ptrArg(w), Number(word(k)), 'L4_LoadBRs'));
      return undefined;
    },
  },
  {
    name: 'L4_StoreBRs',
    params: [p('i', INT), p('k', INT), p('w', WORD_PTR)],
    ret: VOID,
    run: (rt, [i, k, w]) => {
      const n = checkRange(rt, 'BR', 'L4_StoreBRs', word(i), word(k));
      rt.write(ptrArg(w), regs(rt, 'BR', n, Number(word(k))), 'L4_StoreBRs');
      return undefined;
    },
  },
  { name: 'L4_MsgTag', params: [], ret: MSGTAG, run: (rt) => rt.utcb.mrs[0] ?? 0n },
  {
    name: 'L4_Set_MsgTag',
    params: [p('t', MSGTAG)],
    ret: VOID,
    run: (rt, [t]) => setMr(rt, 0, [word(t)]),
  },
  {
    name: 'L4_Accept',
    params: [p('a', ACCEPTOR)],
    ret: VOID,
    run: (rt, [a]) => setBr(rt, 0, [word(a)]),
  },
  { name: 'L4_Accepted', params: [], ret: ACCEPTOR, run: (rt) => rt.utcb.brs[0] ?? 0n },
  { name: 'L4_ErrorCode', params: [], ret: WORD, run: (rt) => rt.utcb.errorCode },
  { name: 'L4_Myself', params: [], ret: THREADID, run: (rt) => rt.self },
  { name: 'L4_MyGlobalId', params: [], ret: THREADID, run: (rt) => rt.self },
  // user/include/l4/ia32|amd64/vregs.h: the local id is the UTCB address (%gs:0).
  { name: 'L4_MyLocalId', params: [], ret: THREADID, run: (rt) => rt.localId },
  // L4_SystemClock (a system call in Pistachio, no IPC): the simulated clock in µs.
  { name: 'L4_SystemClock', params: [], ret: CLOCK, run: (rt) => BigInt(rt.now) },
  { name: 'L4_Pager', params: [], ret: THREADID, run: (rt) => rt.utcb.pager },
  { name: 'L4_ActualSender', params: [], ret: THREADID, run: (rt) => rt.utcb.virtualSender },
  { name: 'L4_IntendedReceiver', params: [], ret: THREADID, run: (rt) => rt.utcb.intendedReceiver },
];
