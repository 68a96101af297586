// "Edit code", among the controls' tools (beside Panels and the decoder): the `edit` command (key E)
// as a button a learner can see, so changing a lesson's code does not depend on reading the
// keyboard help first. Its word shows where the tools show theirs (wide windows), the pencil alone
// otherwise. Gone while the editor is open (it has its own Close) and in embed mode (a slide shows
// the lesson; "Open in Rendezvous" leads to the editor). No CodeMirror here: the editor itself
// stays a lazy chunk.
import { runCommand } from '../../session/commands';
import { useSession } from '../hooks/useSession';
import { useSim } from '../hooks/useSim';

export function EditButton() {
  const session = useSession();
  const loaded = useSim((s) => s.source !== null);
  const open = useSim((s) => s.editorOpen);
  if (open || session.embed.embedded) return null;
  return (
    <button
      type="button"
      className="viz__tool"
      data-testid="edit.open"
      title="Edit this scenario's code (E)"
      disabled={!loaded}
      onClick={() => runCommand(session.commands, 'edit')}
    >
      <span aria-hidden="true">✎</span>
      <span className="viz__tool-word"> Edit</span>
      <span className="visually-hidden">Edit code</span>
    </button>
  );
}
