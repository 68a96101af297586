// On a reload, after a crash, or when the same link opens in a new tab: if this scenario has a
// saved draft that is not already what the editor holds, say so and offer to open it (the editor
// then opens with it and runs it). An offer, not an error: the neutral look of draftOffer.css.
import { useMemo, useState } from 'react';
import { useSession } from '../hooks/useSession';
import { useSim } from '../hooks/useSim';
import './draftOffer.css';

export function DraftOffer() {
  const session = useSession();
  const scenarioId = useSim((s) => s.scenarioId);
  const editorOpen = useSim((s) => s.editorOpen);
  const inEditor = useSim((s) => s.code !== null && s.code.key === s.scenarioId);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const draft = useMemo(
    () => (scenarioId === null || editorOpen || inEditor ? null : session.drafts.load(scenarioId)),
    [session, scenarioId, editorOpen, inEditor],
  );
  if (draft === null || dismissed === draft.key) return null;
  const when = new Date(draft.savedAt).toLocaleString();
  return (
    <p className="draft-offer" role="status" data-testid="draft-offer">
      <span className="draft-offer__mark" aria-hidden="true">
        ✎
      </span>
      You have a draft of this scenario, saved {when}.{' '}
      <button type="button" className="viz__dismiss" onClick={() => session.run('edit')}>
        Open the draft
      </button>{' '}
      <button type="button" className="viz__dismiss" onClick={() => setDismissed(draft.key)}>
        Not now
      </button>
    </p>
  );
}
