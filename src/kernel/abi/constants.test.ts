import { describe, expect, it } from 'vitest';
import { CTRL_XFER_ACCEPTOR, STRING_ITEMS_ACCEPTOR, UNTYPED_WORDS_ACCEPTOR } from './acceptor';
import { COMPLETE_ADDRESS_SPACE, NILPAGE, RIGHTS } from './fpage';
import { MSG_WORDS } from './msg';
import { MSGTAG_FLAGS } from './msgTag';
import { anylocalthread, anythread, NILTHREAD } from './threadId';
import { NEVER, timeouts, ZERO_TIME } from './time';
import { NUM_BRS, NUM_MRS } from './utcb';
import { vectorSection } from './vectors/pistachioVectors';
import { ABIS, wordBits } from './word';
import type { Abi } from './word';

/** What this codebase says each reference constant is (words as BigInt, sizes in bytes). */
function ours(abi: Abi): Record<string, bigint | number> {
  const word = wordBits(abi) / 8;
  return {
    __L4_NUM_MRS: NUM_MRS,
    __L4_NUM_BRS: NUM_BRS,
    L4_Niltag: 0n,
    L4_nilthread: NILTHREAD,
    L4_anythread: anythread(abi),
    L4_anylocalthread: anylocalthread(abi),
    L4_Never: NEVER,
    L4_ZeroTime: ZERO_TIME,
    L4_Nilpage: NILPAGE,
    L4_CompleteAddressSpace: COMPLETE_ADDRESS_SPACE,
    L4_UntypedWordsAcceptor: UNTYPED_WORDS_ACCEPTOR,
    L4_StringItemsAcceptor: STRING_ITEMS_ACCEPTOR,
    L4_CtrlXferAcceptor: CTRL_XFER_ACCEPTOR,
    L4_Readable: BigInt(RIGHTS.readable),
    L4_Writable: BigInt(RIGHTS.writable),
    L4_eXecutable: BigInt(RIGHTS.executable),
    L4_FullyAccessible: BigInt(RIGHTS.fullyAccessible),
    L4_ReadWriteOnly: BigInt(RIGHTS.readWriteOnly),
    L4_ReadeXecOnly: BigInt(RIGHTS.readExecOnly),
    L4_NoAccess: BigInt(RIGHTS.noAccess),
    'L4_Timeouts(L4_Never,L4_Never)': timeouts(NEVER, NEVER, abi),
    'L4_Timeouts(L4_ZeroTime,L4_ZeroTime)': timeouts(ZERO_TIME, ZERO_TIME, abi),
    'L4_Timeouts(L4_ZeroTime,L4_Never)': timeouts(ZERO_TIME, NEVER, abi),
    'L4_Timeouts(L4_Never,L4_ZeroTime)': timeouts(NEVER, ZERO_TIME, abi),
    sizeof_L4_MsgTag_t: word,
    sizeof_L4_Msg_t: MSG_WORDS * word,
    sizeof_L4_MapItem_t: 2 * word,
    sizeof_L4_GrantItem_t: 2 * word,
    sizeof_L4_StringItem_t: 2 * word,
    sizeof_L4_Time_t: word,
    sizeof_L4_Time_t_raw: 2,
    sizeof_L4_ThreadId_t: word,
    sizeof_L4_MsgBuffer_t: (NUM_BRS - 1) * word,
    kernel_IPC_MR0_PROPAGATED: BigInt(MSGTAG_FLAGS.propagated << 12),
    kernel_IPC_MR0_REDIRECTED: BigInt(MSGTAG_FLAGS.redirected << 12),
    kernel_IPC_MR0_XCPU: BigInt(MSGTAG_FLAGS.xcpu << 12),
    kernel_IPC_MR0_ERROR: BigInt(MSGTAG_FLAGS.error << 12),
  };
}

describe('constants against the Pistachio vectors (every constant, both ABIs)', () => {
  const rows = ABIS.flatMap((abi) =>
    Object.entries(vectorSection(abi, 'constants')).map(
      ([k, v]) => [`${abi} ${k}`, abi, k, v] as const,
    ),
  );
  it.each(rows)('%s', (_label, abi, key, value) => {
    const mine = ours(abi)[key];
    if (mine === undefined) throw new Error(`no counterpart for constant ${key}`);
    expect(mine).toBe(typeof value === 'string' ? BigInt(value) : value);
  });

  it('records the word size in meta', () => {
    for (const abi of ABIS) expect(vectorSection(abi, 'meta').word_bits).toBe(wordBits(abi));
  });
});
