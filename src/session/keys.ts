// The keyboard, from the command registry: which command a key press asks for, or null when the
// page should leave the key to its target. Keys typed into a field, or pressed on a control that
// uses them itself (Space on a button, arrows on the scrubber or in the word decoder), are left
// alone, and so is anything with Ctrl, Alt or Meta (the caller checks those).
import { COMMANDS } from './commands';
import type { CommandName } from './commands';

/** What the key handler knows of the element a key was pressed on. */
export interface KeyTarget {
  readonly tagName?: string;
  readonly type?: string;
  readonly isContentEditable?: boolean;
  readonly role?: string | null;
  /** Inside a widget that moves with arrow keys itself (the word decoder's strips, tabs). */
  readonly ownsKeys?: boolean;
}

/** Keys that move inside a range input or a widget of their own. */
const MOVING_KEYS = new Set(['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown', 'Home', 'End']);
/** Keys that press a focused button. */
const PRESSING_KEYS = new Set([' ', 'Spacebar', 'Enter']);

const BY_KEY: ReadonlyMap<string, CommandName> = new Map(
  COMMANDS.flatMap((c) => c.keys.map((k) => [k.key, c.name] as const)),
);

/** The command `key` asks for on `target`, or null. */
export function keyCommand(key: string, target: KeyTarget): CommandName | null {
  const name = BY_KEY.get(key === 'Spacebar' ? ' ' : key);
  if (!name) return null;
  const tag = (target.tagName ?? '').toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable) return null;
  if (tag === 'INPUT' && target.type !== 'range' && target.type !== 'checkbox') return null;
  const onRange = tag === 'INPUT' && target.type === 'range';
  const onButton =
    tag === 'BUTTON' ||
    tag === 'SUMMARY' ||
    target.role === 'button' ||
    (tag === 'INPUT' && target.type === 'checkbox');
  if (MOVING_KEYS.has(key) && (onRange || target.ownsKeys)) return null;
  if (PRESSING_KEYS.has(key) && (onButton || target.ownsKeys)) return null;
  return name;
}

/** The help overlay's rows: every command with keys, its key labels and what it does. */
export function keyHelpRows(): readonly { readonly keys: string; readonly what: string }[] {
  return COMMANDS.filter((c) => c.keys.length > 0).map((c) => ({
    keys: [...new Set(c.keys.map((k) => k.label))].join(' or '),
    what: c.help,
  }));
}
