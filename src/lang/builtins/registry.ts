/** Every L4 call and server helper the scenario language knows, by name and by number. */
import type { BuiltinDef } from './builtin';
import { CAPNP_CALLS } from './capnpCalls';
import { IPC_CALLS } from './ipcCalls';
import { MEM_CALLS } from './memCalls';
import { MSG_CALLS } from './msgCalls';
import { PAGE_CALLS } from './pageCalls';
import { SERVER_CALLS } from './serverCalls';
import { TAG_CALLS } from './tagCalls';
import { UTCB_CALLS } from './utcbCalls';

/** Indexed by the number the compiled code uses. */
export const BUILTINS: readonly BuiltinDef[] = [
  ...UTCB_CALLS,
  ...MSG_CALLS,
  ...TAG_CALLS,
  ...PAGE_CALLS,
  ...IPC_CALLS,
  ...SERVER_CALLS,
  ...MEM_CALLS,
  ...CAPNP_CALLS,
];

/** L4 API names this model does not implement, with what to do instead. */
export const UNSUPPORTED: ReadonlyMap<string, string> = new Map([
  ['L4_ExchangeRegisters', 'thread control is not modelled'],
  ['L4_ThreadControl', 'threads are declared in the header (// @thread)'],
  ['L4_SpaceControl', 'address spaces are declared in the header (// @space)'],
  ['L4_Schedule', 'priorities are declared in the header (priority=)'],
  ['L4_Unmap', 'unmap is not modelled yet'],
  ['L4_Flush', 'unmap is not modelled yet'],
  ['L4_StringItem', 'string items are not modelled yet'],
  ['L4_MsgAppendSimpleStringItem', 'string items are not modelled yet'],
  ['L4_SystemClock', 'read the simulated clock from the visualizer'],
  ['printf', 'use a //! narration comment to explain a step'],
  ['malloc', 'in the memory server use heap_alloc(size)'],
  ['free', 'in the memory server use heap_free(addr)'],
]);
