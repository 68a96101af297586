// The narration: one plain sentence per step, read out by screen readers (a polite live region),
// and the run's outcome when it ends (a deadlock names its wait-for cycle).
import { selectNarration } from '../../store/selectors';
import type { Outcome } from '../../store/viewModel';
import { useSim } from '../hooks/useSim';

const NO_OUTCOME: Outcome = { kind: 'running' };

function outcomeText(outcome: Outcome): string | null {
  switch (outcome.kind) {
    case 'running':
      return null;
    case 'finished':
      return 'Finished: every thread ran to its end.';
    case 'idle':
      return 'Idle: every thread is blocked with no timeout pending; nothing more will happen.';
    case 'max-steps':
      return 'Stopped at the step limit.';
    case 'deadlock':
      return outcome.cycle.length > 0
        ? `Deadlock: ${[...outcome.cycle, outcome.cycle[0] ?? ''].join(' → ')}`
        : 'Deadlock: no thread can ever run again.';
  }
}

export function NarrationBar() {
  const narration = useSim(selectNarration);
  const outcome = useSim((s) => s.frame?.outcome ?? NO_OUTCOME);
  const title = useSim((s) => s.source?.meta.title ?? '');
  const note = useSim((s) => s.frame?.note ?? null);
  const text = outcomeText(outcome);
  return (
    <section className="narration" aria-label="Narration">
      <div aria-live="polite">
        <p className="narration__text" data-testid="narration">
          {narration || title}
        </p>
        {note && (
          <p className="narration__note" data-testid="narration.note">
            <span className="narration__note-mark">Lesson:</span> {note}
          </p>
        )}
      </div>
      {text && (
        <p className={`outcome outcome--${outcome.kind}`} role="status" data-testid="outcome">
          <span className="outcome__mark" aria-hidden="true">
            {outcome.kind === 'deadlock' ? '!' : '■'}
          </span>{' '}
          {text}
        </p>
      )}
    </section>
  );
}
