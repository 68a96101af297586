import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveEmbed } from './embedSettings';
import { linkUpdates } from './links';
import type { LinkedView } from './links';
import { PANEL_IDS } from '../../store/createSimStore';
import { readAddressOptions } from './options';
import { updateQuery } from './query';

describe('readAddressOptions', () => {
  it('reads every option of the query', () => {
    const { options, notices } = readAddressOptions(
      '?scenario=call-reply&step=4&theme=high-contrast&fontScale=1.75&controls=none' +
        '&panels=chart,registers&autoplay=1&speed=4&embed=1&keys=deck&deck=reveal' +
        '&parentOrigin=https://slides.example.org&granularity=event',
    );
    expect(notices).toEqual([]);
    expect(options).toEqual({
      scenario: 'call-reply',
      step: 4,
      theme: 'high-contrast',
      fontScale: 1.75,
      controls: 'none',
      hidden: PANEL_IDS.filter((p) => p !== 'chart' && p !== 'registers'),
      autoplay: true,
      speed: 4,
      embed: true,
      keys: 'deck',
      deck: 'reveal',
      parentOrigin: 'https://slides.example.org',
      granularity: 'kernel',
    });
  });

  it('the fragment overrides the query', () => {
    const { options } = readAddressOptions('?step=1&theme=light', '#step=6&theme=dark');
    expect(options).toMatchObject({ step: 6, theme: 'dark' });
    expect(readAddressOptions('?step=1', '#top').options.step).toBe(1);
  });

  it('keeps the older spellings: font=, hide=, by=; the new names win', () => {
    expect(readAddressOptions('?font=125&hide=decoder&by=kernel').options).toEqual({
      fontScale: 1.25,
      hidden: ['decoder'],
      granularity: 'kernel',
    });
    expect(readAddressOptions('?font=125&fontScale=2').options.fontScale).toBe(2);
  });

  it('a bad value in an older spelling is named in a notice too', () => {
    const { options, notices } = readAddressOptions('?font=9000&hide=decoder,nope&by=line');
    expect(options).toEqual({});
    expect(notices.map((n) => n.split('=')[0])).toEqual(['font', 'hide', 'by']);
  });

  it('a bad value is left out and named in a notice', () => {
    const { options, notices } = readAddressOptions(
      '?theme=purple&fontScale=9&controls=some&panels=chart,nope&autoplay=yes&speed=3' +
        '&embed=2&keys=all&deck=slidev&parentOrigin=https://a.org/path&granularity=line',
    );
    expect(options).toEqual({});
    expect(notices).toHaveLength(11);
    expect(notices[0]).toBe(
      'theme="purple" is not understood (light, dark, high-contrast, auto); ignored.',
    );
    expect(notices.join(' ')).toContain('parentOrigin="https://a.org/path"');
  });

  it('never throws, and whatever it keeps is valid', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 100 }), (search, hash) => {
        const { options, notices } = readAddressOptions(search, hash);
        for (const n of notices) expect(n.length).toBeLessThan(400);
        if (options.fontScale !== undefined) {
          expect(options.fontScale).toBeGreaterThanOrEqual(0.5);
          expect(options.fontScale).toBeLessThanOrEqual(3);
        }
      }),
    );
  });
});

describe('resolveEmbed', () => {
  it('embeds when framed unless told otherwise; embedded defaults to keys=deck and minimal', () => {
    expect(resolveEmbed({}, false)).toMatchObject({
      embedded: false,
      keys: 'own',
      defaultControls: 'full',
    });
    expect(resolveEmbed({}, true)).toMatchObject({
      embedded: true,
      keys: 'deck',
      deck: 'generic',
      parentOrigin: '*',
      defaultControls: 'minimal',
    });
    expect(resolveEmbed({ embed: false }, true).embedded).toBe(false);
    expect(resolveEmbed({ embed: true, keys: 'none' }, false)).toMatchObject({
      embedded: true,
      keys: 'none',
    });
  });
});

describe('linkUpdates', () => {
  const view: LinkedView = {
    scenario: 'call-reply',
    step: 0,
    granularity: 'statement',
    hidden: [],
    theme: null,
    fontScale: 1,
    speed: 2,
    controls: 'full',
    defaultControls: 'full',
  };

  it('a link holds the scenario and nothing the user did not set', () => {
    expect(updateQuery('', linkUpdates(view))).toBe('?scenario=call-reply');
    expect(updateQuery('?kind=msgtag&font=100&hide=decoder&by=kernel', linkUpdates(view))).toBe(
      '?kind=msgtag&scenario=call-reply',
    );
  });

  it('what the user chose is written, and reads back the same', () => {
    const chosen: LinkedView = {
      ...view,
      step: 7,
      granularity: 'kernel',
      hidden: ['decoder', 'servers'],
      theme: 'dark',
      fontScale: 1.5,
      speed: 8,
      controls: 'none',
    };
    const search = updateQuery('', linkUpdates(chosen));
    expect(readAddressOptions(search)).toEqual({
      options: {
        scenario: 'call-reply',
        step: 7,
        granularity: 'kernel',
        hidden: PANEL_IDS.filter((p) => p === 'decoder' || p === 'servers'),
        theme: 'dark',
        fontScale: 1.5,
        speed: 8,
        controls: 'none',
      },
      notices: [],
    });
  });
});
