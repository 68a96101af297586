// "Edit code", in the threads panel's head beside the code it edits: the `edit` command (key E) as
// a button a learner can see, so changing a lesson's code does not depend on reading the keyboard
// help first. Gone while the editor is open (it has its own Close) and in embed mode (a slide
// shows the lesson; "Open in Rendezvous" leads to the editor). No CodeMirror here: the editor
// itself stays a lazy chunk. `compact` (the head also holds thread tabs) shows the pencil alone.
import { runCommand } from '../../session/commands';
import { useSession } from '../hooks/useSession';
import { useSim } from '../hooks/useSim';
import './editButton.css';

export function EditButton({ compact = false }: { readonly compact?: boolean }) {
  const session = useSession();
  const loaded = useSim((s) => s.source !== null);
  const open = useSim((s) => s.editorOpen);
  if (open || session.embed.embedded) return null;
  return (
    <button
      type="button"
      className="edit-button"
      data-testid="edit.open"
      title="Edit this scenario's code (E)"
      aria-label={compact ? 'Edit code' : undefined}
      disabled={!loaded}
      onClick={() => runCommand(session.commands, 'edit')}
    >
      <span aria-hidden="true">✎</span>
      {compact ? null : ' Edit code'}
    </button>
  );
}
