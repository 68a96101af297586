// Embed mode's one piece of chrome: a small link that opens what the slide shows (scenario, step,
// the chosen options, none of the frame's) on a page of its own, in a new tab.
import { useShallow } from 'zustand/react/shallow';
import { standaloneHref } from '../../session/url/links';
import { selectLinkView } from '../../store/selectors';
import { useSim } from '../hooks/useSim';

export function OpenLink() {
  const view = useSim(useShallow(selectLinkView));
  const href = standaloneHref(window.location.href, { ...view, defaultControls: 'full' });
  return (
    <a
      className="open-link"
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      data-testid="embed.open"
    >
      Open in Rendezvous <span aria-hidden="true">↗</span>
    </a>
  );
}
