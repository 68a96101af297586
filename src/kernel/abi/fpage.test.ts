import { describe, expect, it } from 'vitest';
import {
  COMPLETE_ADDRESS_SPACE,
  fpage,
  fpageAddRights,
  fpageAddress,
  fpageExtended,
  fpageIsComplete,
  fpageIsNil,
  fpageLog2,
  fpageRemoveRights,
  fpageRights,
  fpageSetRights,
  fpageSize,
  fpageSizeLog2,
  NILPAGE,
  RIGHTS,
} from './fpage';
import { CaseReader, rows } from './vectors/pistachioVectors';
import type { Abi } from './word';

const NAMED: Readonly<Record<string, bigint>> = {
  L4_CompleteAddressSpace: COMPLETE_ADDRESS_SPACE,
  L4_Nilpage: NILPAGE,
};
const NAMED_RIGHTS: Readonly<Record<string, number>> = {
  L4_FullyAccessible: RIGHTS.fullyAccessible,
  L4_Readable: RIGHTS.readable,
  L4_Writable: RIGHTS.writable,
  L4_eXecutable: RIGHTS.executable,
  L4_ReadWriteOnly: RIGHTS.readWriteOnly,
  L4_ReadeXecOnly: RIGHTS.readExecOnly,
  L4_NoAccess: RIGHTS.noAccess,
};

/**
 * The fpage a case's `fn` describes: `L4_FpageLog2 …` / `L4_Fpage` (from base and log2size/size),
 * `L4_FpageAddRights(L4_FpageLog2(b,s), rwx)`, a named constant, or `X + <named rights>`.
 */
function subject(r: CaseReader, abi: Abi): { f: bigint; plain?: bigint } {
  const fn = r.text('fn');
  const add = /^L4_FpageAddRights\(L4_FpageLog2\((0x[0-9a-f]+|\d+),\s*(\d+)\),\s*rwx\)$/.exec(fn);
  if (add?.[1] && add[2]) {
    const plain = fpageLog2(BigInt(add[1]), Number(add[2]), abi);
    return { f: fpageAddRights(plain, r.num('rwx'), abi), plain };
  }
  if (fn.startsWith('L4_FpageLog2')) return { f: fpageLog2(r.big('base'), r.num('log2size'), abi) };
  if (fn === 'L4_Fpage') return { f: fpage(r.big('base'), r.big('size'), abi) };
  const [name, plus] = fn.split(/\s*\+\s*/);
  const named = name === undefined ? undefined : NAMED[name];
  if (named === undefined) throw new Error(`unknown fpage case ${fn}`);
  if (plus === undefined) return { f: named };
  const rights = NAMED_RIGHTS[plus];
  if (rights === undefined) throw new Error(`unknown rights ${plus}`);
  return { f: fpageAddRights(named, rights, abi) };
}

describe('fpages against the Pistachio vectors (every case, both ABIs)', () => {
  it.each(rows('fpage'))('%s', (_label, abi, c) => {
    const r = new CaseReader(c);
    const { f, plain } = subject(r, abi);
    expect(f).toBe(r.big('raw'));
    if (r.has('L4_Address')) expect(fpageAddress(f, abi)).toBe(r.big('L4_Address'));
    if (r.has('L4_Size')) expect(fpageSize(f, abi)).toBe(r.big('L4_Size'));
    if (r.has('L4_SizeLog2')) expect(fpageSizeLog2(f)).toBe(r.num('L4_SizeLog2'));
    if (r.has('L4_Rights')) expect(fpageRights(f)).toBe(r.num('L4_Rights'));
    if (r.has('L4_IsNilFpage')) expect(fpageIsNil(f)).toBe(r.bool('L4_IsNilFpage'));
    if (r.has('extended_bit3')) expect(fpageExtended(f) ? 1 : 0).toBe(r.num('extended_bit3'));
    if (r.has('minus_L4_Writable_raw')) {
      expect(fpageRemoveRights(f, RIGHTS.writable, abi)).toBe(r.big('minus_L4_Writable_raw'));
    }
    if (r.has('L4_Set_Rights_raw')) {
      const base = plain ?? f;
      expect(fpageSetRights(base, r.num('rwx'), abi)).toBe(r.big('L4_Set_Rights_raw'));
      expect(fpageSetRights(f, r.num('rwx'), abi)).toBe(r.big('L4_Set_Rights_raw'));
    }
    expect(r.unread()).toEqual([]);
  });
});

describe('fpage rules', () => {
  it('FpageLog2 keeps unaligned base bits, Address masks them', () => {
    const f = fpageLog2(0x12345678n, 12, 'ia32');
    expect(f).toBe(0x123454c8n);
    expect(fpageExtended(f)).toBe(true);
    expect(fpageAddress(f, 'ia32')).toBe(0x12345000n);
  });
  it('Fpage rounds the size up to a power of two', () => {
    expect(fpageSizeLog2(fpage(0n, 4097n, 'amd64'))).toBe(13);
    expect(fpageSizeLog2(fpage(0n, 0x3000n, 'amd64'))).toBe(14);
    expect(fpageSizeLog2(fpage(0n, 0x1000n, 'amd64'))).toBe(12);
  });
  it('wraps s to its 6-bit field', () => {
    expect(fpageSizeLog2(fpageLog2(0n, 64, 'amd64'))).toBe(0);
    expect(fpageSizeLog2(fpage(0n, (1n << 63n) + 1n, 'amd64'))).toBe(0);
  });
  it('knows the complete address space whatever its rights', () => {
    expect(fpageIsComplete(COMPLETE_ADDRESS_SPACE)).toBe(true);
    expect(fpageIsComplete(0x17n)).toBe(true);
    expect(fpageIsComplete(0x410n)).toBe(false);
    expect(fpageIsComplete(NILPAGE)).toBe(false);
  });
});
