// Playwright fixtures (tldraw style): page objects over dotted test ids, and a console watch that
// fails any test whose page logged an error.
import { test as base, expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

export interface DecoderQuery {
  readonly kind?: string;
  readonly abi?: string;
  readonly word?: string;
  readonly word2?: string;
  readonly theme?: string;
  readonly font?: string;
}

/** The word decoder panel. */
export class DecoderPage {
  readonly word: Locator;
  readonly word2: Locator;
  readonly kind: Locator;
  readonly abi: Locator;
  readonly error: Locator;
  readonly details: Locator;
  readonly fields: Locator;

  constructor(readonly page: Page) {
    this.word = page.getByTestId('decoder.word');
    this.word2 = page.getByTestId('decoder.word2');
    this.kind = page.getByTestId('decoder.kind');
    this.abi = page.getByTestId('decoder.abi');
    this.error = page.getByTestId('decoder.error');
    this.details = page.getByTestId('decoder.details');
    this.fields = page.getByTestId('decoder.fields');
  }

  /**
   * Opens the page with `query` in the address bar; a decoder query opens the decoder dialog by
   * itself, otherwise the header's button does (one click, as a user would).
   */
  async open(query: DecoderQuery = {}): Promise<void> {
    const search = new URLSearchParams(Object.entries(query)).toString();
    await this.page.goto(search ? `/?${search}` : '/');
    if (!('kind' in query || 'word' in query)) await this.page.getByTestId('decoder.open').click();
    await expect(this.word).toBeVisible();
  }

  /** Types `word` (and `word2`) for `kind` on `abi`, as a user would. */
  async decode(word: string, options: Omit<DecoderQuery, 'word'> = {}): Promise<void> {
    if (options.kind) await this.kind.selectOption(options.kind);
    if (options.abi) await this.abi.selectOption(options.abi);
    await this.word.fill(word);
    if (options.word2 !== undefined) await this.word2.fill(options.word2);
  }

  /** The bit strip of word `index`. */
  strip(index = 0): Locator {
    return this.page.getByTestId(`decoder.strip.${index}`);
  }

  /** The band of the field `name` in strip `index`. */
  band(name: string, index = 0): Locator {
    return this.strip(index).getByTestId(`decoder.field.${name}`);
  }

  /** The table cell of the decoded JSON key `key`. */
  value(key: string): Locator {
    return this.page.getByTestId(`decoder.value.${key}`);
  }

  /** The query string of the address bar, parsed. */
  query(): URLSearchParams {
    return new URL(this.page.url()).searchParams;
  }
}

/** The header's view options. */
export class ShellPage {
  readonly theme: Locator;
  readonly font: Locator;

  constructor(readonly page: Page) {
    this.theme = page.getByTestId('theme.picker');
    this.font = page.getByTestId('font.picker');
  }

  /** The theme the page is drawn in (`data-theme` on <html>). */
  async appliedTheme(): Promise<string | null> {
    return this.page.locator('html').getAttribute('data-theme');
  }
}

export const test = base.extend<{
  decoder: DecoderPage;
  shell: ShellPage;
  consoleErrors: string[];
}>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await use(errors);
      expect(errors, 'errors in the browser console').toEqual([]);
    },
    { auto: true },
  ],
  decoder: async ({ page }, use) => {
    await use(new DecoderPage(page));
  },
  shell: async ({ page }, use) => {
    await use(new ShellPage(page));
  },
});

export { expect };
