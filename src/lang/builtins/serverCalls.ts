/**
 * Server helpers whose state the UI draws: the memory server's heap (`heap_alloc`, `heap_free`)
 * and the scheduler server's run queue (`rq_push`, `rq_pop`, `rq_empty`). Their state lives in
 * the calling thread's program state; every change is reported as a `server` effect.
 */
import { NILTHREAD } from '../../kernel/abi/threadId';
import { hex } from '../../kernel/abi/word';
import type { HeapState } from '../vm/heap';
import { heapAlloc, heapFree } from '../vm/heap';
import { BOOL, THREADID, VOID, WORD } from '../check/ctypes';
import { bool, p, word } from './builtin';
import type { BuiltinDef, Rt } from './builtin';

/** The run queue holds at most this many thread ids. */
export const RUN_QUEUE_MAX = 256;

function heapOf(rt: Rt, call: string): HeapState {
  if (rt.heap === null) {
    rt.fault(
      `${call}: thread ${rt.threadName} has no heap (declare one in the header: // @heap ${rt.threadName} <base> <size>)`,
    );
  }
  return rt.heap;
}

export const SERVER_CALLS: readonly BuiltinDef[] = [
  {
    name: 'heap_alloc',
    params: [p('size', WORD)],
    ret: WORD,
    needsHeap: true,
    run: (rt, [size]) => {
      const owner = rt.lastFrom ?? rt.self;
      const r = heapAlloc(heapOf(rt, 'heap_alloc'), word(size), owner);
      rt.heap = r.heap;
      rt.effect({
        kind: 'server',
        op: 'heap_alloc',
        detail: {
          size: hex(word(size)),
          addr: hex(r.addr),
          owner: hex(owner),
          result: r.addr === 0n ? 'out of memory' : 'ok',
        },
      });
      return r.addr;
    },
  },
  {
    name: 'heap_free',
    params: [p('addr', WORD)],
    ret: VOID,
    needsHeap: true,
    run: (rt, [addr]) => {
      const heap = heapOf(rt, 'heap_free');
      const a = word(addr);
      if (a === 0n) return undefined;
      const r = heapFree(heap, a);
      if (r === null) {
        rt.effect({
          kind: 'server',
          op: 'heap_free',
          detail: { addr: hex(a), result: 'not an allocated block' },
        });
        return undefined;
      }
      rt.heap = r.heap;
      rt.effect({
        kind: 'server',
        op: 'heap_free',
        detail: {
          addr: hex(a),
          size: hex(r.block.size),
          owner: hex(r.block.owner ?? 0n),
          result: 'ok',
        },
      });
      return undefined;
    },
  },
  {
    name: 'rq_push',
    params: [p('tid', THREADID)],
    ret: VOID,
    run: (rt, [tid]) => {
      if (rt.runQueue.length >= RUN_QUEUE_MAX)
        rt.fault(`rq_push: the run queue is full (${RUN_QUEUE_MAX} threads)`);
      rt.runQueue = [...rt.runQueue, word(tid)];
      rt.effect({
        kind: 'server',
        op: 'rq_push',
        detail: { thread: hex(word(tid)), length: String(rt.runQueue.length) },
      });
      return undefined;
    },
  },
  {
    name: 'rq_pop',
    params: [],
    ret: THREADID,
    run: (rt) => {
      const [head, ...rest] = rt.runQueue;
      if (head === undefined) {
        rt.effect({
          kind: 'server',
          op: 'rq_pop',
          detail: { thread: hex(NILTHREAD), length: '0', result: 'empty' },
        });
        return NILTHREAD;
      }
      rt.runQueue = rest;
      rt.effect({
        kind: 'server',
        op: 'rq_pop',
        detail: { thread: hex(head), length: String(rest.length), result: 'ok' },
      });
      return head;
    },
  },
  { name: 'rq_empty', params: [], ret: BOOL, run: (rt) => bool(rt.runQueue.length === 0) },
];
