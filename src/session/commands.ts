// The one command registry (excalidraw's actions): every thing a user, a key, a deck or a test can
// ask the visualizer to do, with its label, its keys, whether it can run now, and how. The controls
// bar, the keyboard, the help overlay, the test bridge and the postMessage API all read this list;
// a command added here appears in each of them. Arguments from outside (a deck, a test) come in
// as `unknown` and are checked by the command's own `parse`: a fixed set, no reflection.
import type { LearnerCode, NewFrom } from '../scenarios';
import { PANEL_IDS, SPEEDS } from '../store/createSimStore';
import type { Granularity, PanelId, SimStoreApi } from '../store/createSimStore';
import { isFontScale, isTheme } from '../store/viewOptions';
import type { Theme } from '../store/viewOptions';
import { isStepNumber, STEP_NUMBER } from './stepNumber';
import { parseViewChange } from './viewChange';
import type { ViewChange } from './viewChange';

/** What a command acts on: the store, and the session's scenario opener. */
export interface CommandContext {
  readonly store: SimStoreApi;
  /** Opens a built-in scenario at `step` (the picker, `loadScenario`). */
  readonly openScenario: (id: string, step: number) => void;
  /** A new scenario's code under a key no draft has (the session's catalog and drafts). */
  readonly newCode?: (from: NewFrom) => LearnerCode | null;
}

export interface KeyBinding {
  /** `KeyboardEvent.key`. */
  readonly key: string;
  /** How the help and the titles write it. */
  readonly label: string;
}

/** Where a command has a button of its own (controls bar: the step group). */
export type CommandPlace = 'step';

/** Parsed arguments, or the reason they are not acceptable. */
export type Parsed<A> =
  { readonly ok: true; readonly args: A } | { readonly ok: false; readonly message: string };

export interface Command<A = void> {
  readonly name: string;
  /** Short label for a button or a menu: 'Next step'. */
  readonly label: string;
  /** What the help overlay says it does: 'next step'. */
  readonly help: string;
  readonly keys: readonly KeyBinding[];
  readonly place?: CommandPlace;
  readonly parse: (raw: unknown) => Parsed<A>;
  readonly enabled: (ctx: CommandContext) => boolean;
  readonly perform: (ctx: CommandContext, args: A) => void;
}

const noArgs = (): Parsed<void> => ({ ok: true, args: undefined });
const always = (): boolean => true;
const loaded = (ctx: CommandContext): boolean => ctx.store.getState().source !== null;
const canPrev = (ctx: CommandContext): boolean => {
  const s = ctx.store.getState();
  return s.source !== null && s.cursor > 0;
};
const canNext = (ctx: CommandContext): boolean => {
  const s = ctx.store.getState();
  return s.source !== null && s.cursor < s.source.length - 1;
};
const canPlay = (ctx: CommandContext): boolean => (ctx.store.getState().source?.length ?? 0) > 1;

/** The object form `{ key: value }` of an argument, or null. */
function record(raw: unknown): Readonly<Record<string, unknown>> | null {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw)
    ? (raw as Record<string, unknown>)
    : null;
}

function field<A>(
  name: string,
  accept: (value: unknown) => value is A,
  what: string,
): (raw: unknown) => Parsed<A> {
  return (raw) => {
    const value = record(raw)?.[name];
    return accept(value)
      ? { ok: true, args: value }
      : { ok: false, message: `"${name}" must be ${what}.` };
  };
}

const isSpeed = (v: unknown): v is number => SPEEDS.some((s) => s === v);
const isGranularity = (v: unknown): v is Granularity => v === 'statement' || v === 'kernel';

const isPanel = (v: unknown): v is PanelId => PANEL_IDS.some((p) => p === v);
const isScenarioId = (v: unknown): v is string =>
  typeof v === 'string' && v.length > 0 && v.length <= 200;

function define<A>(command: Command<A>): Command<A> {
  return command;
}

export const COMMANDS = [
  define({
    name: 'first',
    label: 'First step',
    help: 'first step',
    keys: [{ key: 'Home', label: 'Home' }],
    place: 'step',
    parse: noArgs,
    enabled: canPrev,
    perform: (ctx) => ctx.store.getState().first(),
  }),
  define({
    name: 'prev',
    label: 'Back one step',
    help: 'back one step',
    keys: [{ key: 'ArrowLeft', label: '←' }],
    place: 'step',
    parse: noArgs,
    enabled: canPrev,
    perform: (ctx) => ctx.store.getState().prev(),
  }),
  define({
    name: 'next',
    label: 'Next step',
    help: 'next step',
    keys: [
      { key: 'ArrowRight', label: '→' },
      { key: ' ', label: 'Space' },
    ],
    place: 'step',
    parse: noArgs,
    enabled: canNext,
    perform: (ctx) => ctx.store.getState().next(),
  }),
  define({
    name: 'last',
    label: 'Last step',
    help: 'last step',
    keys: [{ key: 'End', label: 'End' }],
    place: 'step',
    parse: noArgs,
    enabled: canNext,
    perform: (ctx) => ctx.store.getState().last(),
  }),
  define({
    name: 'togglePlay',
    label: 'Play / pause',
    help: 'play / pause',
    keys: [
      { key: 'k', label: 'k' },
      { key: 'K', label: 'k' },
    ],
    place: 'step',
    parse: noArgs,
    enabled: canPlay,
    perform: (ctx) => ctx.store.getState().togglePlay(),
  }),
  define({
    name: 'play',
    label: 'Play',
    help: 'play',
    keys: [],
    parse: noArgs,
    enabled: canPlay,
    perform: (ctx) => ctx.store.getState().play(),
  }),
  define({
    name: 'pause',
    label: 'Pause',
    help: 'pause',
    keys: [],
    parse: noArgs,
    enabled: always,
    perform: (ctx) => ctx.store.getState().pause(),
  }),
  define<number>({
    name: 'goto',
    label: 'Go to step',
    help: 'go to a step',
    keys: [],
    parse: field('step', isStepNumber, STEP_NUMBER),
    enabled: loaded,
    perform: (ctx, step) => ctx.store.getState().seek(step),
  }),
  define({
    name: 'reset',
    label: 'Reset',
    help: 'pause and go back to step 0',
    keys: [],
    parse: noArgs,
    enabled: loaded,
    perform: (ctx) => ctx.store.getState().first(),
  }),
  define<number>({
    name: 'speed',
    label: 'Playback speed',
    help: 'set the playback speed (steps per second)',
    keys: [],
    parse: field('speed', isSpeed, `one of ${SPEEDS.join(', ')}`),
    enabled: always,
    perform: (ctx, speed) => ctx.store.getState().setSpeed(speed),
  }),
  define<Granularity>({
    name: 'granularity',
    label: 'Step granularity',
    help: 'step by statement or by kernel event',
    keys: [],
    parse: field('granularity', isGranularity, '"statement" or "kernel"'),
    enabled: always,
    perform: (ctx, granularity) => ctx.store.getState().setGranularity(granularity),
  }),
  define({
    name: 'edit',
    label: 'Edit',
    help: "edit this scenario's code (Escape leaves the editor)",
    keys: [{ key: 'e', label: 'E' }],
    parse: noArgs,
    enabled: loaded,
    perform: (ctx) => {
      const s = ctx.store.getState();
      s.setEditorOpen(!s.editorOpen);
    },
  }),
  define<NewFrom>({
    name: 'newScenario',
    label: 'New scenario',
    help: 'a new scenario in the editor: from the template (one client, one server) or this lesson',
    keys: [],
    parse: (raw) => {
      const from = record(raw)?.from ?? 'template';
      return from === 'template' || from === 'lesson'
        ? { ok: true, args: from }
        : { ok: false, message: '"from" must be "template" or "lesson".' };
    },
    enabled: (ctx) => ctx.newCode !== undefined,
    perform: (ctx, from) => {
      const code = ctx.newCode?.(from) ?? null;
      if (code === null) return;
      ctx.store.getState().setCode(code);
      ctx.store.getState().setEditorOpen(true);
    },
  }),
  define({
    name: 'help',
    label: 'Keyboard help',
    help: 'this help',
    keys: [{ key: '?', label: '?' }],
    parse: noArgs,
    enabled: always,
    perform: (ctx) => {
      const s = ctx.store.getState();
      s.setHelpOpen(!s.helpOpen);
    },
  }),
  define({
    name: 'export',
    label: 'Export',
    help: 'export the chart or registers (SVG, PNG), the trace (JSON) or the chart (Mermaid)',
    keys: [{ key: 'x', label: 'X' }],
    parse: noArgs,
    enabled: loaded,
    perform: (ctx) => {
      const s = ctx.store.getState();
      s.setExportOpen(!s.exportOpen);
    },
  }),
  define<Theme>({
    name: 'theme',
    label: 'Theme',
    help: 'light, dark or high-contrast',
    keys: [],
    parse: field('theme', isTheme, '"light", "dark" or "high-contrast"'),
    enabled: always,
    perform: (ctx, theme) => ctx.store.getState().setTheme(theme),
  }),
  define<number>({
    name: 'fontScale',
    label: 'Text size',
    help: 'scale every text (0.5 to 3)',
    keys: [],
    parse: field('fontScale', isFontScale, 'a number from 0.5 to 3'),
    enabled: always,
    perform: (ctx, scale) => ctx.store.getState().setFontScale(scale),
  }),
  define<ViewChange>({
    name: 'setOptions',
    label: 'View options',
    help: 'set theme, speed, text size, controls, panels and granularity at once',
    keys: [],
    parse: parseViewChange,
    enabled: always,
    perform: (ctx, change) => {
      const s = ctx.store.getState();
      if (change.theme !== undefined) s.setTheme(change.theme);
      if (change.speed !== undefined) s.setSpeed(change.speed);
      if (change.fontScale !== undefined) s.setFontScale(change.fontScale);
      if (change.controls !== undefined) s.setControls(change.controls);
      if (change.panels !== undefined)
        s.setHidden(PANEL_IDS.filter((p) => !change.panels?.includes(p)));
      if (change.granularity !== undefined) s.setGranularity(change.granularity);
    },
  }),
  define<PanelId>({
    name: 'togglePanel',
    label: 'Show or hide a panel',
    help: 'show or hide a panel',
    keys: [],
    parse: field('panel', isPanel, `one of ${PANEL_IDS.join(', ')}`),
    enabled: always,
    perform: (ctx, panel) => ctx.store.getState().togglePanel(panel),
  }),
  define<{ scenario: string; step: number }>({
    name: 'loadScenario',
    label: 'Open a scenario',
    help: 'open a built-in scenario',
    keys: [],
    parse: (raw) => {
      const r = record(raw);
      const scenario = r?.scenario;
      const step = r?.step ?? 0;
      if (!isScenarioId(scenario))
        return { ok: false, message: '"scenario" must be a scenario id.' };
      if (!isStepNumber(step)) return { ok: false, message: `"step" must be ${STEP_NUMBER}.` };
      return { ok: true, args: { scenario, step } };
    },
    enabled: always,
    perform: (ctx, { scenario, step }) => ctx.openScenario(scenario, step),
  }),
] as const;

type AnyCommand = (typeof COMMANDS)[number];
export type CommandName = AnyCommand['name'];
/** The argument type of command `N`. */
export type CommandArgs<N extends CommandName> =
  Extract<AnyCommand, { name: N }> extends Command<infer A> ? A : never;

export function commandNamed(name: string): Command<unknown> | undefined {
  return (COMMANDS as unknown as readonly Command<unknown>[]).find((c) => c.name === name);
}

export type RunResult = { readonly ok: true } | { readonly ok: false; readonly message: string };

/**
 * Runs command `name` with arguments from outside (`raw` is checked by the command's parse).
 * Unknown names, bad arguments and disabled commands change nothing and say why.
 */
export function runCommand(ctx: CommandContext, name: string, raw?: unknown): RunResult {
  const command = commandNamed(name);
  if (!command) return { ok: false, message: `There is no command "${name.slice(0, 100)}".` };
  const parsed = command.parse(raw);
  if (!parsed.ok) return { ok: false, message: `${command.name}: ${parsed.message}` };
  if (!command.enabled(ctx)) return { ok: false, message: `${command.name} cannot run now.` };
  command.perform(ctx, parsed.args);
  return { ok: true };
}

/** Runs a command from the app's own code, typed. */
export function perform<N extends CommandName>(
  ctx: CommandContext,
  name: N,
  ...args: CommandArgs<N> extends void ? [] : [CommandArgs<N>]
): void {
  const command = commandNamed(name);
  if (command?.enabled(ctx)) command.perform(ctx, args[0]);
}

/** `Label (keys)`: a button's title. */
export function titleOf(command: Pick<Command<unknown>, 'label' | 'keys'>): string {
  const keys = [...new Set(command.keys.map((k) => k.label))];
  return keys.length ? `${command.label} (${keys.join(' or ')})` : command.label;
}
