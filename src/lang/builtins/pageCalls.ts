/** Fpages, map/grant items, acceptors and time (reference-semantics §5, §7). */
import {
  addAcceptor,
  hasMapGrantItems,
  hasStringItems,
  mapGrantItems,
  rcvWindow,
  removeAcceptor,
} from '../../kernel/abi/acceptor';
import {
  fpage,
  fpageAddRights,
  fpageAddress,
  fpageIsNil,
  fpageLog2,
  fpageRemoveRights,
  fpageRights,
  fpageSetRights,
  fpageSize,
  fpageSizeLog2,
} from '../../kernel/abi/fpage';
import { timePeriod, timeouts } from '../../kernel/abi/time';
import { grantItem, mapItem, stringItem } from '../../kernel/abi/typedItem';
import type { Abi, Word } from '../../kernel/abi/word';
import {
  ACCEPTOR,
  BOOL,
  FPAGE,
  GRANTITEM,
  INT,
  MAPITEM,
  STRINGITEM,
  TIME,
  VOID,
  VOID_PTR,
  WORD,
  ptr,
} from '../check/ctypes';
import { agg, bool, p, ptrArg, word } from './builtin';
import type { BuiltinDef, Rt } from './builtin';
import type { Value } from '../vm/values';

const FPAGE_PTR = ptr(FPAGE);

/** Bits 1..3 of an item's first word: 4 map, 5 grant. */
function itemType(item: Value | undefined): bigint {
  return ((agg(item)[0] ?? 0n) >> 1n) & 7n;
}

function rightsNumber(r: Word): number {
  return Number(r & 7n);
}

/** `L4_FpageAddRightsTo(&f, r)` and friends: change the fpage in memory, return it. */
function changeFpage(
  rt: Rt,
  f: Value | undefined,
  call: string,
  change: (f: Word, abi: Abi) => Word,
): Word {
  const [old = 0n] = rt.read(ptrArg(f), 1, call);
  const next = change(old, rt.abi);
  rt.write(ptrArg(f), [next], call);
  return next;
}

export const PAGE_CALLS: readonly BuiltinDef[] = [
  {
    name: 'L4_Fpage',
    params: [p('BaseAddress', WORD), p('FpageSize', WORD)],
    ret: FPAGE,
    run: (rt, [b, s]) => {
      if (word(s) === 0n)
        rt.fault('L4_Fpage: size 0 is undefined (the header takes the log2 of 0)');
      return fpage(word(b), word(s), rt.abi);
    },
  },
  {
    name: 'L4_FpageLog2',
    params: [p('BaseAddress', WORD), p('FpageSize', INT)],
    ret: FPAGE,
    run: (rt, [b, s]) => fpageLog2(word(b), Number(word(s) & 0xffn), rt.abi),
  },
  {
    name: 'L4_FpageAddRights',
    params: [p('f', FPAGE), p('rwx', WORD)],
    ret: FPAGE,
    run: (rt, [f, r]) => fpageAddRights(word(f), rightsNumber(word(r)), rt.abi),
  },
  {
    name: 'L4_FpageRemoveRights',
    params: [p('f', FPAGE), p('rwx', WORD)],
    ret: FPAGE,
    run: (rt, [f, r]) => fpageRemoveRights(word(f), rightsNumber(word(r)), rt.abi),
  },
  {
    name: 'L4_FpageAddRightsTo',
    params: [p('f', FPAGE_PTR), p('rwx', WORD)],
    ret: FPAGE,
    run: (rt, [f, r]) =>
      changeFpage(rt, f, 'L4_FpageAddRightsTo', (x, abi) =>
        fpageAddRights(x, rightsNumber(word(r)), abi),
      ),
  },
  {
    name: 'L4_FpageRemoveRightsFrom',
    params: [p('f', FPAGE_PTR), p('rwx', WORD)],
    ret: FPAGE,
    run: (rt, [f, r]) =>
      changeFpage(rt, f, 'L4_FpageRemoveRightsFrom', (x, abi) =>
        fpageRemoveRights(x, rightsNumber(word(r)), abi),
      ),
  },
  {
    name: 'L4_Set_Rights',
    params: [p('f', FPAGE_PTR), p('rwx', WORD)],
    ret: VOID,
    run: (rt, [f, r]) => {
      changeFpage(rt, f, 'L4_Set_Rights', (x, abi) =>
        fpageSetRights(x, rightsNumber(word(r)), abi),
      );
      return undefined;
    },
  },
  {
    name: 'L4_Rights',
    params: [p('f', FPAGE)],
    ret: WORD,
    run: (_rt, [f]) => BigInt(fpageRights(word(f))),
  },
  {
    name: 'L4_Address',
    params: [p('f', FPAGE)],
    ret: WORD,
    run: (rt, [f]) => fpageAddress(word(f), rt.abi),
  },
  {
    name: 'L4_Size',
    params: [p('f', FPAGE)],
    ret: WORD,
    run: (rt, [f]) => fpageSize(word(f), rt.abi),
  },
  {
    name: 'L4_SizeLog2',
    params: [p('f', FPAGE)],
    ret: WORD,
    run: (_rt, [f]) => BigInt(fpageSizeLog2(word(f))),
  },
  {
    name: 'L4_IsNilFpage',
    params: [p('f', FPAGE)],
    ret: BOOL,
    run: (_rt, [f]) => bool(fpageIsNil(word(f))),
  },
  {
    // user/include/l4/message.h, L4_StringItem: C = 0, type 0, j = 0, c = 0, length = size. The
    // pointer word is 0: pointers are not addresses in this model, and no bytes are copied.
    name: 'L4_StringItem',
    params: [p('size', INT), p('address', VOID_PTR)],
    ret: STRINGITEM,
    run: (rt, [size]) => [...stringItem(word(size), 0n, rt.abi)],
  },
  {
    name: 'L4_MapItem',
    params: [p('f', FPAGE), p('SndBase', WORD)],
    ret: MAPITEM,
    run: (rt, [f, b]) => [...mapItem(word(f), word(b), rt.abi)],
  },
  {
    name: 'L4_GrantItem',
    params: [p('f', FPAGE), p('SndBase', WORD)],
    ret: GRANTITEM,
    run: (rt, [f, b]) => [...grantItem(word(f), word(b), rt.abi)],
  },
  {
    name: 'L4_IsMapItem',
    params: [p('m', MAPITEM)],
    ret: BOOL,
    run: (_rt, [m]) => bool(itemType(m) === 4n),
  },
  {
    name: 'L4_IsGrantItem',
    params: [p('g', GRANTITEM)],
    ret: BOOL,
    run: (_rt, [g]) => bool(itemType(g) === 5n),
  },
  {
    name: 'L4_MapItemSndFpage',
    params: [p('m', MAPITEM)],
    ret: FPAGE,
    run: (_rt, [m]) => agg(m)[1] ?? 0n,
  },
  {
    name: 'L4_MapItemSndBase',
    params: [p('m', MAPITEM)],
    ret: WORD,
    run: (_rt, [m]) => (agg(m)[0] ?? 0n) & ~0x3ffn,
  },
  {
    name: 'L4_GrantItemSndFpage',
    params: [p('g', GRANTITEM)],
    ret: FPAGE,
    run: (_rt, [g]) => agg(g)[1] ?? 0n,
  },
  {
    name: 'L4_GrantItemSndBase',
    params: [p('g', GRANTITEM)],
    ret: WORD,
    run: (_rt, [g]) => (agg(g)[0] ?? 0n) & ~0x3ffn,
  },
  {
    name: 'L4_MapGrantItems',
    params: [p('RcvWindow', FPAGE)],
    ret: ACCEPTOR,
    run: (rt, [f]) => mapGrantItems(word(f), rt.abi),
  },
  {
    name: 'L4_AddAcceptor',
    params: [p('a', ACCEPTOR), p('b', ACCEPTOR)],
    ret: ACCEPTOR,
    run: (_rt, [a, b]) => addAcceptor(word(a), word(b)),
  },
  {
    name: 'L4_RemoveAcceptor',
    params: [p('a', ACCEPTOR), p('b', ACCEPTOR)],
    ret: ACCEPTOR,
    run: (_rt, [a, b]) => removeAcceptor(word(a), word(b)),
  },
  {
    name: 'L4_HasStringItems',
    params: [p('a', ACCEPTOR)],
    ret: BOOL,
    run: (_rt, [a]) => bool(hasStringItems(word(a))),
  },
  {
    name: 'L4_HasMapGrantItems',
    params: [p('a', ACCEPTOR)],
    ret: BOOL,
    run: (_rt, [a]) => bool(hasMapGrantItems(word(a))),
  },
  {
    name: 'L4_RcvWindow',
    params: [p('a', ACCEPTOR)],
    ret: FPAGE,
    run: (_rt, [a]) => rcvWindow(word(a)),
  },
  {
    name: 'L4_TimePeriod',
    params: [p('microseconds', WORD)],
    ret: TIME,
    run: (rt, [us]) => timePeriod(word(us), rt.abi),
  },
  {
    name: 'L4_Timeouts',
    params: [p('SndTimeout', TIME), p('RcvTimeout', TIME)],
    ret: WORD,
    run: (rt, [s, r]) => timeouts(word(s), word(r), rt.abi),
  },
];
