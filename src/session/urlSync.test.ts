import { describe, expect, it } from 'vitest';
import { stressScenarioText } from '../../bench/workloads/stressScenario';
import { defaultCatalog } from './defaultCatalog';
import { MANUAL_FRAME_MS, manualScheduler, memoryLocation } from './ports';
import { createSession } from './session';

async function openStepping() {
  const scheduler = manualScheduler();
  const location = memoryLocation('?scenario=call-reply&animate=0');
  const session = createSession({
    loadCatalog: () => Promise.resolve(defaultCatalog),
    scheduler,
    location,
  });
  await session.settled();
  // A run long enough to step through for a second.
  void session.openText(stressScenarioText(4), { id: 'load', maxSteps: 400 });
  await session.settled();
  scheduler.flush();
  // Each step changes the page, as React's commit of it does in the browser.
  session.store.subscribe(() => scheduler.touch());
  return { session, scheduler, location, store: session.store };
}

describe('the address while stepping', () => {
  it('is not written while the page changes every frame, and follows within a frame or two of the last step', async () => {
    const { session, scheduler, location, store } = await openStepping();
    const before = location.writes.length;
    for (let i = 0; i < 60; i++) {
      store.getState().next();
      scheduler.advance(MANUAL_FRAME_MS);
    }
    // A second of clicks, one a frame: each moment after a paint found the page changed again.
    expect(location.writes.length).toBe(before);
    scheduler.advance(3 * MANUAL_FRAME_MS);
    expect(location.writes.length).toBe(before + 1);
    expect(location.search()).toContain('step=60');
    session.dispose();
  });

  it('is written in the first moment after a paint when the page is as painted', async () => {
    const { session, scheduler, location, store } = await openStepping();
    store.getState().next();
    store.getState().next();
    // 250 ms of coalescing, then the first after-paint moment is already clean.
    scheduler.advance(250 + MANUAL_FRAME_MS);
    expect(location.search()).toContain('step=2');
    session.dispose();
  });
});
