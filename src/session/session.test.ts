import { describe, expect, it } from 'vitest';
import { stressScenarioText } from '../../bench/workloads/stressScenario';
import { defaultCatalog } from './defaultCatalog';
import { manualScheduler, memoryLocation } from './ports';
import { FIRST_STEPS } from './recordInParts';
import { createSession } from './session';
import type { Session, SessionPhase } from './session';

/** Resolves when `session` is in `phase`. */
function reach(session: Session, phase: SessionPhase): Promise<void> {
  return new Promise((resolve) => {
    const sub = session.actor.subscribe((s) => {
      if (s.value === phase) {
        sub.unsubscribe();
        resolve();
      }
    });
    if (session.actor.getSnapshot().value === phase) {
      sub.unsubscribe();
      resolve();
    }
  });
}

function open(search = '', loadCatalog = () => Promise.resolve(defaultCatalog)) {
  const scheduler = manualScheduler();
  const location = memoryLocation(search);
  const session = createSession({ loadCatalog, scheduler, location });
  return { session, scheduler, location, store: session.store };
}

describe('the session, without a browser', () => {
  it('opens the default lesson when the address names none, then lists the lessons when idle', async () => {
    const { session, scheduler, store } = open();
    expect(session.actor.getSnapshot().value).toBe('loading');
    expect(await session.settled()).toBe('ready');
    expect(store.getState()).toMatchObject({
      scenarioId: defaultCatalog.defaultId,
      cursor: 0,
      notice: null,
    });
    expect(session.actor.getSnapshot().context.choices).toBeNull();
    scheduler.flush();
    const choices = session.actor.getSnapshot().context.choices ?? [];
    expect(choices.map((c) => c.id)).toContain('call-reply');
    expect(choices.find((c) => c.id === 'call-reply')?.title).toBe('Call and reply');
    session.dispose();
  });

  it('opens the lesson and step of the address', async () => {
    const { session, store } = open('?scenario=call-reply&step=5');
    await session.settled();
    expect(store.getState()).toMatchObject({ scenarioId: 'call-reply', cursor: 5, notice: null });
    session.dispose();
  });

  it('an unknown lesson falls back to the default with a notice; a bad step shows step 0', async () => {
    const unknown = open('?scenario=no-such-lesson');
    await unknown.session.settled();
    expect(unknown.store.getState().scenarioId).toBe(defaultCatalog.defaultId);
    expect(unknown.store.getState().notice).toBe(
      `There is no scenario "no-such-lesson". Showing "${defaultCatalog.defaultId}" instead.`,
    );
    const bad = open('?scenario=call-reply&step=abc');
    await bad.session.settled();
    expect(bad.store.getState()).toMatchObject({ scenarioId: 'call-reply', cursor: 0 });
    expect(bad.store.getState().notice).toMatch(
      /not a step number \(a whole number 0, 1, 2, …\); showing step 0/,
    );
  });

  it('a catalog that cannot load leaves the session failed, with the reason on screen', async () => {
    const { session, store } = open('', () => Promise.reject(new Error('offline')));
    expect(await session.settled()).toBe('failed');
    expect(store.getState().notice).toBe('The scenarios could not be loaded: offline');
    expect(store.getState().source).toBeNull();
  });

  it('a long run is shown after its first steps and recorded in idle parts, then ready', async () => {
    const { session, scheduler, store } = open('?scenario=call-reply');
    await session.settled();
    void session.openText(stressScenarioText(4), { id: 'load', maxSteps: 6000 });
    await reach(session, 'recording');
    expect(session.actor.getSnapshot().value).toBe('recording');
    expect(store.getState().source?.length).toBe(FIRST_STEPS + 1);
    expect(store.getState().source?.recording).toBe(true);
    store.getState().seek(1500);
    scheduler.flush();
    expect(session.actor.getSnapshot().value).toBe('ready');
    expect(store.getState().source?.length).toBe(6001);
    expect(store.getState().source?.recording).toBeFalsy();
    // Recording never moves the user's cursor.
    expect(store.getState().cursor).toBe(1500);
    session.dispose();
  });

  it('opening another lesson while one records stops the recording', async () => {
    const { session, scheduler, store } = open('?scenario=call-reply');
    await session.settled();
    void session.openText(stressScenarioText(4), { id: 'load', maxSteps: 6000 });
    await reach(session, 'recording');
    expect(session.actor.getSnapshot().value).toBe('recording');
    session.open('server-loop');
    await session.settled();
    scheduler.flush();
    expect(store.getState().scenarioId).toBe('server-loop');
    expect(store.getState().source?.recording).toBeFalsy();
  });

  it('keeps the address in step: one coalesced write when the page is idle', async () => {
    const { session, scheduler, store, location } = open('?scenario=call-reply&animate=0');
    await session.settled();
    scheduler.flush();
    const before = location.writes.length;
    store.getState().next();
    store.getState().next();
    store.getState().next();
    expect(location.writes.length).toBe(before);
    scheduler.advance(300);
    expect(location.writes.length).toBe(before + 1);
    expect(location.search()).toBe('?scenario=call-reply&animate=0&step=3');
    session.run('theme', { theme: 'dark' });
    scheduler.advance(300);
    expect(location.search()).toContain('theme=dark');
    session.dispose();
  });

  it('plays at the chosen speed and schedules nothing while paused', async () => {
    const { session, scheduler, store } = open('?scenario=server-loop&speed=4');
    await session.settled();
    scheduler.flush();
    expect(scheduler.pending()).toBe(0);
    session.run('play');
    scheduler.advance(1000);
    expect(store.getState().cursor).toBe(4);
    session.run('pause');
    scheduler.advance(1000);
    expect(store.getState().cursor).toBe(4);
    scheduler.flush();
    expect(scheduler.pending()).toBe(0);
    session.dispose();
  });

  it('runs commands by name, and refuses bad ones without changing anything', async () => {
    const { session, store } = open('?scenario=call-reply');
    await session.settled();
    expect(session.run('goto', { step: 3 })).toEqual({ ok: true });
    expect(store.getState().cursor).toBe(3);
    expect(session.run('goto', { step: -1 })).toEqual({
      ok: false,
      message: 'goto: "step" must be a step number (a whole number 0, 1, 2, …).',
    });
    expect(session.run('goto', 'x')).toMatchObject({ ok: false });
    expect(session.run('constructor')).toEqual({
      ok: false,
      message: 'There is no command "constructor".',
    });
    expect(session.run('speed', { speed: 3 })).toMatchObject({ ok: false });
    expect(store.getState()).toMatchObject({ cursor: 3, speed: 2 });
    session.run('loadScenario', { scenario: 'server-loop', step: 2 });
    await session.settled();
    expect(store.getState()).toMatchObject({ scenarioId: 'server-loop', cursor: 2 });
    session.run('loadScenario', { scenario: 'nope' });
    await session.settled();
    expect(store.getState().scenarioId).toBe('server-loop');
    expect(store.getState().notice).toBe('There is no scenario "nope".');
  });

  it('reads the options of the query and the fragment; bad ones are named in the notice', async () => {
    const scheduler = manualScheduler();
    const location = memoryLocation(
      '?scenario=call-reply&step=2&theme=purple&controls=none',
      '#step=4&fontScale=2',
    );
    const session = createSession({
      loadCatalog: () => Promise.resolve(defaultCatalog),
      scheduler,
      location,
      framed: true,
    });
    await session.settled();
    expect(session.store.getState()).toMatchObject({ cursor: 4, fontScale: 2, controls: 'none' });
    expect(session.store.getState().notice).toContain('theme="purple" is not understood');
    expect(session.embed).toMatchObject({ embedded: true, keys: 'deck' });
    session.run('next');
    scheduler.advance(600);
    // The step moves to the query; the fragment no longer overrides it.
    expect(location.search()).toContain('step=5');
    expect(location.hash()).toBe('');
    session.dispose();
  });

  it('setOptions changes several view options at once, or none when one is bad', async () => {
    const { session, store } = open('?scenario=call-reply');
    await session.settled();
    expect(
      session.run('setOptions', { theme: 'dark', controls: 'minimal', panels: ['chart'] }),
    ).toEqual({ ok: true });
    expect(store.getState()).toMatchObject({ theme: 'dark', controls: 'minimal' });
    expect(store.getState().hidden).not.toContain('chart');
    expect(store.getState().hidden).toContain('threads');
    expect(session.run('setOptions', { theme: 'light', speed: 3 })).toMatchObject({ ok: false });
    expect(session.run('setOptions', { eval: 'x' })).toMatchObject({ ok: false });
    expect(store.getState().theme).toBe('dark');
    expect(session.run('setOptions', { theme: 'auto', granularity: 'event' })).toEqual({
      ok: true,
    });
    expect(store.getState()).toMatchObject({ theme: null, granularity: 'kernel' });
    session.dispose();
  });
});
