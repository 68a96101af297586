// The draft offer, shown on opening a lesson that has a saved draft, is an offer and looks like one:
// the neutral surface with an accent bar, not the red error box of a notice, and readable (axe's
// contrast rules) in the light, dark and high-contrast themes.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './visualizerFixtures';

const THEMES = ['light', 'dark', 'high-contrast'] as const;

/** A saved draft of call-reply, as the editor leaves one in the page's storage. */
async function seedDraft(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const path = 'lessons/call-reply.c';
    const draft = { key: 'call-reply', path, files: { [path]: '// my edit\n' }, savedAt: 0 };
    localStorage.setItem('rendezvous.draft.call-reply', JSON.stringify(draft));
  });
}

/** A theme colour, as the browser resolves it (`rgb(…)`). */
const themeColour = (page: Page, name: string) =>
  page.evaluate((n) => {
    const probe = document.createElement('span');
    probe.style.color = `var(${n})`;
    document.body.append(probe);
    const colour = getComputedStyle(probe).color;
    probe.remove();
    return colour;
  }, name);

for (const theme of THEMES) {
  test(`the draft offer is a neutral notice, readable in the ${theme} theme`, async ({
    viz,
    page,
  }) => {
    await seedDraft(page);
    await viz.open({ scenario: 'call-reply', theme });
    const offer = page.getByTestId('draft-offer');
    await expect(offer).toContainText('You have a draft of this scenario');
    const style = await offer.evaluate((el) => {
      const s = getComputedStyle(el);
      return { bar: s.borderLeftColor, background: s.backgroundColor, text: s.color };
    });
    expect(style).toEqual({
      bar: await themeColour(page, '--accent'),
      background: await themeColour(page, '--surface'),
      text: await themeColour(page, '--text'),
    });
    if (theme !== 'high-contrast')
      expect(style.background).not.toBe(await themeColour(page, '--error-bg'));
    const result = await new AxeBuilder({ page })
      .include('[data-testid="draft-offer"]')
      .withTags(['wcag2a', 'wcag2aa'])
      .analyze();
    expect(result.violations.map((v) => v.id)).toEqual([]);
    await page.getByRole('button', { name: 'Not now' }).click();
    await expect(offer).toHaveCount(0);
  });
}
