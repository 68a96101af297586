// The page's error boundary: when drawing the visualizer throws (a bug, never bad input, which the
// session answers with a notice), the user sees one sentence instead of a blank page or a stack,
// and a button to draw it again. The session and the store live outside React (main.tsx), so the
// scenario, the step and the drafts are all still there (docs/reliability.md).
import { Component } from 'react';
import type { ReactNode } from 'react';

/** At most this much of the error's first line is shown. */
const REASON_CHARS = 200;

/** The first line of what was thrown, clipped: never a stack. */
export function failureReason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const line = (text.split('\n')[0] ?? '').trim() || 'an unknown error';
  return line.length > REASON_CHARS ? `${line.slice(0, REASON_CHARS)}…` : line;
}

interface Props {
  readonly children: ReactNode;
}

interface State {
  readonly reason: string | null;
}

export class RenderFailure extends Component<Props, State> {
  override state: State = { reason: null };

  static getDerivedStateFromError(error: unknown): State {
    return { reason: failureReason(error) };
  }

  override render(): ReactNode {
    const { reason } = this.state;
    if (reason === null) return this.props.children;
    return (
      <div className="render-failure viz__notice" role="alert" data-testid="render-failure">
        <p>
          <span aria-hidden="true">⚠ </span>
          The visualizer stopped drawing because of an error inside Rendezvous: {reason}
        </p>
        <p>Your scenario, its step and your drafts are kept.</p>
        <button type="button" onClick={() => this.setState({ reason: null })}>
          Draw it again
        </button>
      </div>
    );
  }
}
