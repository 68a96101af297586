import { describe, expect, it } from 'vitest';
import { fpageAddRights, fpageLog2, RIGHTS } from './fpage';
import {
  emptyMsg,
  msgAppendGrantItem,
  msgAppendMapItem,
  msgAppendWord,
  msgClear,
  msgGet,
  msgLabel,
  msgPut,
  msgPutWord,
  msgSetLabel,
  msgWord,
} from './msg';
import { decodeMsgTag } from './msgTag';
import { mapItem } from './typedItem';
import { CaseReader, vectorCases } from './vectors/pistachioVectors';
import { ABIS, wordMask } from './word';
import type { Abi } from './word';

/** Garbage that must survive where the header does not write: 0xeeee… in W bits. */
const garbage = (abi: Abi): bigint => wordMask(abi) & 0xeeee_eeee_eeee_eeeen;

function filled(abi: Abi): bigint[] {
  return emptyMsg().map(() => garbage(abi));
}

/** The message before its last step, rebuilt from the expected result of that step. */
function undoLast(step: string, expected: readonly bigint[], abi: Abi): bigint[] {
  const { u, t } = decodeMsgTag(expected[0] ?? 0n, abi);
  const prior = filled(abi);
  expected.forEach((w, i) => (prior[i] = w));
  if (/AppendWord/.test(step)) {
    prior[0] = (expected[0] ?? 0n) - 1n;
    for (let i = u; i < u + t; i++) prior[i] = expected[i + 1] ?? 0n;
    prior[u + t] = garbage(abi);
  } else {
    prior[0] = (expected[0] ?? 0n) - (2n << 6n);
    prior[u + t - 1] = garbage(abi);
    prior[u + t] = garbage(abi);
  }
  return prior;
}

/** Applies one step (`Clear`, `AppendWord(x)`, `AppendMapItem…`, `AppendGrantItem…`). */
function apply(step: string, m: readonly bigint[], expected: readonly bigint[], abi: Abi) {
  const { u, t } = decodeMsgTag(expected[0] ?? 0n, abi);
  const item = [expected[u + t - 1] ?? 0n, expected[u + t] ?? 0n] as const;
  if (step === 'Clear') return msgClear(m);
  const word = /AppendWord\((0x[0-9a-f]+)\)/.exec(step);
  if (word?.[1]) return msgAppendWord(m, BigInt(word[1]), abi);
  if (/^AppendMapItem/.test(step)) return msgAppendMapItem(m, item, abi);
  if (/^AppendGrantItem/.test(step)) return msgAppendGrantItem(m, item, abi);
  throw new Error(`unknown msg step ${step}`);
}

const PUT_WITH_ITEM =
  /^L4_MsgPut\((0x[0-9a-f]+), (\d+) untyped, (\d+) typed = MapItem\(FpageLog2\((0x[0-9a-f]+),(\d+)\)\+rwx, (0x[0-9a-f]+)\)\) with MR0 pre-set to (0x[0-9a-f]+)$/;

function checkCase(abi: Abi, index: number): void {
  const cases = vectorCases(abi, 'msg_ops');
  const r = new CaseReader(cases[index] ?? {});
  const previous = cases[index - 1];
  const prevMrs =
    previous && Array.isArray(previous.mrs) ? new CaseReader(previous).bigs('mrs') : null;
  const op = r.text('op');

  if (op.startsWith('L4_MsgPut(label,u,words,0,NULL)')) {
    const expected = r.bigs('mr0_to_mr_u_plus_1');
    const u = r.num('u');
    const out = msgPut(filled(abi), r.big('label'), expected.slice(1, u + 1), [], abi);
    expect(out.slice(0, u + 2)).toEqual(expected);
  } else if (op.startsWith('L4_MsgGet')) {
    if (!prevMrs) throw new Error('MsgGet needs the previous message');
    const got = msgGet(prevMrs, abi);
    expect(got.untyped).toEqual(r.bigs('untyped'));
    expect(got.items).toEqual(r.bigs('items'));
  } else {
    const expected = r.bigs('mrs');
    expect(expected[0]).toBe(r.big('tag'));
    const put = PUT_WITH_ITEM.exec(op);
    if (put) {
      const [, label, u, t, base, s, sndBase, mr0] = put.map((x) => x ?? '0');
      const m = filled(abi);
      m[0] = BigInt(mr0 ?? '0');
      const f = fpageAddRights(
        fpageLog2(BigInt(base ?? 0), Number(s), abi),
        RIGHTS.fullyAccessible,
        abi,
      );
      const items = mapItem(f, BigInt(sndBase ?? 0), abi);
      expect(items.length).toBe(Number(t));
      const untyped = expected.slice(1, Number(u) + 1);
      const out = msgPut(m, BigInt(label ?? 0), untyped, items, abi);
      expect(out.slice(0, expected.length)).toEqual(expected);
    } else {
      const steps = op
        .replace(/^\.\.\. then /, '')
        .split(/;\s*/)
        .map((s) => s.replace(/^L4_Msg/, ''));
      const last = steps[steps.length - 1] ?? '';
      if (r.has('w')) expect(steps).toEqual(['AppendWord']);
      const w = r.has('w') ? r.big('w') : null;
      const lastStep = w === null ? last : `AppendWord(0x${w.toString(16)})`;
      let checked = false;
      // The last step alone, from the message just before it (rebuilt from the expected result).
      if (/^Append(Word|MapItem|GrantItem)/.test(lastStep)) {
        const alone = apply(lastStep, undoLast(lastStep, expected, abi), expected, abi);
        expect(alone.slice(0, expected.length)).toEqual(expected);
        checked = true;
      }
      // The whole sequence: from a garbage message when it starts with Clear, else from the
      // previous case's message when the op continues it.
      const start = steps[0] === 'Clear' ? filled(abi) : w === null ? prevMrs : null;
      if (start) {
        const out = steps.reduce((m, step) => apply(step, m, expected, abi), start);
        expect(out.slice(0, expected.length)).toEqual(expected);
        checked = true;
      }
      if (!checked) throw new Error(`msg op not checked: ${op}`);
    }
  }
  expect(r.unread()).toEqual([]);
}

describe('L4_Msg_t helpers against the Pistachio vectors (every case, both ABIs)', () => {
  const indexed = ABIS.flatMap((abi) =>
    vectorCases(abi, 'msg_ops').map((c, i): [string, Abi, number] => [
      `${abi} #${i} ${String(c.op)}`,
      abi,
      i,
    ]),
  );
  it.each(indexed)('%s', (_label, abi, i) => checkCase(abi, i));
});

describe('L4_Msg_t rules', () => {
  it('MsgClear zeroes only word 0', () => {
    const m = msgClear(filled('ia32'));
    expect(m[0]).toBe(0n);
    expect(m[1]).toBe(0xeeeeeeeen);
  });
  it('MsgPut assigns every tag bit, clearing flags already in word 0', () => {
    const m = filled('amd64');
    m[0] = 0xf000n;
    expect(msgPut(m, 0x7n, [1n], [], 'amd64')[0]).toBe(0x70001n);
  });
  it('PutWord / Word address untyped word i at index i + 1', () => {
    const m = msgPutWord(emptyMsg(), 2, 0xabn);
    expect(m[3]).toBe(0xabn);
    expect(msgWord(m, 2)).toBe(0xabn);
  });
  it('Set_MsgLabel changes only the label, wrapped to the ABI', () => {
    const m = msgPut(emptyMsg(), 1n, [5n], [], 'ia32');
    const relabeled = msgSetLabel(m, 0x1_2345n, 'ia32');
    expect(relabeled[0]).toBe(0x23450001n);
    expect(msgLabel(relabeled, 'ia32')).toBe(0x2345n);
  });
  it('AppendWord at u = 63 wraps u to 0 and overwrites word 0, as the bitfield does', () => {
    const m = emptyMsg();
    m[0] = 63n;
    const out = msgAppendWord(m, 0x99n);
    expect(out[0]).toBe(0x99n);
  });
  it('never writes past word 63 and never changes its input', () => {
    const m = emptyMsg();
    m[0] = 62n;
    const out = msgAppendMapItem(m, [1n, 2n]);
    expect(out).toHaveLength(64);
    expect(out[63]).toBe(1n);
    expect(m[63]).toBe(0n);
  });
});
