/** MR/BR access and the L4_Msg* helpers against the reference vectors (msg_ops, utcb_amd64). */
import { describe, expect, it } from 'vitest';
import vectorsJson from '../../kernel/abi/vectors/pistachio-x2.json';
import type { Abi, Word } from '../../kernel/abi/word';
import { ABIS, fromHex } from '../../kernel/abi/word';
import type { Utcb } from '../../kernel/program';
import { FakeThread, compileMain, threadOf } from '../testSupport/fakeKernel';

type Vec = Record<string, unknown>;
const V = vectorsJson as unknown as Record<
  Abi,
  Record<string, Vec[]> & { utcb_amd64: { mr_br_addressing: Vec[] } }
>;
const hexes = (x: unknown): Word[] => (x as string[]).map(fromHex);

/** Runs main; every L4_Yield() takes a snapshot of the UTCB. */
function snapshots(body: string, abi: Abi, initialMrs: readonly Word[] = []): Utcb[] {
  const def = threadOf(compileMain(`void main(void) {\n${body}\n}`, abi), 'main');
  const shots: Utcb[] = [];
  const t = new FakeThread(
    def,
    abi,
    (_call, utcb) => {
      shots.push(utcb);
      return { result: { kind: 'threadSwitch' } };
    },
    initialMrs,
  );
  expect(t.run().kind).toBe('exit');
  return shots;
}

const SHOW = 'L4_LoadMRs(0, 8, m.msg); L4_Yield();';

describe.each(ABIS)('L4_Msg* helpers (%s)', (abi) => {
  const ops = V[abi].msg_ops ?? [];
  const E = abi === 'amd64' ? 0xeeeeeeeeeeeeeeeen : 0xeeeeeeeen;

  it('L4_MsgPut then L4_MsgLoad writes MR0..MR(u+t) and leaves the next MR alone', () => {
    const puts = ops.filter((v) => v.op === 'L4_MsgPut(label,u,words,0,NULL)');
    expect(puts.length).toBeGreaterThan(2);
    const body = puts
      .map(
        (v) =>
          `L4_MsgPut(&m, ${String(v.label)}, ${Number(v.u)}, w, 0, NULL); L4_MsgLoad(&m); L4_Yield();`,
      )
      .join('\n');
    const shots = snapshots(
      `L4_Msg_t m; L4_Word_t w[5] = { 0x11, 0x22, 0x33, 0x44, 0x55 };\n${body}`,
      abi,
      new Array<Word>(64).fill(E),
    );
    puts.forEach((v, i) => {
      const want = hexes(v.mr0_to_mr_u_plus_1);
      expect(shots[i]?.mrs.slice(0, want.length), String(v.label)).toEqual(want);
    });
  });

  it('L4_MsgPut with typed items overwrites a garbage tag; L4_MsgGet copies both parts out', () => {
    const put = ops.find((v) => String(v.op).startsWith('L4_MsgPut(0x42'));
    const get = ops.find((v) => String(v.op).startsWith('L4_MsgGet'));
    const [shot] = snapshots(
      `L4_Msg_t m; L4_Word_t u[2] = { 0x11, 0x22 }, un[2], it[2];
      L4_MapItem_t item = L4_MapItem(L4_FpageAddRights(L4_FpageLog2(0x200000, 12), L4_FullyAccessible), 0x200000);
      m.raw[0] = 0xffffffff;
      L4_MsgPut(&m, 0x42, 2, u, 2, item.raw);
      L4_MsgGet(&m, un, it);
      L4_LoadMRs(0, 5, m.msg); L4_LoadMRs(10, 2, un); L4_LoadMRs(12, 2, it); L4_Yield();`,
      abi,
    );
    if (put !== undefined) expect(shot?.mrs.slice(0, 5)).toEqual(hexes(put.mrs));
    if (get !== undefined)
      expect(shot?.mrs.slice(10, 14)).toEqual([...hexes(get.untyped), ...hexes(get.items)]);
  });

  it('L4_MsgAppendWord, L4_MsgAppendMapItem and L4_MsgAppendGrantItem keep untyped words first', () => {
    const appends = ops.filter((v) => v.op === 'L4_MsgAppendWord');
    const shots = snapshots(
      `L4_Msg_t m; L4_MsgClear(&m);
      for (L4_Word_t w = 0x100; w <= 0x104; w++) { L4_MsgAppendWord(&m, w); ${SHOW} }
      L4_MsgClear(&m); L4_MsgAppendWord(&m, 0xa1);
      L4_MsgAppendMapItem(&m, L4_MapItem(L4_FpageAddRights(L4_FpageLog2(0x400000, 12), L4_Readable), 0)); ${SHOW}
      L4_MsgAppendWord(&m, 0xa2); ${SHOW}
      L4_GrantItem_t zero = { 0 }; L4_MsgAppendGrantItem(&m, zero); ${SHOW}`,
      abi,
    );
    for (const v of appends) {
      const i = Number(fromHex(String(v.w)) - 0x100n);
      const want = hexes(v.mrs);
      expect(shots[i]?.mrs.slice(0, want.length)).toEqual(want);
    }
    const rest = ops.filter(
      (v) =>
        String(v.op).startsWith('Clear;') ||
        String(v.op).startsWith('...') ||
        String(v.op).startsWith('AppendGrantItem'),
    );
    expect(rest.length).toBe(3);
    rest.forEach((v, k) => {
      const want = hexes(v.mrs);
      expect(shots[5 + k]?.mrs.slice(0, want.length), String(v.op)).toEqual(want);
    });
  });

  it('L4_MsgWord, L4_MsgPutWord, L4_MsgLabel, L4_Set_MsgLabel and L4_MsgStore', () => {
    const [shot] = snapshots(
      `L4_Msg_t m; L4_Word_t w[3] = { 1, 2, 3 };
      L4_MsgPut(&m, 0x1234, 3, w, 0, NULL);
      L4_MsgPutWord(&m, 1, 0x99);
      L4_LoadMR(20, L4_MsgWord(&m, 1)); L4_LoadMR(21, L4_MsgLabel(&m));
      L4_Set_MsgLabel(&m, 0x77); L4_LoadMR(22, m.tag.raw); L4_LoadMR(23, L4_MsgMsgTag(&m).raw);
      L4_LoadMR(1, 0xaaaa); L4_LoadMR(2, 0xbbbb); L4_LoadMR(3, 0xcccc);
      L4_MsgTag_t t; t.raw = 0x770002;
      L4_Msg_t r; L4_MsgStore(t, &r);
      L4_LoadMRs(24, 4, r.raw); L4_Yield();`,
      abi,
    );
    expect(shot?.mrs.slice(20, 28)).toEqual([
      0x99n,
      0x1234n,
      0x770003n,
      0x770003n,
      0x770002n,
      0xaaaan,
      0xbbbbn,
      0n,
    ]);
  });
});

describe('MR and BR access against the amd64 UTCB vectors', () => {
  const cases = V.amd64.utcb_amd64.mr_br_addressing;
  const find = (prefix: string) => cases.find((c) => String(c.op).startsWith(prefix)) as Vec;

  it('loads, stores, accepts and loads a message as the real headers do', () => {
    const [shot] = snapshots(
      `L4_Word_t b[4] = { 0xb0, 0xb1, 0xb2, 0xb3 }, got, brs[2];
      L4_LoadMR(0, 0x1234); L4_LoadMR(40, L4_MsgTag().raw);
      L4_LoadMRs(1, 4, b); L4_LoadMR(63, 0x6363); L4_StoreMR(63, &got); L4_LoadMR(41, got);
      L4_Accept(L4_MapGrantItems(L4_CompleteAddressSpace)); L4_LoadBR(32, 0x3232);
      L4_LoadMR(42, L4_Accepted().raw); L4_StoreBR(32, &got); L4_LoadMR(43, got);
      L4_LoadBRs(1, 2, b); L4_StoreBRs(1, 2, brs); L4_LoadMRs(44, 2, brs);
      L4_Set_MsgTag(L4_Niltag); L4_LoadMR(46, L4_MsgTag().raw);
      L4_Yield();
      L4_Msg_t m; L4_Word_t five[5] = { 0x5000, 0x5001, 0x5002, 0x5003, 0x5004 };
      L4_LoadMRs(0, 8, m.raw);
      L4_MsgPut(&m, 0x1234, 5, five, 0, NULL); L4_MsgLoad(&m); L4_Yield();`,
      'amd64',
    );
    expect(shot?.mrs[40]).toBe(fromHex(String(find('L4_MsgTag() reads MR0').value)));
    expect(shot?.mrs.slice(1, 5)).toEqual(hexes(find('L4_LoadMRs(1,4').utcb_words_1_to_4));
    expect(shot?.mrs[41]).toBe(fromHex(String(find('L4_StoreMR(63)').value)));
    expect(shot?.brs[0]).toBe(fromHex(String(find('L4_Accept(').value)));
    expect(shot?.mrs[42]).toBe(fromHex(String(find('L4_Accept(').L4_Accepted)));
    expect(shot?.brs[32]).toBe(fromHex(String(find('L4_LoadBR(32').value)));
    expect(shot?.mrs.slice(43, 47)).toEqual([0x3232n, 0xb0n, 0xb1n, 0n]);
  });

  it('L4_MsgLoad copies MR0..MR(u+t) only', () => {
    const shots = snapshots(
      `L4_Msg_t m; L4_Word_t five[5] = { 0x5000, 0x5001, 0x5002, 0x5003, 0x5004 };
      L4_MsgPut(&m, 0x1234, 5, five, 0, NULL); L4_MsgLoad(&m); L4_Yield();`,
      'amd64',
    );
    expect(shots[0]?.mrs.slice(0, 8)).toEqual(hexes(find('L4_MsgLoad').utcb_words_0_to_7));
  });
});
