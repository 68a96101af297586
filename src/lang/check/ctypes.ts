/** The checker's types. Every scalar is one machine word; aggregates are flat runs of words. */

export interface Field {
  readonly name: string;
  /** Word offset inside the struct. */
  readonly offset: number;
  readonly type: CType;
}

export type CType =
  | { readonly k: 'int'; readonly name: string; readonly signed: boolean }
  /** One-word L4 type (a C union with a `.raw` word): L4_MsgTag_t, L4_ThreadId_t, ... */
  | { readonly k: 'l4'; readonly name: string }
  | {
      readonly k: 'struct';
      readonly name: string;
      /** As shown in messages: `struct mem_request`, `SchedRequest`, `L4_Msg_t`. */
      readonly display: string;
      readonly size: number;
      readonly fields: readonly Field[];
    }
  | { readonly k: 'array'; readonly of: CType; readonly len: number }
  | { readonly k: 'ptr'; readonly to: CType }
  | { readonly k: 'void' };

export const WORD: CType = { k: 'int', name: 'L4_Word_t', signed: false };
export const INT: CType = { k: 'int', name: 'int', signed: true };
export const BOOL: CType = { k: 'int', name: 'L4_Bool_t', signed: false };
export const VOID: CType = { k: 'void' };
export const VOID_PTR: CType = { k: 'ptr', to: VOID };
export const WORD_PTR: CType = { k: 'ptr', to: WORD };

export function l4(name: string): CType {
  return { k: 'l4', name };
}

export const MSGTAG = l4('L4_MsgTag_t');
export const THREADID = l4('L4_ThreadId_t');
export const FPAGE = l4('L4_Fpage_t');
export const TIME = l4('L4_Time_t');
export const ACCEPTOR = l4('L4_Acceptor_t');
/** One word here (64 bits in Pistachio, so it wraps after 2^32 µs on ia32). */
export const CLOCK = l4('L4_Clock_t');

const words64: CType = { k: 'array', of: WORD, len: 64 };
export const MSG: CType = {
  k: 'struct',
  name: 'L4_Msg_t',
  display: 'L4_Msg_t',
  size: 64,
  fields: [
    { name: 'msg', offset: 0, type: words64 },
    { name: 'raw', offset: 0, type: words64 },
    { name: 'tag', offset: 0, type: MSGTAG },
  ],
};

function item(name: string): CType {
  const raw: CType = { k: 'array', of: WORD, len: 2 };
  return {
    k: 'struct',
    name,
    display: name,
    size: 2,
    fields: [{ name: 'raw', offset: 0, type: raw }],
  };
}
export const MAPITEM = item('L4_MapItem_t');
export const GRANTITEM = item('L4_GrantItem_t');
export const STRINGITEM = item('L4_StringItem_t');

export const L4_AGGREGATES: ReadonlyMap<string, CType> = new Map([
  ['L4_Msg_t', MSG],
  ['L4_MapItem_t', MAPITEM],
  ['L4_GrantItem_t', GRANTITEM],
  ['L4_StringItem_t', STRINGITEM],
]);

export function ptr(to: CType): CType {
  return { k: 'ptr', to };
}

/** Size in words. */
export function sizeOf(t: CType): number {
  switch (t.k) {
    case 'int':
    case 'l4':
    case 'ptr':
      return 1;
    case 'struct':
      return t.size;
    case 'array':
      return t.len * sizeOf(t.of);
    case 'void':
      return 0;
  }
}

export function isScalar(t: CType): boolean {
  return t.k === 'int' || t.k === 'l4' || t.k === 'ptr';
}

export function isAggregate(t: CType): t is Extract<CType, { k: 'struct' | 'array' }> {
  return t.k === 'struct' || t.k === 'array';
}

export function typeName(t: CType): string {
  switch (t.k) {
    case 'int':
    case 'l4':
      return t.name;
    case 'struct':
      return t.display;
    case 'array':
      return `${typeName(t.of)}[${t.len}]`;
    case 'ptr':
      return `${typeName(t.to)} *`;
    case 'void':
      return 'void';
  }
}

export function sameType(a: CType, b: CType): boolean {
  if (a.k !== b.k) return false;
  switch (a.k) {
    case 'int':
      return true;
    case 'l4':
    case 'struct':
      return a.name === (b as typeof a).name;
    case 'array':
      return a.len === (b as typeof a).len && sameType(a.of, (b as typeof a).of);
    case 'ptr':
      return sameType(a.to, (b as typeof a).to);
    case 'void':
      return true;
  }
}

/** How to fix a use of an L4 type where C wants an integer. */
export function l4Hint(t: CType): string {
  if (t.k !== 'l4' && t.k !== 'struct') return '';
  switch (t.name) {
    case 'L4_ThreadId_t':
      return ': compare ids with L4_IsThreadEqual(a, b), or use .raw';
    case 'L4_MsgTag_t':
      return ': use L4_Label(tag), L4_UntypedWords(tag), L4_IpcFailed(tag), or tag.raw';
    case 'L4_Msg_t':
      return ': use msg.msg[i] or the L4_Msg* helpers';
    default:
      return t.k === 'l4' ? ': use .raw for its word' : '';
  }
}
