// A panel's frame: a labelled region with a title and a button that hides it. Hidden panels render
// nothing; the panel menu brings them back.
import { useId } from 'react';
import type { ReactNode } from 'react';
import type { PanelId } from '../../store/createSimStore';
import { selectIsHidden } from '../../store/selectors';
import { useSim, useSimApi } from '../hooks/useSim';

interface PanelProps {
  readonly id: PanelId;
  readonly title: string;
  readonly className?: string;
  /** Extra header content (right of the title). */
  readonly aside?: ReactNode;
  /** Shown in place of the title (e.g. tabs between panels that share a place). */
  readonly heading?: ReactNode;
  readonly children: ReactNode;
}

export function Panel({ id, title, className, aside, heading, children }: PanelProps) {
  const hidden = useSim(selectIsHidden(id));
  const store = useSimApi();
  const headingId = useId();
  if (hidden) return null;
  return (
    <section
      className={`vpanel vpanel--${id}${className ? ` ${className}` : ''}`}
      {...(heading ? { 'aria-label': title } : { 'aria-labelledby': headingId })}
      data-testid={`panel.${id}`}
    >
      <header className="vpanel__head">
        {heading ?? (
          <h2 id={headingId} className="vpanel__title">
            {title}
          </h2>
        )}
        {aside}
        <button
          type="button"
          className="vpanel__hide"
          aria-label={`Hide the ${title.toLowerCase()} panel`}
          title={`Hide ${title.toLowerCase()}`}
          data-testid={`panel.${id}.hide`}
          onClick={() => store.getState().togglePanel(id)}
        >
          <span aria-hidden="true">×</span>
        </button>
      </header>
      <div className="vpanel__body">{children}</div>
    </section>
  );
}
