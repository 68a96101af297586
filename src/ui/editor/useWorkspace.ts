// The editor's files and where they are kept: the learner's code in the store (what a share link
// carries), saved as a draft on every change (compiling or not), or, when it came with a link,
// only once the learner keeps or edits it. Editing a link's code saves it as this key's draft; a
// different draft already there is first kept under another key (`call-reply (before a link)`),
// so a link, however crafted, never costs the learner a draft. Where a workspace starts: the
// store's code for this key, else this key's draft, else the lesson, else the template.
import { useEffect, useRef, useState } from 'react';
import type { FileMap } from '../../lang';
import { lessonPath, TEMPLATE } from '../../scenarios';
import type { LearnerCode, Workspace } from '../../scenarios';
import type { Session } from '../../session/session';

function initial(session: Session, key: string, builtins: FileMap): LearnerCode {
  const code = session.store.getState().code;
  if (code !== null && code.key === key) return code;
  const draft = session.drafts.load(key);
  if (draft !== null)
    return { key, workspace: { path: draft.path, own: draft.files }, fromLink: false };
  const path = lessonPath(key);
  const text = builtins[path];
  return text === undefined
    ? { key, workspace: { path: `${key}.c`, own: { [`${key}.c`]: TEMPLATE } }, fromLink: false }
    : { key, workspace: { path, own: { [path]: text } }, fromLink: false };
}

const sameFiles = (a: FileMap, b: FileMap): boolean =>
  Object.keys(a).length === Object.keys(b).length &&
  Object.entries(a).every(([path, text]) => b[path] === text);

/** A key no draft has yet, for the draft a link's code is about to replace. */
function asideKey(session: Session, key: string): string {
  const base = `${key} (before a link)`;
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base} ${n}`;
    if (session.drafts.load(candidate) === null) return candidate;
  }
}

export interface WorkspaceState {
  readonly ws: Workspace;
  /** The code came with a link and is not saved yet. */
  readonly fromLink: boolean;
  /** The step a link asked for (its first run opens there). */
  readonly linkStep: number | undefined;
  readonly saveError: string | null;
  /** The latest workspace (for callbacks that outlive a render). */
  readonly current: () => Workspace;
  /** The learner changed it: keep it in the store and as a draft. */
  change(next: Workspace): void;
  /** Saves code that came with a link as this key's draft (asks before replacing another). */
  keep(): boolean;
}

export function useWorkspace(session: Session, key: string, builtins: FileMap): WorkspaceState {
  const [start] = useState(() => initial(session, key, builtins));
  const [ws, setWs] = useState(start.workspace);
  const [fromLink, setFromLink] = useState(start.fromLink);
  const [saveError, setSaveError] = useState<string | null>(null);
  const ref = useRef(ws);
  useEffect(() => {
    if (session.store.getState().code?.key !== key) session.store.getState().setCode(start);
  }, [session, key, start]);

  const save = (next: Workspace): boolean => {
    try {
      session.drafts.save({ key, path: next.path, files: next.own, savedAt: Date.now() });
      setSaveError(null);
      return true;
    } catch (error) {
      setSaveError(
        `The draft could not be saved: ${error instanceof Error ? error.message : String(error)}`,
      );
      return false;
    }
  };

  return {
    ws,
    fromLink,
    linkStep: start.step,
    saveError,
    current: () => ref.current,
    change(next) {
      const old = fromLink ? session.drafts.load(key) : null;
      if (old !== null && !sameFiles(old.files, ref.current.own))
        session.drafts.save({ ...old, key: asideKey(session, key) });
      ref.current = next;
      setWs(next);
      setFromLink(false);
      session.store.getState().setCode({ key, workspace: next, fromLink: false });
      save(next);
    },
    keep() {
      const old = session.drafts.load(key);
      if (
        old !== null &&
        !window.confirm(
          `Replace your draft of ${key}, saved ${new Date(old.savedAt).toLocaleString()}, with the code of this link?`,
        )
      )
        return false;
      if (!save(ref.current)) return false;
      setFromLink(false);
      session.store.getState().setCode({ key, workspace: ref.current, fromLink: false });
      return true;
    },
  };
}
