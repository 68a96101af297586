/**
 * The L4 helper calls, run by the interpreter, against the reference vectors (words produced by
 * Pistachio's own headers; src/kernel/abi/vectors/pistachio-x2.json). Each program reads its
 * inputs from MRs and leaves its results in MRs.
 */
import { describe, expect, it } from 'vitest';
import vectorsJson from '../../kernel/abi/vectors/pistachio-x2.json';
import type { Abi, Word } from '../../kernel/abi/word';
import { ABIS, fromHex } from '../../kernel/abi/word';
import { FakeThread, compileMain, threadOf } from '../testSupport/fakeKernel';

type Vec = Record<string, string | number | boolean | string[] | undefined>;
const V = vectorsJson as unknown as Record<Abi, Record<string, Vec[]>>;
const w = (x: unknown): Word =>
  typeof x === 'number' ? BigInt(x) : typeof x === 'boolean' ? BigInt(x) : fromHex(String(x));

/** Compiles `body` once; returns a function running it with MR1.. = inputs, giving MR0..MR31. */
function program(body: string, abi: Abi): (inputs: readonly Word[]) => Word[] {
  const def = threadOf(compileMain(`void main(void) {\n${body}\n}`, abi), 'main');
  return (inputs) => {
    const t = new FakeThread(def, abi, undefined, [0n, ...inputs]);
    expect(t.run().kind).toBe('exit');
    return t.utcb.mrs.slice(0, 32);
  };
}

describe.each(ABIS)('L4 helpers against the reference vectors (%s)', (abi) => {
  it('message tags: L4_Label, L4_UntypedWords, L4_TypedWords and the Ipc* flag tests', () => {
    const run = program(
      `L4_MsgTag_t t; L4_StoreMR(1, &t.raw);
      L4_LoadMR(2, L4_Label(t)); L4_LoadMR(3, L4_UntypedWords(t)); L4_LoadMR(4, L4_TypedWords(t));
      L4_LoadMR(5, L4_IpcSucceeded(t)); L4_LoadMR(6, L4_IpcFailed(t)); L4_LoadMR(7, L4_IpcPropagated(t));
      L4_LoadMR(8, L4_IpcRedirected(t)); L4_LoadMR(9, L4_IpcXcpu(t));
      L4_LoadMR(10, L4_MsgTagAddLabel(t, 0x77).raw); L4_Set_Label(&t, 0x55); L4_LoadMR(11, t.raw);`,
      abi,
    );
    const cases = V[abi].msgtag ?? [];
    expect(cases.length).toBeGreaterThan(20);
    for (const v of cases) {
      const raw = w(v.raw);
      const out = run([raw]);
      expect(out.slice(2, 10), String(v.raw)).toEqual(
        [
          v.L4_Label,
          v.L4_UntypedWords,
          v.L4_TypedWords,
          v.L4_IpcSucceeded,
          v.L4_IpcFailed,
          v.L4_IpcPropagated,
          v.L4_IpcRedirected,
          v.L4_IpcXcpu,
        ].map(w),
      );
      expect(out[10]).toBe((raw & 0xffffn) | (0x77n << 16n));
      expect(out[11]).toBe((raw & 0xffffn) | (0x55n << 16n));
    }
  });

  it('thread ids: L4_GlobalId, L4_ThreadNo, L4_Version, L4_Is*', () => {
    const run = program(
      `L4_Word_t no, ver; L4_StoreMR(1, &no); L4_StoreMR(2, &ver);
      L4_ThreadId_t t = L4_GlobalId(no, ver);
      L4_LoadMR(3, t.raw); L4_LoadMR(4, L4_ThreadNo(t)); L4_LoadMR(5, L4_Version(t));
      L4_LoadMR(6, L4_IsGlobalId(t)); L4_LoadMR(7, L4_IsLocalId(t)); L4_LoadMR(8, L4_IsNilThread(t));
      L4_LoadMR(9, L4_IsThreadEqual(t, L4_GlobalId(no, ver))); L4_LoadMR(10, L4_IsThreadNotEqual(t, L4_nilthread));`,
      abi,
    );
    for (const v of V[abi].thread_id ?? []) {
      if (v.threadno === undefined || v.version === undefined) continue;
      const out = run([w(v.threadno), w(v.version)]);
      const fields = [
        'raw',
        'L4_ThreadNo',
        'L4_Version',
        'L4_IsGlobalId',
        'L4_IsLocalId',
        'L4_IsNilThread',
      ];
      fields.forEach((f, i) => {
        if (v[f] !== undefined)
          expect(out[3 + i], `${f} of ${String(v.threadno)}/${String(v.version)}`).toBe(w(v[f]));
      });
      expect(out[9]).toBe(1n);
      expect(out[10]).toBe(w(v.raw) === 0n ? 0n : 1n);
    }
  });

  it('fpages: L4_FpageLog2, L4_Fpage, rights, address and size', () => {
    const run = program(
      `L4_Word_t base, s, size, rwx; L4_StoreMR(1, &base); L4_StoreMR(2, &s); L4_StoreMR(3, &size); L4_StoreMR(4, &rwx);
      L4_Fpage_t f = L4_FpageLog2(base, s);
      if (size != 0) f = L4_Fpage(base, size);
      L4_LoadMR(5, f.raw); L4_LoadMR(6, L4_Address(f)); L4_LoadMR(7, L4_Size(f)); L4_LoadMR(8, L4_SizeLog2(f));
      L4_Fpage_t r = L4_FpageAddRights(f, rwx);
      L4_LoadMR(9, r.raw); L4_LoadMR(10, L4_FpageRemoveRights(r, L4_Writable).raw); L4_LoadMR(11, L4_Rights(r));
      L4_Set_Rights(&f, rwx); L4_LoadMR(12, f.raw);
      L4_LoadMR(13, L4_CompleteAddressSpace.raw); L4_LoadMR(15, L4_Nilpage.raw); L4_LoadMR(14, L4_FpageAddRights(L4_CompleteAddressSpace, L4_FullyAccessible).raw);`,
      abi,
    );
    let checked = 0;
    for (const v of V[abi].fpage ?? []) {
      const fn = String(v.fn);
      if (fn.startsWith('L4_FpageLog2')) {
        const out = run([w(v.base), w(v.log2size), 0n, 0n]);
        expect(out[5], fn).toBe(w(v.raw));
        expect(out[6]).toBe(w(v.L4_Address));
        if (v.L4_Size !== undefined)
          expect(out.slice(7, 9)).toEqual([w(v.L4_Size), w(v.L4_SizeLog2)]);
      } else if (fn === 'L4_Fpage') {
        const out = run([w(v.base), 0n, w(v.size), 0n]);
        expect(out.slice(5, 9), `${fn} ${String(v.size)}`).toEqual(
          [v.raw, v.L4_Address, v.L4_Size, v.L4_SizeLog2].map(w),
        );
      } else if (fn.startsWith('L4_FpageAddRights')) {
        const out = run([0x10000000n, 12n, 0n, w(v.rwx)]);
        expect(out.slice(9, 13)).toEqual(
          [v.raw, v.minus_L4_Writable_raw, v.L4_Rights, v.L4_Set_Rights_raw].map(w),
        );
      } else if (fn === 'L4_CompleteAddressSpace') {
        expect(run([0n, 10n, 0n, 0n])[13]).toBe(w(v.raw));
      } else if (fn === 'L4_Nilpage') {
        expect(run([0n, 10n, 0n, 0n])[15]).toBe(w(v.raw));
      } else if (fn === 'L4_CompleteAddressSpace + L4_FullyAccessible') {
        expect(run([0n, 10n, 0n, 0n])[14]).toBe(w(v.raw));
      } else continue;
      checked++;
    }
    expect(checked).toBe((V[abi].fpage ?? []).length);
  });

  it('map and grant items, and their accessors', () => {
    const run = program(
      `L4_Fpage_t f; L4_Word_t base; L4_StoreMR(1, &f.raw); L4_StoreMR(2, &base);
      L4_MapItem_t m = L4_MapItem(f, base); L4_GrantItem_t g = L4_GrantItem(f, base);
      L4_LoadMRs(3, 2, m.raw); L4_LoadMRs(5, 2, g.raw);
      L4_LoadMR(7, L4_IsMapItem(m)); L4_LoadMR(8, L4_MapItemSndBase(m)); L4_LoadMR(9, L4_MapItemSndFpage(m).raw);
      L4_LoadMR(10, L4_IsGrantItem(g)); L4_LoadMR(11, L4_GrantItemSndBase(g)); L4_LoadMR(12, L4_GrantItemSndFpage(g).raw);
      L4_GrantItem_t asGrant; asGrant.raw[0] = m.raw[0]; L4_LoadMR(13, L4_IsGrantItem(asGrant));`,
      abi,
    );
    for (const v of V[abi].map_grant_items ?? []) {
      const fn = String(v.fn);
      if (fn === 'L4_MapItem' || fn === 'L4_GrantItem') {
        const out = run([w(v.fpage), w(v.snd_base)]);
        const [w0, w1, is, base, page] =
          fn === 'L4_MapItem'
            ? out.slice(3, 5).concat(out.slice(7, 10))
            : out.slice(5, 7).concat(out.slice(10, 13));
        expect([w0, w1], `${fn} ${String(v.fpage)}`).toEqual([w(v.w0), w(v.w1)]);
        const prefix = fn === 'L4_MapItem' ? 'L4_MapItem' : 'L4_GrantItem';
        expect([is, base, page]).toEqual([
          w(v[`L4_Is${fn.slice(3)}`]),
          w(v[`${prefix}SndBase`]),
          w(v[`${prefix}SndFpage`]),
        ]);
        expect(out[13]).toBe(0n);
      } else if (fn.startsWith('L4_MapItem vs')) {
        const out = run([w(v.fpage), w(v.snd_base)]);
        expect([out[3], out[5], out[4]]).toEqual([w(v.map_w0), w(v.grant_w0), w(v.w1)]);
      }
    }
  });

  it('acceptors: L4_MapGrantItems (with its bit-1 quirk) and acceptor arithmetic', () => {
    const run = program(
      `L4_Fpage_t win; L4_StoreMR(1, &win.raw);
      L4_Acceptor_t a = L4_MapGrantItems(win);
      L4_LoadMR(2, a.raw); L4_LoadMR(3, L4_HasMapGrantItems(a)); L4_LoadMR(4, L4_HasStringItems(a));
      L4_LoadMR(5, L4_RcvWindow(a).raw); L4_LoadMR(6, L4_AddAcceptor(a, L4_StringItemsAcceptor).raw);
      L4_LoadMR(7, L4_RemoveAcceptor(L4_AddAcceptor(a, L4_StringItemsAcceptor), L4_StringItemsAcceptor).raw);
      L4_Accept(a); L4_LoadMR(8, L4_Accepted().raw);`,
      abi,
    );
    for (const v of V[abi].acceptor ?? []) {
      if (v.fn !== 'L4_MapGrantItems') continue;
      const out = run([w(v.window_raw)]);
      expect(out.slice(2, 7), String(v.window)).toEqual(
        [
          v.raw,
          v.L4_HasMapGrantItems,
          v.L4_HasStringItems,
          v.L4_RcvWindow,
          v.plus_StringItemsAcceptor_raw,
        ].map(w),
      );
      expect(out[8]).toBe(w(v.raw));
      if (v.window === 'CompleteAddressSpace') expect(out[7]).toBe(0x10n);
    }
  });

  it('time: L4_TimePeriod (the run-time path), L4_Never, L4_ZeroTime and L4_Timeouts', () => {
    const period = program(
      'L4_Word_t us; L4_StoreMR(1, &us); L4_LoadMR(2, L4_TimePeriod(us).raw);',
      abi,
    );
    for (const v of V[abi].time_period ?? []) {
      if (w(v.us) > (abi === 'ia32' ? 0xffffffffn : 0xffffffffffffffffn)) continue;
      expect(period([w(v.us)])[2], String(v.us)).toBe(w(v.runtime_raw));
    }
    const touts = program(
      `L4_Time_t s, r; L4_StoreMR(1, &s.raw); L4_StoreMR(2, &r.raw); L4_LoadMR(3, L4_Timeouts(s, r));
      L4_LoadMR(4, L4_Timeouts(L4_ZeroTime, L4_Never)); L4_LoadMR(5, L4_Never.raw); L4_LoadMR(6, L4_ZeroTime.raw);`,
      abi,
    );
    for (const v of V[abi].timeouts ?? []) {
      const out = touts([w(v.snd_raw), w(v.rcv_raw)]);
      expect(out[3], `${String(v.snd)},${String(v.rcv)}`).toBe(w(v.L4_Timeouts));
      expect(out.slice(4, 7)).toEqual([0x04000000n, 0n, 0x400n]);
    }
  });

  it('special thread ids and constants', () => {
    const c = V[abi].constants as unknown as Record<string, string>;
    const out = program(
      `L4_LoadMR(1, L4_nilthread.raw); L4_LoadMR(2, L4_anythread.raw); L4_LoadMR(3, L4_anylocalthread.raw);
      L4_LoadMR(4, L4_Niltag.raw); L4_LoadMR(5, L4_Nilpage.raw); L4_LoadMR(6, L4_UntypedWordsAcceptor.raw);
      L4_LoadMR(7, L4_StringItemsAcceptor.raw); L4_LoadMR(8, L4_CtrlXferAcceptor.raw); L4_LoadMR(9, L4_ReadeXecOnly);
      L4_LoadMR(10, L4_ReadWriteOnly); L4_LoadMR(11, L4_NoAccess); L4_LoadMR(12, L4_Readable | L4_Writable | L4_eXecutable);`,
      abi,
    )([]);
    expect(out.slice(1, 13)).toEqual(
      [
        c.L4_nilthread,
        c.L4_anythread,
        c.L4_anylocalthread,
        c.L4_Niltag,
        c.L4_Nilpage,
        c.L4_UntypedWordsAcceptor,
        c.L4_StringItemsAcceptor,
        c.L4_CtrlXferAcceptor,
        c.L4_ReadeXecOnly,
        c.L4_ReadWriteOnly,
        c.L4_NoAccess,
        c.L4_FullyAccessible,
      ].map(w),
    );
  });
});
