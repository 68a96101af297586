// Every option the address can carry (`docs/embedding.md` lists them): read from the query, with
// the fragment on top (`#step=3&theme=dark`, for tools that strip queries). Reading never throws;
// an unknown or bad value is left out and named in a notice, so the page falls back to its default
// and says why. Only what the address set is kept here: defaults are decided by `resolveEmbed` and
// the store, so a link written back never carries an option the user did not set.
import { CONTROL_LEVELS, PANEL_IDS, SPEEDS } from '../../store/createSimStore';
import type { ControlLevel, Granularity, PanelId } from '../../store/createSimStore';
import { FONT_SCALE_RANGE, THEMES } from '../../store/viewOptions';
import type { Theme } from '../../store/viewOptions';
import { readStepNumber } from '../stepNumber';
import { addressParams, MAX_VALUE_LENGTH } from './query';

export const CONTROLS = CONTROL_LEVELS;
export type Controls = ControlLevel;
export const KEY_POLICIES = ['own', 'deck', 'none'] as const;
export type KeyPolicy = (typeof KEY_POLICIES)[number];
export const DECKS = ['reveal', 'generic', 'none'] as const;
export type Deck = (typeof DECKS)[number];
/** `auto` follows the system's theme (the store keeps it as null). */
export const THEME_CHOICES = [...THEMES, 'auto'] as const;
export type ThemeChoice = Theme | 'auto';

export interface AddressOptions {
  readonly scenario?: string;
  /** NaN when the address held something that is not a step (the opener reports it). */
  readonly step?: number;
  readonly theme?: ThemeChoice;
  readonly fontScale?: number;
  readonly controls?: Controls;
  /** The panels to show (`panels=`), or the complement of `hide=`. */
  readonly hidden?: readonly PanelId[];
  readonly autoplay?: boolean;
  readonly speed?: number;
  readonly embed?: boolean;
  readonly keys?: KeyPolicy;
  readonly deck?: Deck;
  readonly parentOrigin?: string;
  readonly granularity?: Granularity;
  readonly animate?: boolean;
  readonly test?: boolean;
}

export interface ReadOptions {
  readonly options: AddressOptions;
  /** One sentence per value that was not understood (shown as the page's notice). */
  readonly notices: readonly string[];
}

const quote = (value: string) => `"${value.slice(0, 40)}${value.length > 40 ? '…' : ''}"`;

function oneOf<T extends string>(allowed: readonly T[]): (v: string) => T | undefined {
  return (v) => allowed.find((a) => a === v);
}

const flag = (v: string): boolean | undefined => (v === '1' ? true : v === '0' ? false : undefined);

function number(v: string, min: number, max: number): number | undefined {
  if (!/^\d+(\.\d+)?$/.test(v.trim())) return undefined;
  const n = Number(v);
  return n >= min && n <= max ? n : undefined;
}

function panelList(v: string): readonly PanelId[] | undefined {
  const ids = v
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const known = PANEL_IDS.filter((p) => ids.includes(p));
  return known.length === ids.length ? known : undefined;
}

function granularity(v: string): Granularity | undefined {
  if (v === 'statement') return 'statement';
  return v === 'event' || v === 'kernel' ? 'kernel' : undefined;
}

/** An origin (`https://host:port`), `*`, or `null` (a `file://` parent). */
function origin(v: string): string | undefined {
  if (v === '*' || v === 'null') return v;
  try {
    return new URL(v).origin === v ? v : undefined;
  } catch {
    return undefined;
  }
}

interface Rule {
  readonly key: keyof AddressOptions;
  readonly parse: (v: string) => unknown;
  /** What the notice says the value must be. */
  readonly expected: string;
}

const RULES: readonly (Rule & { readonly param: string })[] = [
  { param: 'theme', key: 'theme', parse: oneOf(THEME_CHOICES), expected: THEME_CHOICES.join(', ') },
  {
    param: 'fontScale',
    key: 'fontScale',
    parse: (v) => number(v, FONT_SCALE_RANGE.min, FONT_SCALE_RANGE.max),
    expected: `a number from ${FONT_SCALE_RANGE.min} to ${FONT_SCALE_RANGE.max}`,
  },
  { param: 'controls', key: 'controls', parse: oneOf(CONTROLS), expected: CONTROLS.join(', ') },
  {
    param: 'panels',
    key: 'hidden',
    parse: (v) => {
      const shown = panelList(v);
      return shown && PANEL_IDS.filter((p) => !shown.includes(p));
    },
    expected: `a comma list of ${PANEL_IDS.join(', ')}`,
  },
  { param: 'autoplay', key: 'autoplay', parse: flag, expected: '0 or 1' },
  {
    param: 'speed',
    key: 'speed',
    parse: (v) => SPEEDS.find((s) => s === Number(v)),
    expected: `one of ${SPEEDS.join(', ')} (steps per second)`,
  },
  { param: 'embed', key: 'embed', parse: flag, expected: '0 or 1' },
  { param: 'keys', key: 'keys', parse: oneOf(KEY_POLICIES), expected: KEY_POLICIES.join(', ') },
  { param: 'deck', key: 'deck', parse: oneOf(DECKS), expected: DECKS.join(', ') },
  {
    param: 'parentOrigin',
    key: 'parentOrigin',
    parse: origin,
    expected: 'an origin such as https://example.org, or *',
  },
  { param: 'granularity', key: 'granularity', parse: granularity, expected: 'statement or event' },
  { param: 'animate', key: 'animate', parse: flag, expected: '0 or 1' },
];

/** The older spellings the app wrote before: `font=125`, `hide=a,b`, `by=kernel`. */
const LEGACY: readonly (Rule & { readonly param: string; readonly unless: string })[] = [
  {
    param: 'font',
    unless: 'fontScale',
    key: 'fontScale',
    parse: (v) => {
      const percent = number(v, FONT_SCALE_RANGE.min * 100, FONT_SCALE_RANGE.max * 100);
      return percent === undefined ? undefined : percent / 100;
    },
    expected: 'a percentage from 50 to 300',
  },
  {
    param: 'hide',
    unless: 'panels',
    key: 'hidden',
    parse: (v) => {
      const ids = v.split(',').filter((p) => p.trim() !== '');
      const known = PANEL_IDS.filter((p) => ids.includes(p));
      return known.length === ids.length ? known : undefined;
    },
    expected: `a comma list of ${PANEL_IDS.join(', ')}`,
  },
  {
    param: 'by',
    unless: 'granularity',
    key: 'granularity',
    parse: granularity,
    expected: 'statement or event',
  },
];

/** Reads every option of the address (`search`, then `hash` on top). */
export function readAddressOptions(search: string, hash = ''): ReadOptions {
  const params = addressParams(search, hash);
  const options: Record<string, unknown> = {};
  const notices: string[] = [];
  const apply = (rule: Rule, param: string) => {
    const raw = params.get(param);
    if (raw === null) return;
    const value = raw.slice(0, MAX_VALUE_LENGTH);
    const parsed = rule.parse(value);
    if (parsed !== undefined) options[rule.key] = parsed;
    else notices.push(`${param}=${quote(value)} is not understood (${rule.expected}); ignored.`);
  };
  for (const rule of LEGACY) if (!params.has(rule.unless)) apply(rule, rule.param);
  for (const rule of RULES) apply(rule, rule.param);
  const scenario = params.get('scenario');
  if (scenario !== null) options.scenario = scenario.slice(0, MAX_VALUE_LENGTH).trim();
  const stepText = params.get('step');
  if (stepText !== null && stepText.trim() !== '') options.step = readStepNumber(stepText);
  if (params.get('test') === '1') options.test = true;
  return { options, notices };
}
