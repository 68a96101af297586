// A panel's frame: a labelled region with a title and a button that hides it. Hidden panels render
// nothing; the panel menu brings them back. Inside the dock, the dock's tabs stand in for the title
// (PanelHeading context), so a panel needs nothing to know where it sits.
import { createContext, useContext, useId } from 'react';
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

/** Tabs (or any heading) the panel shows in place of its title; set by the dock. */
export const PanelHeading = createContext<ReactNode>(null);

export function Panel({ id, title, className, aside, heading: own, children }: PanelProps) {
  const fromDock = useContext(PanelHeading);
  const heading = own ?? fromDock;
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
      {/* Focusable, so a keyboard can scroll a body taller than its panel. */}
      <div className="vpanel__body" tabIndex={0} aria-label={title}>
        {children}
      </div>
    </section>
  );
}
