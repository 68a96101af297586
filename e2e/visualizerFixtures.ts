// Page objects for the visualizer (tldraw style): dotted test ids, and the console-error guard of
// the decoder's fixtures (every test fails if the page logged an error).
import { test as base, expect } from './fixtures';
import type { Locator, Page } from '@playwright/test';

export interface VisualizerQuery {
  readonly scenario?: string;
  readonly step?: string;
  readonly theme?: string;
  readonly font?: string;
  /** Animations stay on only when the test says so. */
  readonly animate?: '0' | '1';
  readonly [key: string]: string | undefined;
}

export class VisualizerPage {
  readonly first: Locator;
  readonly prev: Locator;
  readonly next: Locator;
  readonly last: Locator;
  readonly play: Locator;
  readonly scrubber: Locator;
  readonly counter: Locator;
  readonly picker: Locator;
  readonly chart: Locator;
  readonly messages: Locator;
  readonly narration: Locator;
  readonly notice: Locator;
  readonly outcome: Locator;
  readonly help: Locator;

  constructor(readonly page: Page) {
    this.first = page.getByTestId('controls.first');
    this.prev = page.getByTestId('controls.prev');
    this.next = page.getByTestId('controls.next');
    this.last = page.getByTestId('controls.last');
    this.play = page.getByTestId('controls.play');
    this.scrubber = page.getByTestId('controls.scrubber');
    this.counter = page.getByTestId('step.counter');
    this.picker = page.getByTestId('scenario.picker');
    this.chart = page.getByTestId('seq.chart');
    this.messages = this.chart.getByTestId('seq.message');
    this.narration = page.getByTestId('narration');
    this.notice = page.getByTestId('notice');
    this.outcome = page.getByTestId('outcome');
    this.help = page.getByTestId('help');
  }

  /** Opens the page with `query` (animations off unless asked) and waits for the first frame. */
  async open(query: VisualizerQuery = {}): Promise<void> {
    const params = new URLSearchParams({ animate: '0' });
    for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, v);
    await this.page.goto(`/?${params.toString()}`);
    await expect(this.counter).toHaveText(/^\d+ \/ \d+$/);
  }

  /** The step counter as numbers. */
  async position(): Promise<{ step: number; last: number }> {
    const [step, last] = (await this.counter.innerText()).split('/').map((s) => Number(s.trim()));
    return { step: step ?? NaN, last: last ?? NaN };
  }

  /** Clicks next until `done()` holds (at most `limit` clicks); returns the step reached. */
  async stepUntil(done: () => Promise<boolean>, limit = 400): Promise<number> {
    for (let i = 0; i < limit; i++) {
      if (await done()) return (await this.position()).step;
      await this.next.click();
    }
    throw new Error(`condition not reached within ${limit} steps`);
  }

  thread(name: string): Locator {
    return this.page.getByTestId(`thread.${name}`);
  }

  state(name: string): Locator {
    return this.page.getByTestId(`thread.${name}.state`);
  }

  code(name: string): Locator {
    return this.page.getByTestId(`thread.${name}.code`);
  }

  /** The line marked as running next in a thread's code. */
  currentLine(name: string): Locator {
    return this.code(name).locator('[aria-current="step"]');
  }

  mr(name: string, index: number): Locator {
    return this.page.getByTestId(`mr.${name}.${index}`);
  }

  tag(name: string, field: 'label' | 'flags' | 'u' | 't'): Locator {
    return this.page.getByTestId(`tag.${name}.${field}`);
  }

  errorCode(name: string): Locator {
    return this.page.getByTestId(`errorcode.${name}`);
  }

  /** Pins a thread's registers (clicks its name). */
  async select(name: string): Promise<void> {
    await this.thread(name).getByRole('button', { name }).click();
  }

  heapBlock(address: string): Locator {
    return this.page.getByTestId(`heap.block.${address}`);
  }

  /** The step in the address bar. */
  urlStep(): string | null {
    return new URL(this.page.url()).searchParams.get('step');
  }
}

export const test = base.extend<{ viz: VisualizerPage }>({
  viz: async ({ page }, use) => {
    await use(new VisualizerPage(page));
  },
});

export { expect };
