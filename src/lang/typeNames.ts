/** The type names a scenario may use without declaring them: word-sized integers and L4's types. */

/** Word-sized integer types. Every integer is one machine word (W bits); `signed` ones compare, divide and shift as signed. */
export const INT_TYPES: ReadonlyMap<string, { readonly signed: boolean }> = new Map([
  ['L4_Word_t', { signed: false }],
  ['L4_Bool_t', { signed: false }],
  ['L4_Size_t', { signed: false }],
  ['size_t', { signed: false }],
  ['uintptr_t', { signed: false }],
  ['bool', { signed: false }],
  ['int', { signed: true }],
  ['unsigned', { signed: false }],
]);

/** One-word L4 types (C unions with a `.raw` word). */
export const L4_WORD_TYPES: readonly string[] = [
  'L4_MsgTag_t',
  'L4_ThreadId_t',
  'L4_Fpage_t',
  'L4_Time_t',
  'L4_Acceptor_t',
  'L4_Clock_t',
];

/** Multi-word L4 types. */
export const L4_AGGREGATE_TYPES: readonly string[] = [
  'L4_Msg_t',
  'L4_MapItem_t',
  'L4_GrantItem_t',
  'L4_StringItem_t',
];

/** Keywords that are part of a type specifier. */
// prettier-ignore
export const TYPE_KEYWORDS: ReadonlySet<string> = new Set([
  'void', 'unsigned', 'signed', 'long', 'short', 'int', 'char', 'struct', 'enum', 'union', 'const',
  'volatile', 'static', 'inline', 'extern', 'register', '__inline', '__inline__', 'float', 'double',
]);

// prettier-ignore
export const KEYWORDS: ReadonlySet<string> = new Set([
  ...TYPE_KEYWORDS,
  'if', 'else', 'while', 'do', 'for', 'break', 'continue', 'return', 'switch', 'case', 'default',
  'typedef', 'sizeof', 'goto',
]);

export function builtinTypeNames(): Set<string> {
  return new Set([...INT_TYPES.keys(), ...L4_WORD_TYPES, ...L4_AGGREGATE_TYPES]);
}
