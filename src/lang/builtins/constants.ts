/** The constants of the L4 headers a scenario can use by name (types.h, message.h, ipc.h). */
import {
  CTRL_XFER_ACCEPTOR,
  STRING_ITEMS_ACCEPTOR,
  UNTYPED_WORDS_ACCEPTOR,
} from '../../kernel/abi/acceptor';
import { COMPLETE_ADDRESS_SPACE, NILPAGE, RIGHTS } from '../../kernel/abi/fpage';
import { anylocalthread, anythread, NILTHREAD } from '../../kernel/abi/threadId';
import { NEVER, ZERO_TIME } from '../../kernel/abi/time';
import { ACCEPTOR, FPAGE, MSGTAG, THREADID, TIME, WORD } from '../check/ctypes';
import type { ConstDef } from './builtin';
import { CAPNP_CONSTANTS } from './capnpCalls';

const c = (name: string, type: ConstDef['type'], value: ConstDef['value']): ConstDef => ({
  name,
  type,
  value,
});

export const CONSTANTS: readonly ConstDef[] = [
  c('L4_nilthread', THREADID, () => NILTHREAD),
  c('L4_anythread', THREADID, (abi) => anythread(abi)),
  c('L4_anylocalthread', THREADID, (abi) => anylocalthread(abi)),
  c('L4_Niltag', MSGTAG, () => 0n),
  c('L4_Never', TIME, () => NEVER),
  c('L4_ZeroTime', TIME, () => ZERO_TIME),
  c('L4_Nilpage', FPAGE, () => NILPAGE),
  c('L4_CompleteAddressSpace', FPAGE, () => COMPLETE_ADDRESS_SPACE),
  c('L4_UntypedWordsAcceptor', ACCEPTOR, () => UNTYPED_WORDS_ACCEPTOR),
  c('L4_StringItemsAcceptor', ACCEPTOR, () => STRING_ITEMS_ACCEPTOR),
  c('L4_CtrlXferAcceptor', ACCEPTOR, () => CTRL_XFER_ACCEPTOR),
  c('L4_Readable', WORD, () => BigInt(RIGHTS.readable)),
  c('L4_Writable', WORD, () => BigInt(RIGHTS.writable)),
  c('L4_eXecutable', WORD, () => BigInt(RIGHTS.executable)),
  c('L4_FullyAccessible', WORD, () => BigInt(RIGHTS.fullyAccessible)),
  c('L4_ReadWriteOnly', WORD, () => BigInt(RIGHTS.readWriteOnly)),
  c('L4_ReadeXecOnly', WORD, () => BigInt(RIGHTS.readExecOnly)),
  c('L4_NoAccess', WORD, () => BigInt(RIGHTS.noAccess)),
  c('true', WORD, () => 1n),
  c('false', WORD, () => 0n),
  ...CAPNP_CONSTANTS,
];
