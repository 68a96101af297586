/**
 * Words in the thread's address space (the kernel's memory contents, kernel/memory.ts): what a
 * client writes into a buffer before it maps the buffer's flexpage, and what a server reads from
 * its receive window afterwards. Reading needs a mapping with the r right, writing one with w;
 * otherwise the thread faults (the model has no pager to ask).
 */
import { hex } from '../../kernel/abi/word';
import { VOID, WORD, WORD_PTR } from '../check/ctypes';
import { p, ptrArg, word } from './builtin';
import type { BuiltinDef } from './builtin';

/** A buffer is at most this many words (one 4 KiB page of amd64 words, two of ia32). */
const MAX_WORDS = 1024;

function count(n: bigint, call: string, fault: (r: string) => never): number {
  if (n > BigInt(MAX_WORDS)) fault(`${call}: ${n} words is more than ${MAX_WORDS} at once`);
  return Number(n);
}

export const MEM_CALLS: readonly BuiltinDef[] = [
  {
    name: 'mem_write',
    params: [p('addr', WORD), p('w', WORD_PTR), p('n', WORD)],
    ret: VOID,
    run: (rt, [addr, w, n]) => {
      const k = count(word(n), 'mem_write', (r) => rt.fault(r));
      const words = k === 0 ? [] : rt.read(ptrArg(w), k, 'mem_write');
      rt.memWrite(word(addr), words, 'mem_write');
      rt.effect({
        kind: 'server',
        op: 'mem_write',
        detail: { addr: hex(word(addr)), words: String(k) },
      });
      return undefined;
    },
  },
  {
    name: 'mem_read',
    params: [p('addr', WORD), p('w', WORD_PTR), p('n', WORD)],
    ret: VOID,
    run: (rt, [addr, w, n]) => {
      const k = count(word(n), 'mem_read', (r) => rt.fault(r));
      if (k === 0) return undefined;
      rt.write(ptrArg(w), rt.memRead(word(addr), k, 'mem_read'), 'mem_read');
      return undefined;
    },
  },
];
