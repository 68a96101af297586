// The Share dialog's content (ShareDialog.tsx): the link to this scenario and step, with the
// learner's code when edited, and an iframe snippet for a slide deck with the options chosen here,
// each with Copy. Its own chunk, loaded when the dialog first opens.
import { useId, useRef, useState } from 'react';
import { useFocusFirstControl } from '../hooks/useModalDialog';
import { useShallow } from 'zustand/react/shallow';
import { standaloneHref } from '../../session/url/links';
import { THEME_CHOICES } from '../../session/url/options';
import type { ThemeChoice } from '../../session/url/options';
import { CONTROL_LEVELS, PANEL_IDS } from '../../store/createSimStore';
import type { ControlLevel, PanelId } from '../../store/createSimStore';
import { selectLinkView } from '../../store/selectors';
import { useSim } from '../hooks/useSim';
import { CopyField } from './CopyField';
import { PLUGIN_INIT, SIZES, embedSrc, iframeSnippet, pluginScript } from './snippet';
import { useCodeLink } from './useCodeLink';
import type { CodeLink } from './useCodeLink';
import type { EmbedChoices, Size } from './snippet';

export function ShareBody({ onClose }: { readonly onClose: () => void }) {
  const id = useId();
  const view = useSim(useShallow(selectLinkView));
  const title = useSim((s) => s.source?.meta.title ?? 'Rendezvous');
  const [choices, setChoices] = useState<EmbedChoices>(() => ({
    panels: PANEL_IDS.filter((p) => p !== 'decoder' && !view.hidden.includes(p)),
    controls: 'minimal',
    theme: view.theme ?? 'auto',
    size: '960x540',
    deck: 'reveal',
  }));
  const change = (c: Partial<EmbedChoices>) => setChoices((prev) => ({ ...prev, ...c }));
  const lessonLink = standaloneHref(window.location.href, { ...view, defaultControls: 'full' });
  const code = useCodeLink(lessonLink);
  const link = code.kind === 'code' ? code.href : lessonLink;
  const snippet = iframeSnippet(embedSrc(window.location.href, view, choices), choices, title);

  const body = useRef<HTMLDivElement>(null);
  useFocusFirstControl(body);
  return (
    <div className="share__body" ref={body}>
      <h2 id="share-title" className="share__title">
        Share this step
      </h2>
      <CopyField
        label={
          code.kind === 'lesson'
            ? 'Link to this scenario and step'
            : 'Link to this scenario and step, with your code'
        }
        value={link}
        testId="share.link"
      />
      <LinkNote code={code} length={link.length} />
      <fieldset className="share__choices">
        <legend>Embed in slides</legend>
        <div className="share__row">
          {PANEL_IDS.map((p: PanelId) => (
            <label key={p} className="share__check">
              <input
                type="checkbox"
                checked={choices.panels.includes(p)}
                onChange={(e) =>
                  change({
                    panels: e.target.checked
                      ? [...choices.panels, p]
                      : choices.panels.filter((x) => x !== p),
                  })
                }
              />
              {p}
            </label>
          ))}
        </div>
        <div className="share__row">
          <label htmlFor={`${id}-controls`}>Controls</label>
          <select
            id={`${id}-controls`}
            value={choices.controls}
            data-testid="share.controls"
            onChange={(e) => change({ controls: e.target.value as ControlLevel })}
          >
            {CONTROL_LEVELS.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
          <label htmlFor={`${id}-theme`}>Theme</label>
          <select
            id={`${id}-theme`}
            value={choices.theme}
            onChange={(e) => change({ theme: e.target.value as ThemeChoice })}
          >
            {THEME_CHOICES.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
          <label htmlFor={`${id}-size`}>Size</label>
          <select
            id={`${id}-size`}
            value={choices.size}
            onChange={(e) => change({ size: e.target.value as Size })}
          >
            {SIZES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
          <label htmlFor={`${id}-deck`}>Deck</label>
          <select
            id={`${id}-deck`}
            value={choices.deck}
            onChange={(e) => change({ deck: e.target.value === 'reveal' ? 'reveal' : 'generic' })}
          >
            <option value="reveal">reveal.js</option>
            <option value="generic">other</option>
          </select>
        </div>
      </fieldset>
      <CopyField label="Iframe for a slide" value={snippet} testId="share.snippet" multiline />
      {choices.deck === 'reveal' ? (
        <>
          <p className="share__note" data-testid="share.snippetNote">
            Paste it into a slide of a reveal.js deck that loads the Rendezvous plugin: the plugin
            starts the frame at this step and gives the slide one fragment per later step, so the
            deck&apos;s keys step the frame, even after a click inside it.
          </p>
          <CopyField
            label="The plugin: once per deck, before its Reveal.initialize"
            value={pluginScript(window.location.href)}
            testId="share.pluginScript"
          />
          <p className="share__note" data-testid="share.pluginNote">
            Then name it in the deck&apos;s plugins: <code>{PLUGIN_INIT}</code>. A deck built with a
            bundler can import examples/deck/rendezvousPlugin.ts instead.
          </p>
        </>
      ) : (
        <p className="share__note" data-testid="share.snippetNote">
          Paste it into any page; the page can step the frame with the postMessage API
          (docs/embedding.md).
        </p>
      )}
      <div className="share__actions">
        <button type="button" onClick={onClose} data-testid="share.close">
          Close
        </button>
      </div>
    </div>
  );
}

/** Long links work in address bars and chats; some mail programs and forms cut them. */
const LONG_LINK = 8000;

function LinkNote({ code, length }: { readonly code: CodeLink; readonly length: number }) {
  if (code.kind === 'lesson') return null;
  const text =
    code.kind === 'packing'
      ? 'Packing your code into the link…'
      : code.kind === 'failed'
        ? `The link cannot carry your code: ${code.message} It opens the lesson.`
        : `The link carries your code (every file you changed) and is ${length.toLocaleString('en')} characters long.${
            length > LONG_LINK
              ? ' That is long: it opens fine from the address bar or a chat, but some mail programs and forms cut links this long; send it as a file or a short message if it arrives cut.'
              : ''
          }`;
  return (
    <p
      className={`share__note${code.kind === 'failed' ? ' share__note--error' : ''}`}
      data-testid="share.length"
    >
      {text}
    </p>
  );
}
