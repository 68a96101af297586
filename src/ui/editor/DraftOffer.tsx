// On a reload, after a crash, or when the same link opens in a new tab: if this scenario has a
// saved draft that is not already what the editor holds, say so and offer to open it (the editor
// then opens with it and runs it). The draft is read when the page is idle after its frame: a first
// read of localStorage can take tens of ms, which neither the first frame nor the tasks right
// after it should wait for. An offer,
// not an error: the neutral look of draftOffer.css.
import { useEffect, useState } from 'react';
import type { Draft } from '../../session/drafts';
import { useSession } from '../hooks/useSession';
import { useSim } from '../hooks/useSim';
import './draftOffer.css';

const IDLE_TIMEOUT_MS = 1000;

export function DraftOffer() {
  const session = useSession();
  const scenarioId = useSim((s) => s.scenarioId);
  const editorOpen = useSim((s) => s.editorOpen);
  const inEditor = useSim((s) => s.code !== null && s.code.key === s.scenarioId);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const wanted = scenarioId !== null && !editorOpen && !inEditor;
  // The last draft read, and for which scenario (it stands only while that one is shown).
  const [read, setRead] = useState<{ readonly key: string; readonly draft: Draft | null } | null>(
    null,
  );
  useEffect(() => {
    if (scenarioId === null || !wanted) return undefined;
    const readIt = () => setRead({ key: scenarioId, draft: session.drafts.load(scenarioId) });
    // When the page is idle after its frame (a second at most); where there are no idle
    // callbacks (Safari), after the next frame.
    let cancel: () => void;
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(readIt, { timeout: IDLE_TIMEOUT_MS });
      cancel = () => cancelIdleCallback(id);
    } else {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const frame = requestAnimationFrame(() => (timer = setTimeout(readIt, 0)));
      cancel = () => {
        cancelAnimationFrame(frame);
        clearTimeout(timer);
      };
    }
    return () => {
      cancel();
      setRead(null); // read again next time: the editor may have saved or removed it
    };
  }, [session, scenarioId, wanted]);
  const draft = wanted && read?.key === scenarioId ? read.draft : null;
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
