// MR0 as the bit strip draws it: label / flags / t / u (reference-semantics §1), most significant first.
import { labelBits } from '../../kernel/abi/msgTag';
import { hex } from '../../kernel/abi/word';
import type { Abi } from '../../kernel/abi/word';
import type { TagView } from '../../store/viewModel';
import type { StripField } from './bitStrip';

export type TagFieldName = 'label' | 'flags' | 't' | 'u';

export interface TagField extends StripField {
  readonly name: TagFieldName;
  /** Said in words, for screen readers and tooltips. */
  readonly description: string;
}

/** The flags field as letters, E X R P from bit 15 down; '0' when none is set. */
export function flagLetters(flags: number): string {
  const letters = [
    [8, 'E'],
    [4, 'X'],
    [2, 'R'],
    [1, 'P'],
  ] as const;
  const set = letters.filter(([bit]) => (flags & bit) !== 0).map(([, l]) => l);
  return set.length ? set.join('') : '0';
}

function flagWords(flags: number): string {
  const names = [
    [8, 'error (E)'],
    [4, 'cross-processor (X)'],
    [2, 'redirected (R)'],
    [1, 'propagated (P)'],
  ] as const;
  const set = names.filter(([bit]) => (flags & bit) !== 0).map(([, n]) => n);
  return set.length ? `flags set: ${set.join(', ')}` : 'no flags set';
}

export function tagFields(tag: TagView, abi: Abi): readonly TagField[] {
  return [
    {
      name: 'label',
      lsb: 16,
      width: labelBits(abi),
      display: hex(tag.label),
      description: `label ${hex(tag.label)}`,
    },
    {
      name: 'flags',
      lsb: 12,
      width: 4,
      display: flagLetters(tag.flags),
      description: flagWords(tag.flags),
    },
    {
      name: 't',
      lsb: 6,
      width: 6,
      display: String(tag.t),
      description: `${tag.t} typed-item words`,
    },
    { name: 'u', lsb: 0, width: 6, display: String(tag.u), description: `${tag.u} untyped words` },
  ];
}
