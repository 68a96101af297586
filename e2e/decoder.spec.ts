import { expect, test } from './fixtures';

test.describe('word decoder', () => {
  test('decodes a message tag: label 0x1234, u 5, in the table and the strip', async ({
    decoder,
  }) => {
    await decoder.open();
    await decoder.decode('0x12340005', { kind: 'msgtag', abi: 'amd64' });

    await expect(decoder.error).toBeEmpty();
    await expect(decoder.value('label')).toHaveText('0x1234');
    await expect(decoder.value('u')).toHaveText('5');
    await expect(decoder.value('t')).toHaveText('0');
    await expect(decoder.value('error')).toHaveText('false');

    await expect(decoder.strip(0)).toContainText('(64 bits)');
    await expect(decoder.band('label')).toHaveAttribute('aria-label', /bits 63–16, value 0x1234$/);
    await expect(decoder.band('label')).toContainText('0x1234');
    await expect(decoder.band('u')).toHaveAttribute('aria-label', /bits 5–0, value 5$/);
    await expect(decoder.band('u')).toContainText('5');
    await expect(decoder.strip(1)).toHaveCount(0);

    // The page's first word is not something the user set: the link does not carry it.
    const query = decoder.query();
    expect([query.get('kind'), query.get('abi'), query.get('word')]).toEqual([null, null, null]);
  });

  test('on ia32 it still decodes, rejects a 64-bit-only word, and recovers', async ({
    decoder,
  }) => {
    await decoder.open({ kind: 'msgtag', word: '0x12340005' });
    await decoder.abi.selectOption('ia32');

    await expect(decoder.value('label')).toHaveText('0x1234');
    await expect(decoder.value('u')).toHaveText('5');
    await expect(decoder.strip(0)).toContainText('(32 bits)');
    await expect(decoder.band('label')).toHaveAttribute('aria-label', /bits 31–16/);
    expect(decoder.query().get('abi')).toBe('ia32');

    await decoder.word.fill('0x100000000');
    await expect(decoder.error).toHaveRole('alert');
    await expect(decoder.error).toContainText(/wider than/i);
    await expect(decoder.error).toContainText('ia32');
    await expect(decoder.word).toHaveAttribute('aria-invalid', 'true');
    await expect(decoder.strip(0)).toHaveCount(0);

    // Still usable: the controls answer, and a valid word brings the decoding back.
    await decoder.abi.selectOption('amd64');
    await expect(decoder.error).toBeEmpty();
    await expect(decoder.value('label')).toHaveText('0x10000');
    await decoder.abi.selectOption('ia32');
    await expect(decoder.error).toContainText('ia32');
    await decoder.word.fill('0x12340005');
    await expect(decoder.error).toBeEmpty();
    await expect(decoder.value('label')).toHaveText('0x1234');
  });

  test('a word that is not a number shows a message, and so does an empty one', async ({
    decoder,
  }) => {
    await decoder.open();
    await decoder.word.fill('xyz');
    await expect(decoder.error).toBeVisible();
    await expect(decoder.error).toContainText('xyz');
    await expect(decoder.fields).toHaveCount(0);

    await decoder.word.fill('');
    await expect(decoder.error).toContainText(/empty/i);

    await decoder.word.fill('0x8000');
    await expect(decoder.value('error')).toHaveText('true');
    await expect(decoder.error).toBeHidden();
  });

  test('hex digits without 0x are an error; the field says which base it read', async ({
    decoder,
    page,
  }) => {
    await decoder.open();
    const base = page.getByTestId('decoder.base');
    await decoder.word.fill('1234abcd');
    await expect(decoder.error).toContainText(/not a number: '1234abcd'/i);
    await expect(decoder.word).toHaveAttribute('aria-invalid', 'true');
    await expect(base).toBeEmpty();
    await decoder.word.fill('12340005');
    await expect(decoder.error).toBeEmpty();
    await expect(base).toHaveText('read as decimal = 0xbc4b25');
    await decoder.word.fill('0x12340005');
    await expect(base).toHaveText('read as hex');
    await expect(decoder.value('label')).toHaveText('0x1234');
  });

  test('a map item takes two words and shows a strip for each', async ({ decoder }) => {
    await decoder.open();
    await expect(decoder.word2).toHaveCount(0);
    await decoder.decode('0x300008', { kind: 'mapitem', word2: '0x300147' });

    await expect(decoder.value('sndBase')).toHaveText('0x300000');
    await expect(decoder.value('fpage')).toHaveText('0x300147');
    await expect(decoder.value('continuation')).toHaveText('false');
    await expect(decoder.strip(0)).toBeVisible();
    await expect(decoder.strip(1)).toBeVisible();
    expect(decoder.query().get('word2')).toBe('0x300147');

    await decoder.word2.fill('');
    await expect(decoder.error).toContainText(/Word 1/);
  });

  test('keyboard: Tab reaches a band and shows its details', async ({ decoder, page }) => {
    await decoder.open({ kind: 'msgtag', word: '0x12340005' });
    await decoder.abi.focus();
    await page.keyboard.press('Tab');
    await expect(decoder.band('label')).toBeFocused();
    await expect(decoder.details).toContainText('label');
    await expect(decoder.details).toContainText('bits 63–16 (48 bits)');
    await expect(decoder.details).toContainText('0x1234');

    // → moves to the next band, Tab from the last band of the strip leaves it.
    await page.keyboard.press('ArrowRight');
    await expect(decoder.band('label')).not.toBeFocused();
    const last = decoder.strip(0).locator('[data-band]').last();
    await last.focus();
    await expect(decoder.details).toContainText('bits 5–0 (6 bits)');
    await expect(decoder.details).toContainText('u');
  });

  test('hovering a band shows its details', async ({ decoder }) => {
    await decoder.open({ kind: 'msgtag', word: '0x12340005' });
    await decoder.band('u').hover();
    await expect(decoder.details).toContainText('bits 5–0');
    await expect(decoder.details).toContainText('5');
  });

  test('the URL reproduces the decoder, and hostile values fall back', async ({ decoder }) => {
    await decoder.open({ kind: 'threadid', abi: 'ia32', word: '0x108001' });
    await expect(decoder.kind).toHaveValue('threadid');
    await expect(decoder.abi).toHaveValue('ia32');
    await expect(decoder.value('threadNo')).toHaveText('0x42');
    await expect(decoder.value('version')).toHaveText('0x1');

    await decoder.open({ kind: '<img src=x>', abi: 'sparc', word: '"><script>' });
    await expect(decoder.kind).toHaveValue('msgtag');
    await expect(decoder.abi).toHaveValue('amd64');
    await expect(decoder.word).toHaveValue('"><script>');
    await expect(decoder.error).toBeVisible();
  });

  test('every kind decodes a word without errors', async ({ decoder }) => {
    await decoder.open();
    const options = await decoder.kind.locator('option').allTextContents();
    expect(options).toEqual([
      'Message tag (MR0)',
      'Thread ID',
      'Flexpage',
      'Map item',
      'Grant item',
      'String item',
      'Acceptor (BR0)',
      'Time',
      'Timeouts',
      'ErrorCode TCR',
    ]);
    for (const kind of await decoder.kind
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))) {
      await decoder.kind.selectOption(kind);
      await decoder.word.fill('0x3e8');
      if (await decoder.word2.count()) await decoder.word2.fill('0x300147');
      await expect(decoder.error, kind).toBeEmpty();
      await expect(decoder.strip(0), kind).toBeVisible();
      await expect(decoder.value('raw').or(decoder.value('words')), kind).toBeVisible();
    }
  });
});

test.describe('app shell', () => {
  test('shows the product name, and the decoder one click from the header', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Rendezvous', level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Word decoder' })).toBeHidden();
    await page.getByTestId('decoder.open').click();
    await expect(page.getByRole('heading', { name: 'Word decoder' })).toBeVisible();
    await page.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByRole('heading', { name: 'Word decoder' })).toBeHidden();
    await expect(page.getByTestId('controls.next')).toBeVisible();
  });

  test('the theme switch works and is kept in the URL', async ({ decoder, shell, page }) => {
    await decoder.open({ word: '0x12340006' });
    await shell.theme.selectOption('dark');
    expect(await shell.appliedTheme()).toBe('dark');
    await expect.poll(() => decoder.query().get('theme')).toBe('dark');
    const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);

    await shell.theme.selectOption('high-contrast');
    expect(await shell.appliedTheme()).toBe('high-contrast');
    await expect.poll(() => decoder.query().get('theme')).toBe('high-contrast');
    await shell.theme.selectOption('light');
    await expect.poll(() => decoder.query().get('theme')).toBe('light');
    const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(light).not.toBe(dark);

    // The decoder's own query survives the theme change, and a reload reproduces both.
    expect(decoder.query().get('word')).toBe('0x12340006');
    await page.reload();
    expect(await shell.appliedTheme()).toBe('light');
    await expect(shell.theme).toHaveValue('light');
  });

  test('the default theme follows prefers-color-scheme', async ({ page, shell }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/');
    expect(await shell.appliedTheme()).toBe('dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await page.goto('/?theme=dark');
    expect(await shell.appliedTheme()).toBe('dark');
  });

  test('the font scale grows the text and is kept in the URL', async ({ decoder, shell, page }) => {
    await decoder.open();
    const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    const before = await size();
    await shell.font.selectOption('150');
    expect(await size()).toBeCloseTo(before * 1.5, 0);
    await expect.poll(() => decoder.query().get('font')).toBe('150');
    await page.goto('/?font=125&theme=nonsense');
    await expect(shell.font).toHaveValue('125');
  });
});
