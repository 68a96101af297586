import { describe, expect, it } from 'vitest';
import { readAddressOptions } from '../../session/url/options';
import { PANEL_IDS } from '../../store/createSimStore';
import { embedSrc, iframeSnippet, pluginScript } from './snippet';
import type { EmbedChoices } from './snippet';

const choices: EmbedChoices = {
  panels: PANEL_IDS.filter((p) => p !== 'decoder'),
  controls: 'minimal',
  theme: 'auto',
  size: '960x540',
  deck: 'reveal',
};

describe('the Share dialog snippet', () => {
  it('carries the scenario, the step and only the choices that differ from embed defaults', () => {
    const src = embedSrc(
      'https://host.example/app/?kind=msgtag#x',
      { scenario: 'call-reply', step: 5 },
      choices,
    );
    expect(src).toBe('https://host.example/app/?scenario=call-reply&step=5&deck=reveal');
    const other = embedSrc(
      'file:///slides/rendezvous.html',
      { scenario: 'deadlock', step: 0 },
      {
        ...choices,
        panels: ['chart', 'threads'],
        controls: 'none',
        theme: 'dark',
        deck: 'generic',
      },
    );
    const read = readAddressOptions(new URL(other).search);
    expect(read.notices).toEqual([]);
    expect(read.options).toMatchObject({ scenario: 'deadlock', theme: 'dark', controls: 'none' });
    expect(read.options.hidden).toEqual(PANEL_IDS.filter((p) => p !== 'chart' && p !== 'threads'));
  });

  it('writes an iframe for reveal (data-src, data-preload, the plugin marks) or any page, escaped', () => {
    const src = 'https://h.example/?scenario=a&step=1';
    expect(iframeSnippet(src, choices, 'Rendezvous: "A"')).toBe(
      '<iframe data-src="https://h.example/?scenario=a&amp;step=1" data-preload data-rendezvous data-rendezvous-fragments="steps" width="960" height="540" style="border:0" title="Rendezvous: &quot;A&quot;"></iframe>',
    );
    expect(iframeSnippet(src, { ...choices, deck: 'generic', size: '1280x720' }, 'x')).toContain(
      'src="https://h.example/?scenario=a&amp;step=1" width="1280" height="720"',
    );
  });

  it("loads the deck plugin from the app's own folder, whatever the page's query and fragment", () => {
    expect(pluginScript('https://host.example/app/?scenario=call-reply&step=5#theme=dark')).toBe(
      '<script src="https://host.example/app/rendezvous-reveal.js"></script>',
    );
    expect(pluginScript('http://127.0.0.1:5173/')).toBe(
      '<script src="http://127.0.0.1:5173/rendezvous-reveal.js"></script>',
    );
  });
});
