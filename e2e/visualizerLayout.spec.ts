// The screen as a student and an instructor see it: how many whole lines of each thread's code are
// visible, the thread on the CPU in view, no wrapping, no page scroll with large text, the two
// marks in the code. Measured in the browser, as a user would count them.
import type { Page } from '@playwright/test';
import { expect, test } from './visualizerFixtures';

interface Seen {
  /** Whole lines inside the listing's box. */
  readonly whole: number;
  /** Lines the listing has. */
  readonly total: number;
  /** Tallest line over the shortest (1 when nothing wraps). */
  readonly wrap: number;
}

/** What each shown thread's listing shows. */
async function linesVisible(page: Page): Promise<Record<string, Seen>> {
  return page.evaluate(() => {
    const out: Record<string, Seen> = {};
    for (const list of document.querySelectorAll<HTMLElement>('[data-testid$=".code"]')) {
      const name = (list.dataset.testid ?? '').replace(/^thread\./, '').replace(/\.code$/, '');
      const box = list.getBoundingClientRect();
      const lines = Array.from(list.querySelectorAll<HTMLElement>('li[data-line]'));
      const heights = lines.map((l) => l.getBoundingClientRect().height);
      const whole = lines.filter((l) => {
        const r = l.getBoundingClientRect();
        return r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5 && r.height > 0;
      }).length;
      out[name] = {
        whole,
        total: lines.length,
        wrap: Math.max(...heights) / Math.min(...heights),
      };
    }
    return out;
  });
}

interface Clip {
  /** Lines the listing has, and how many show whole without scrolling sideways. */
  readonly lines: number;
  readonly whole: number;
  /** Lengths (characters) of the lines cut at the listing's right edge. */
  readonly clipped: readonly number[];
}

/** Which lines of each shown listing are cut at its right edge (as scrolled: at the start). */
async function linesClipped(page: Page): Promise<Record<string, Clip>> {
  return page.evaluate(() => {
    const out: Record<string, Clip> = {};
    for (const list of document.querySelectorAll<HTMLElement>('[data-testid$=".code"]')) {
      const name = (list.dataset.testid ?? '').replace(/^thread\./, '').replace(/\.code$/, '');
      const right = list.getBoundingClientRect().left + list.clientLeft + list.clientWidth;
      const seen = Array.from(list.querySelectorAll('li[data-line] .code__text')).map((code) => {
        const shown = Array.from(code.childNodes).filter(
          (n) => !(n instanceof Element && n.classList.contains('visually-hidden')),
        );
        const range = document.createRange();
        const [first] = shown;
        const last = shown[shown.length - 1];
        if (first) range.setStartBefore(first);
        if (last) range.setEndAfter(last);
        const text = shown.map((n) => n.textContent ?? '').join('');
        return {
          chars: text.trimEnd().length,
          whole: range.getBoundingClientRect().right <= right + 0.5,
        };
      });
      out[name] = {
        lines: seen.length,
        whole: seen.filter((s) => s.whole).length,
        clipped: seen.filter((s) => !s.whole).map((s) => s.chars),
      };
    }
    return out;
  });
}

/** The element lies inside the window. */
async function inWindow(page: Page, testId: string): Promise<boolean> {
  return page.getByTestId(testId).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight;
  });
}

/** The thread the CPU badge is on. */
async function cpuThread(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const badge = document.querySelector('.thread__cpu');
    const column = badge?.closest<HTMLElement>('[data-testid^="thread."]');
    return column?.dataset.testid?.replace('thread.', '') ?? null;
  });
}

test.describe('at 1280×720', () => {
  for (const [scenario, step] of [
    ['call-reply', '3'],
    ['memory-alloc-free', '3'],
    ['memory-alloc-free', '140'],
    ['server-loop', '3'],
    ['map-grant', '12'],
  ] as const) {
    test(`${scenario} at step ${step}: every thread shows 15 whole lines of code, unwrapped, its lines whole`, async ({
      viz,
    }) => {
      await viz.open({ scenario, step });
      const seen = await linesVisible(viz.page);
      const threads = await viz.page.locator('.thread').count();
      expect(Object.keys(seen)).toHaveLength(threads);
      for (const [name, { whole, total, wrap }] of Object.entries(seen)) {
        expect(whole, name).toBeGreaterThanOrEqual(Math.min(15, total));
        expect(wrap, `${name}: a line wrapped`).toBeLessThan(1.2);
      }
      // A lesson's typical line reads without scrolling sideways: every line of up to 40
      // characters, and at least three lines in four, are whole.
      for (const [name, { lines, whole, clipped }] of Object.entries(
        await linesClipped(viz.page),
      )) {
        expect(
          clipped.filter((chars) => chars <= 40),
          `${name}: lines cut`,
        ).toEqual([]);
        expect(whole, `${name}: lines whole`).toBeGreaterThanOrEqual(lines * 0.75);
      }
    });
  }

  test('scheduler-as-written: four threads; the one on the CPU always shown, 15 lines', async ({
    viz,
  }) => {
    await viz.open({ scenario: 'scheduler-as-written', step: '1' });
    const seenCpu = new Set<string>();
    for (let i = 0; i < 40; i++) {
      const cpu = await cpuThread(viz.page);
      if (cpu) {
        seenCpu.add(cpu);
        expect(await inWindow(viz.page, `thread.${cpu}`), `step ${i}`).toBe(true);
        const seen = (await linesVisible(viz.page))[cpu];
        expect(seen?.whole ?? 0, cpu).toBeGreaterThanOrEqual(Math.min(15, seen?.total ?? 15));
        // Its next line is in view inside the listing.
        const inList = await viz.currentLine(cpu).evaluate((li) => {
          const box = li.closest('ol')?.getBoundingClientRect();
          const r = li.getBoundingClientRect();
          return box !== undefined && r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
        });
        expect(inList, `${cpu} at step ${i}`).toBe(true);
      }
      await viz.next.click();
    }
    // The CPU moved between threads, and every thread can be reached from the tabs.
    expect(seenCpu.size).toBeGreaterThan(1);
    await viz.page.getByTestId('thread.tab.scheduler').click();
    await expect(viz.thread('scheduler')).toBeVisible();
  });

  test('scheduler-as-written opened at its deadlock: the CPU is idle, the thread that ran last (scheduler) is shown', async ({
    viz,
  }) => {
    await viz.open({ scenario: 'scheduler-as-written', step: '87' });
    await expect(viz.counter).toHaveText(/^87 \//);
    await expect(viz.thread('scheduler')).toBeVisible();
    expect(await inWindow(viz.page, 'thread.scheduler')).toBe(true);
    // From step 0 with End, too: a jump sees no thread on the CPU on the way.
    await viz.open({ scenario: 'scheduler-as-written', step: '0' });
    await viz.page.locator('body').click({ position: { x: 2, y: 2 } });
    await viz.page.keyboard.press('End');
    await expect(viz.counter).toHaveText(/^87 \//);
    await expect(viz.thread('scheduler')).toBeVisible();
  });

  for (const scenario of ['memory-alloc-free', 'scheduler-as-written', 'call-reply']) {
    test(`${scenario}: thread columns keep their width when the CPU moves`, async ({ viz }) => {
      await viz.open({ scenario, step: '1' });
      const widths = () =>
        viz.page
          .locator('.thread')
          .evaluateAll((cols) => cols.map((c) => Math.round(c.getBoundingClientRect().width)));
      const arranged = () => viz.page.getByTestId('viz.grid').getAttribute('data-arrangement');
      const before = await widths();
      const layout = await arranged();
      expect(new Set(before).size).toBe(1);
      // Three moves of the CPU (into helpers and out again): the same widths, the same layout.
      for (let i = 0; i < 3; i++) {
        const cpu = await cpuThread(viz.page);
        await viz.stepUntil(async () => (await cpuThread(viz.page)) !== cpu);
        expect(await widths(), `move ${i + 1}`).toEqual(before);
        expect(await arranged()).toBe(layout);
      }
    });
  }

  for (const scenario of ['memory-alloc-free', 'call-reply']) {
    test(`${scenario}: a hidden panel gives its space to the others`, async ({ viz }) => {
      await viz.open({ scenario, step: '3' });
      const area = (id: string) =>
        viz.page.getByTestId(id).evaluate((el) => {
          const r = el.getBoundingClientRect();
          return r.width * r.height;
        });
      const chartBefore = await area('panel.chart');
      await viz.page.getByTestId('panels.menu').locator('summary').click();
      for (const id of ['variables', 'registers', 'servers', 'statechart', 'capnp'])
        await viz.page.getByTestId(`panels.${id}`).uncheck();
      await viz.page.getByTestId('panels.menu').locator('summary').click();
      expect(await area('panel.chart')).toBeGreaterThan(chartBefore * 1.5);
      const threadsBefore = await area('panel.threads');
      await viz.page.getByTestId('panel.chart.hide').click();
      expect(await area('panel.threads')).toBeGreaterThan(threadsBefore * 1.3);
      const page = await viz.page.evaluate(() => document.documentElement.scrollHeight);
      expect(page).toBeLessThanOrEqual(720);
    });
  }

  test('three threads: the code goes across the width, above the chart and the dock', async ({
    viz,
  }) => {
    await viz.open({ scenario: 'memory-alloc-free', step: '3' });
    await expect(viz.page.getByTestId('viz.grid')).toHaveAttribute('data-arrangement', 'stacked');
    const box = (id: string) =>
      viz.page.getByTestId(id).evaluate((el) => {
        const r = el.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, width: r.width };
      });
    const threads = await box('panel.threads');
    const chart = await box('panel.chart');
    const dock = await box('dock');
    expect(chart.top).toBeGreaterThanOrEqual(threads.bottom);
    expect(dock.top).toBeGreaterThanOrEqual(threads.bottom);
    expect(threads.width).toBeGreaterThan(1200);
    // The chart keeps room for three rows of IPCs.
    expect(chart.bottom - chart.top).toBeGreaterThan(150);
  });

  test('two threads of short lines: the code beside the chart, at full height', async ({ viz }) => {
    await viz.open({ scenario: 'call-reply', step: '3' });
    await expect(viz.page.getByTestId('viz.grid')).toHaveAttribute('data-arrangement', 'side');
    const seen = await linesVisible(viz.page);
    for (const [name, { whole, total }] of Object.entries(seen))
      expect(whole, name).toBeGreaterThanOrEqual(Math.min(22, total));
  });
});

test('at 1920×1080 the code gets more lines and the columns more width', async ({ viz }) => {
  const widths = () =>
    viz.page
      .locator('.code')
      .evaluateAll((lists) => lists.map((l) => l.getBoundingClientRect().width));
  await viz.open({ scenario: 'memory-alloc-free', step: '3' });
  const narrow = Math.min(...(await widths()));
  await viz.page.setViewportSize({ width: 1920, height: 1080 });
  await viz.open({ scenario: 'memory-alloc-free', step: '3' });
  for (const [name, { whole, total }] of Object.entries(await linesVisible(viz.page)))
    expect(whole, name).toBeGreaterThanOrEqual(Math.min(20, total));
  expect(Math.min(...(await widths()))).toBeGreaterThan(narrow * 1.3);
  for (const [name, { lines, whole }] of Object.entries(await linesClipped(viz.page)))
    expect(whole, name).toBeGreaterThanOrEqual(lines * 0.9);
});

test('at 1920×1080 short code goes above the chart and the dock, which grow', async ({ viz }) => {
  await viz.page.setViewportSize({ width: 1920, height: 1080 });
  await viz.open({ scenario: 'map-grant', step: '12' });
  await expect(viz.page.getByTestId('viz.grid')).toHaveAttribute('data-arrangement', 'stacked');
  // Every line of code whole, and the registers panel tall enough for the whole message.
  for (const [name, { lines, whole }] of Object.entries(await linesClipped(viz.page)))
    expect(whole, name).toBe(lines);
  const dock = await viz.page
    .getByTestId('dock')
    .evaluate((el) => el.getBoundingClientRect().height);
  expect(dock).toBeGreaterThan(350);
});

test.describe('at 1280×720 with text at 125 % and 150 %', () => {
  for (const [key, value] of [
    ['font', '150'],
    ['fontScale', '1.5'],
    ['fontScale', '1.25'],
  ] as const) {
    for (const scenario of ['memory-alloc-free', 'scheduler-as-written']) {
      test(`${scenario}, ${key}=${value}: no page scroll, controls on one row`, async ({ viz }) => {
        await viz.open({ scenario, step: '18', [key]: value });
        await expect(viz.page.getByTestId('font.picker')).toHaveValue(
          String(Math.round(Number(key === 'font' ? Number(value) / 100 : value) * 100)),
        );
        const page = await viz.page.evaluate(() => ({
          scrollH: document.documentElement.scrollHeight,
          scrollW: document.documentElement.scrollWidth,
        }));
        expect(page.scrollH).toBeLessThanOrEqual(720);
        expect(page.scrollW).toBeLessThanOrEqual(1280);
        const row = await viz.page.getByTestId('controls').evaluate((bar) => {
          const kids = Array.from(bar.children).map((c) => c.getBoundingClientRect());
          const box = bar.getBoundingClientRect();
          return {
            rows: new Set(kids.map((k) => Math.round(k.top + k.height / 2) >> 3)).size,
            overflow: kids.some((k) => k.right > box.right + 0.5 || k.left < box.left - 0.5),
          };
        });
        expect(row.rows).toBeLessThanOrEqual(2); // centres within 8 px: one row
        expect(row.overflow).toBe(false);
        // The charts' SVG text grows with the page's.
        const svgFont = await viz.page
          .locator('.chart__name')
          .first()
          .evaluate((t) => parseFloat(getComputedStyle(t).fontSize));
        expect(svgFont).toBeGreaterThanOrEqual(15 * Number(key === 'font' ? 1.5 : value) - 1);
        // The lesson's title in the picker: two lines of whole words, the rest in its tooltip; the
        // select keeps its name.
        const picker = viz.page.getByRole('combobox', { name: 'Scenario' });
        const title = await picker.locator('option:checked').textContent();
        await expect(picker).toHaveAttribute('title', `Scenario: ${title ?? ''}`);
        const shown = await viz.page.getByTestId('scenario.shown').evaluate((box) => {
          const text = box.firstElementChild as HTMLElement;
          const line = parseFloat(getComputedStyle(text).lineHeight);
          return { lines: Math.round(text.clientHeight / line), text: text.textContent ?? '' };
        });
        expect(shown.text).toBe(title);
        expect(shown.lines).toBe(2);
      });
    }
  }
});

test('two marks in the code: ✓ the line that just ran, ▶ the line that runs next', async ({
  viz,
}) => {
  await viz.open({ scenario: 'scheduler-as-written', step: '3' });
  const cpu = (await cpuThread(viz.page)) ?? '';
  const code = viz.code(cpu);
  const ran = code.locator('[data-mark="ran"]');
  const next = code.locator('[aria-current="step"]');
  await expect(ran).toHaveCount(1);
  await expect(next).toHaveCount(1);
  await expect(ran.locator('.code__mark')).toHaveText('✓');
  await expect(next.locator('.code__mark')).toHaveText('▶');
  // The narration tells what the ✓ line did.
  await expect(viz.narration).toContainText('req.time_control = SCHED_UNCHANGED');
  await expect(ran.locator('.code__text')).toContainText('req.time_control = SCHED_UNCHANGED');
  // One step on, the ▶ line has become the ✓ line.
  const nextLine = await next.getAttribute('data-line');
  await viz.next.click();
  if ((await cpuThread(viz.page)) === cpu)
    await expect(code.locator('[data-mark="ran"], [data-mark="both"]')).toHaveAttribute(
      'data-line',
      nextLine ?? '',
    );
});

test('the chart: numbered arrows, the IPCs to come faded and clickable, rows fill the panel', async ({
  viz,
}) => {
  await viz.open({ scenario: 'timeouts', step: '11' });
  const now = viz.chart.locator('[aria-current="step"]');
  await expect(now.first()).toContainText('#11');
  // A failed receive is a mark on the receiver's lifeline: no line is drawn for it.
  const receive = viz.messages.filter({ hasText: 'receive phase' }).first();
  await expect(receive.locator('.msg__line')).toHaveCount(0);
  await expect(receive.locator('.msg__cross')).toHaveCount(1);
  // An IPC still to come is drawn faded; a click goes forward to its step.
  const ahead = viz.chart.getByTestId('seq.ahead').first();
  await expect(ahead).toBeVisible();
  const step = Number(await ahead.getAttribute('data-step'));
  expect(step).toBeGreaterThan(11);
  await ahead.click();
  await expect(viz.counter).toHaveText(new RegExp(`^${step} /`));

  // memory-alloc-free late in the run: more IPCs than fit, so the rows fill the panel's height
  // (how many depends on the panel's share of the window; at least three at 1280×720).
  await viz.open({ scenario: 'memory-alloc-free', step: '140' });
  const fill = await viz.page.getByTestId('panel.chart').evaluate((panel) => {
    const rows = Array.from(panel.querySelectorAll('[data-step]')).map((r) =>
      r.getBoundingClientRect(),
    );
    const box = panel.querySelector('.chart')?.getBoundingClientRect();
    return {
      count: rows.length,
      lowest: Math.max(...rows.map((r) => r.bottom)),
      bottom: box?.bottom ?? 0,
      height: box?.height ?? 1,
    };
  });
  expect(fill.count).toBeGreaterThanOrEqual(3);
  expect(fill.lowest).toBeLessThanOrEqual(fill.bottom + 1);
  expect(fill.bottom - fill.lowest).toBeLessThan(fill.height / 3);
});
