import { describe, expect, it } from 'vitest';
import { COMPLETE_ADDRESS_SPACE } from './fpage';
import { mapGrantItems } from './acceptor';
import { encodeErrorCode, IPC_ERROR } from './errorCode';
import { emptyMsg, msgLoad, msgPut, msgStore } from './msg';
import { encodeMsgTag } from './msgTag';
import { globalId } from './threadId';
import { brWordOffset, mrWordOffset, NUM_BRS, NUM_MRS, UTCB_TCR_OFFSETS } from './utcb';
import { vectorSection } from './vectors/pistachioVectors';
import { fromHex } from './word';

const utcb = vectorSection('amd64', 'utcb_amd64');

interface Addressing {
  op: string;
  utcb_word_index?: number;
  value?: string;
  L4_Accepted?: string;
  utcb_words_1_to_4?: string[];
  utcb_words_0_to_7?: string[];
  r_raw_0_to_3?: string[];
}

const addressing = utcb.mr_br_addressing as Addressing[];
const hexes = (list: readonly string[] | undefined): bigint[] => (list ?? []).map(fromHex);

describe('UTCB layout against the amd64 vectors', () => {
  it('has the TCR word offsets of the reference', () => {
    expect(UTCB_TCR_OFFSETS).toEqual(utcb.tcr_word_offsets);
  });

  it('has 64 MRs and 33 BRs', () => {
    const constants = vectorSection('amd64', 'constants');
    expect(NUM_MRS).toBe(constants.__L4_NUM_MRS);
    expect(NUM_BRS).toBe(constants.__L4_NUM_BRS);
  });

  it('reads MyGlobalId and the ErrorCode TCR as the reference wrote them', () => {
    expect(globalId(0x42n, 1n, 'amd64')).toBe(BigInt(utcb['L4_MyGlobalId()'] as string));
    const rcvTimeout = encodeErrorCode(
      { phase: 'receive', code: IPC_ERROR.timeout, offset: 0n },
      'amd64',
    );
    expect(rcvTimeout).toBe(BigInt(utcb['L4_ErrorCode()_after_TCR_write_rcv_timeout'] as string));
  });

  it.each(addressing.filter((a) => a.utcb_word_index !== undefined))(
    'addresses $op at its word index',
    (a) => {
      const m = /^L4_(LoadMR|LoadBR)\((\d+),|^L4_Accept\(/.exec(a.op);
      if (!m) throw new Error(`unknown addressing op ${a.op}`);
      const offset =
        m[1] === 'LoadMR' ? mrWordOffset(Number(m[2])) : brWordOffset(Number(m[2] ?? 0));
      expect(offset).toBe(a.utcb_word_index);
      if (a.L4_Accepted !== undefined) {
        expect(mapGrantItems(COMPLETE_ADDRESS_SPACE, 'amd64')).toBe(BigInt(a.L4_Accepted));
        expect(BigInt(a.value ?? '')).toBe(BigInt(a.L4_Accepted));
      }
    },
  );

  it('MsgLoad copies MR0..MR(u+t) and leaves the rest', () => {
    const load = addressing.find((a) => a.utcb_words_0_to_7 !== undefined);
    const words = hexes(load?.utcb_words_0_to_7);
    const m = msgPut(emptyMsg(), 0x1234n, words.slice(1, 6), [], 'amd64');
    const mrs = msgLoad(m, new Array<bigint>(NUM_MRS).fill(0n), 'amd64');
    expect(mrs.slice(0, 8)).toEqual(words);
    expect(mrs).toHaveLength(NUM_MRS);
  });

  it('MsgStore copies MR1..MR(u+t) and takes the tag from its argument', () => {
    const store = addressing.find((a) => a.r_raw_0_to_3 !== undefined);
    const expected = hexes(store?.r_raw_0_to_3);
    const tag = encodeMsgTag({ label: 0x77n, u: 2, t: 0, flags: 0 }, 'amd64');
    const mrs = [0x12340005n, expected[1] ?? 0n, expected[2] ?? 0n, 0xccccn];
    expect(msgStore(tag, mrs, emptyMsg(), 'amd64').slice(0, 4)).toEqual(expected);
  });
});
