// Journeys through the visualizer, driven like a user: clicks, keys, the URL.
import { expect, test } from './visualizerFixtures';

test.describe('memory-alloc-free', () => {
  test('the Call puts the request in memserver, the heap gets a block, and going back undoes it all', async ({
    viz,
  }) => {
    await viz.open({ scenario: 'memory-alloc-free' });
    await expect(viz.counter).toHaveText(/^0 \/ \d+$/);
    await expect(viz.messages).toHaveCount(0);

    // The registers: their own group of the dock below the code (three threads at 1280×720), or a
    // tab of it beside the code (the variables come first).
    const registersTab = viz.page.getByTestId('dock.tab.registers');
    if ((await registersTab.count()) > 0) await registersTab.click();
    // Step to app's Call: the first arrow on the chart.
    await viz.stepUntil(async () => (await viz.messages.count()) > 0);
    await expect(viz.messages).toHaveCount(1);
    await expect(viz.messages.first()).toHaveAttribute(
      'aria-label',
      /^#\d+ .*u=3 t=0: app to memserver/,
    );
    // After the transfer, the request words are in the receiver's registers, named by the struct.
    await expect(viz.mr('memserver', 1)).toHaveText('0x0');
    await expect(viz.mr('memserver', 2)).toHaveText('0x100');
    await expect(viz.mr('memserver', 3)).toHaveText('0x0');
    await expect(viz.tag('memserver', 'u')).toHaveText('3');
    await expect(viz.tag('memserver', 'label')).toHaveText('0x0');
    await expect(viz.page.getByTestId('regs.memserver')).toContainText('size');
    await expect(viz.state('app')).toContainText('waiting for the reply from memserver');

    // memserver allocates: the heap map (the dock's servers tab) shows app's block.
    await viz.page.getByTestId('dock.tab.servers').click();
    await viz.stepUntil(async () => (await viz.heapBlock('0x10000000').count()) > 0);
    await expect(viz.heapBlock('0x10000000')).toContainText('app');

    // Back to the start: no arrow, no block, the counter at 0.
    await viz.first.click();
    await expect(viz.counter).toHaveText(/^0 \/ \d+$/);
    await expect(viz.messages).toHaveCount(0);
    await expect(viz.heapBlock('0x10000000')).toHaveCount(0);
    await expect(viz.state('app')).not.toContainText('waiting');
  });

  test('the scrubber and the URL jump straight to a step; stepping rewrites the URL in place', async ({
    viz,
    page,
  }) => {
    await viz.open({ scenario: 'memory-alloc-free' });
    const { last } = await viz.position();
    await viz.scrubber.fill('40');
    await expect(viz.counter).toHaveText(`40 / ${last}`);
    await expect.poll(() => viz.urlStep()).toBe('40');

    await viz.open({ scenario: 'memory-alloc-free', step: '99' });
    await expect(viz.counter).toHaveText(`99 / ${last}`);
    await expect(viz.scrubber).toHaveValue('99');
    const before = await page.evaluate(() => history.length);
    await viz.next.click();
    await expect.poll(() => viz.urlStep()).toBe('100');
    expect(await page.evaluate(() => history.length)).toBe(before);
  });

  test('the current line of each thread is marked in its code', async ({ viz }) => {
    await viz.open({ scenario: 'memory-alloc-free', step: '1' });
    await expect(viz.currentLine('memserver')).toHaveCount(1);
    await expect(viz.currentLine('app')).toHaveCount(1);
    const line = await viz.currentLine('app').getAttribute('data-line');
    await viz.next.click();
    await viz.next.click();
    await expect(viz.currentLine('app')).not.toHaveAttribute('data-line', line ?? '');
  });
});

test.describe('bad addresses', () => {
  test('an unknown scenario says so and falls back to the first lesson', async ({ viz }) => {
    await viz.open({ scenario: 'no-such-lesson' });
    await expect(viz.notice).toContainText('There is no scenario "no-such-lesson"');
    await expect(viz.picker).not.toHaveValue('');
    await expect(viz.narration).not.toBeEmpty();
  });

  test('a step out of range says so and shows the last step', async ({ viz }) => {
    await viz.open({ scenario: 'call-reply', step: '5000' });
    const { step, last } = await viz.position();
    expect(step).toBe(last);
    await expect(viz.notice).toContainText('Step 5000 is not in this run');
    await viz.open({ scenario: 'call-reply', step: 'abc' });
    await expect(viz.notice).toContainText('not a step number');
    await expect(viz.counter).toHaveText(/^0 \//);
  });
});

test('play runs the steps and pause stops them', async ({ viz, page }) => {
  await viz.open({ scenario: 'server-loop', speed: '16' });
  await viz.play.click();
  await expect(viz.play).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => (await viz.position()).step).toBeGreaterThan(3);
  await viz.play.click();
  await expect(viz.play).toHaveAttribute('aria-pressed', 'false');
  const paused = (await viz.position()).step;
  await page.waitForTimeout(400);
  expect((await viz.position()).step).toBe(paused);
});

test('keyboard only: walk call-reply forward and back, play, help', async ({ viz, page }) => {
  await viz.open({ scenario: 'call-reply' });
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Space');
  await expect(viz.counter).toHaveText(/^2 \//);
  await page.keyboard.press('ArrowLeft');
  await expect(viz.counter).toHaveText(/^1 \//);
  await page.keyboard.press('End');
  const { last } = await viz.position();
  await expect(viz.counter).toHaveText(`${last} / ${last}`);
  await page.keyboard.press('Home');
  await expect(viz.counter).toHaveText(/^0 \//);

  // Tab reaches the controls; Enter on "next" steps.
  await viz.next.focus();
  await page.keyboard.press('Enter');
  await expect(viz.counter).toHaveText(/^1 \//);
  await page.keyboard.press('Shift+Tab');
  await expect(viz.prev).toBeFocused();

  // Walk to the Call by keys and see the transfer.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  for (let i = 0; i < 40 && (await viz.messages.count()) === 0; i++)
    await page.keyboard.press('ArrowRight');
  await expect(viz.messages).toHaveCount(1);
  await expect(viz.narration).toContainText('client calls adder');

  await page.keyboard.press('k');
  await expect(viz.play).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('k');
  await expect(viz.play).toHaveAttribute('aria-pressed', 'false');

  await page.keyboard.press('?');
  await expect(viz.help).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(viz.help).toBeHidden();
});

test('timeouts: a failed IPC sets E in the tag and the ErrorCode says why', async ({ viz }) => {
  await viz.open({ scenario: 'timeouts' });
  await viz.page.getByTestId('dock.tab.registers').click();
  await viz.stepUntil(
    async () =>
      (await viz.page.locator('[data-testid^="errorcode."]:has-text("phase")').count()) > 0,
  );
  const failing = viz.page.locator('[data-testid^="errorcode."]:has-text("phase")').first();
  const name = ((await failing.getAttribute('data-testid')) ?? '').replace('errorcode.', '');
  await expect(viz.tag(name, 'flags')).toHaveText(/E/);
  await expect(failing).toContainText('timeout');
  await expect(viz.chart.locator('.msg--failed')).not.toHaveCount(0);
});

test('deadlock: the end names the wait-for cycle', async ({ viz }) => {
  await viz.open({ scenario: 'deadlock' });
  await viz.last.click();
  await expect(viz.outcome).toContainText(/Deadlock: (alice → bob → alice|bob → alice → bob)/);
  await expect(viz.state('alice')).toContainText('blocked sending to bob');
  await expect(viz.state('bob')).toContainText('blocked sending to alice');
  await expect(viz.chart.getByTestId('seq.queued')).toHaveCount(2);
});

test('every built-in scenario can be picked and stepped to its end and back', async ({ viz }) => {
  await viz.open();
  // The picker lists the whole catalog once its chunk is in (the first lesson can show before it).
  await expect.poll(() => viz.picker.locator('option').count()).toBeGreaterThanOrEqual(13);
  const ids = await viz.picker
    .locator('option')
    .evaluateAll((opts) => opts.map((o) => (o as HTMLOptionElement).value));
  expect(ids.length).toBeGreaterThanOrEqual(13);
  for (const id of ids) {
    await viz.picker.selectOption(id);
    await expect(viz.counter).toHaveText(/^0 \/ \d+$/);
    await viz.last.click();
    const { step, last } = await viz.position();
    expect(step, id).toBe(last);
    await viz.prev.click();
    await expect(viz.counter, id).toHaveText(`${last - 1} / ${last}`);
  }
});

test('the command registry drives the buttons, the help and the test bridge alike', async ({
  viz,
  page,
}) => {
  await viz.open({ scenario: 'call-reply', test: '1' });
  await expect(viz.next).toHaveAttribute('title', 'Next step (→ or Space)');
  await expect(viz.first).toHaveAttribute('title', 'First step (Home)');
  await expect(viz.play).toHaveAttribute('title', 'Play / pause (k)');
  const commands = await page.evaluate(() => window.__sim?.commands ?? []);
  expect(commands).toEqual(expect.arrayContaining(['next', 'goto', 'loadScenario', 'theme']));
  expect(await page.evaluate(() => window.__sim?.run('goto', { step: 4 }))).toEqual({ ok: true });
  await expect(viz.counter).toHaveText(/^4 \//);
  await page.keyboard.press('?');
  await expect(viz.help).toBeVisible();
  const rows = await viz.help.locator('tbody tr').allInnerTexts();
  expect(rows.map((r) => r.replace(/\s+/g, ' ').trim())).toEqual(
    expect.arrayContaining(['→ or Space next step', 'k play / pause', 'Home first step']),
  );
});
