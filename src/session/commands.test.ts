import { afterEach, describe, expect, it } from 'vitest';
import { createSimStore } from '../store/createSimStore';
import { COMMANDS, runCommand, titleOf } from './commands';
import type { CommandContext } from './commands';
import { keyCommand, keyHelpRows } from './keys';
import { lessonSource } from '../store/testSupport/lessonSource';
import { createSession } from './session';
import { manualScheduler, memoryLocation } from './ports';
import { defaultCatalog } from './defaultCatalog';
import { installTestBridge } from './testBridge';

function context(): CommandContext & { opened: [string, number][] } {
  const opened: [string, number][] = [];
  const store = createSimStore();
  store.getState().load(lessonSource('call-reply'));
  return { store, openScenario: (id, step) => opened.push([id, step]), opened };
}

const body = { tagName: 'BODY' };

describe('the command registry', () => {
  afterEach(() => {
    delete (globalThis as { window?: unknown }).window;
  });

  it('one entry per name', () => {
    const names = COMMANDS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('a command with keys is reached by each key, listed in the help, and titled with them', () => {
    const help = keyHelpRows();
    for (const command of COMMANDS) {
      for (const { key, label } of command.keys) {
        expect(keyCommand(key, body)).toBe(command.name);
        expect(help.find((row) => row.what === command.help)?.keys).toContain(label);
        expect(titleOf(command)).toContain(label);
      }
    }
    expect(help.map((r) => r.keys)).toEqual(['Home', '←', '→ or Space', 'End', 'k', 'E', '?', 'X']);
  });

  it('every command is reachable through the test bridge, by name', async () => {
    (globalThis as { window?: unknown }).window = {};
    const session = createSession({
      loadCatalog: () => Promise.resolve(defaultCatalog),
      scheduler: manualScheduler(),
      location: memoryLocation('?scenario=call-reply'),
    });
    await session.settled();
    const stop = installTestBridge(session);
    const bridge = (globalThis as unknown as { window: Window }).window.__sim;
    expect(bridge?.commands).toEqual(COMMANDS.map((c) => c.name));
    expect(bridge?.run('next')).toEqual({ ok: true });
    expect(bridge?.state().cursor).toBe(1);
    stop();
    expect((globalThis as unknown as { window: Window }).window.__sim).toBeUndefined();
    session.dispose();
  });

  it('the step commands are enabled only where they can move', () => {
    const ctx = context();
    const enabled = () =>
      Object.fromEntries(COMMANDS.filter((c) => c.place).map((c) => [c.name, c.enabled(ctx)]));
    expect(enabled()).toEqual({
      first: false,
      prev: false,
      next: true,
      last: true,
      togglePlay: true,
    });
    runCommand(ctx, 'last');
    expect(enabled()).toEqual({
      first: true,
      prev: true,
      next: false,
      last: false,
      togglePlay: true,
    });
    expect(runCommand(ctx, 'next')).toEqual({ ok: false, message: 'next cannot run now.' });
  });

  it('arguments from outside are checked; a bad one changes nothing', () => {
    const ctx = context();
    const before = ctx.store.getState();
    for (const [name, args] of [
      ['goto', { step: 1.5 }],
      ['goto', { step: '3' }],
      ['goto', null],
      ['speed', { speed: 1e9 }],
      ['granularity', { granularity: 'word' }],
      ['theme', { theme: '<script>' }],
      ['fontScale', { fontScale: 10 }],
      ['togglePanel', { panel: '__proto__' }],
      ['loadScenario', { scenario: '' }],
      ['loadScenario', { scenario: 'x', step: -2 }],
    ] as const) {
      expect(runCommand(ctx, name, args).ok).toBe(false);
    }
    expect(ctx.store.getState()).toBe(before);
    expect(ctx.opened).toEqual([]);
    expect(runCommand(ctx, 'loadScenario', { scenario: 'deadlock', step: 4 })).toEqual({
      ok: true,
    });
    expect(ctx.opened).toEqual([['deadlock', 4]]);
    runCommand(ctx, 'fontScale', { fontScale: 1.5 });
    runCommand(ctx, 'theme', { theme: 'high-contrast' });
    expect(ctx.store.getState()).toMatchObject({ fontScale: 1.5, theme: 'high-contrast' });
  });
});
