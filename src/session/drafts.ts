// Drafts: the learner's edited scenarios, one per key (the lesson it came from, or a new one's id),
// saved on every change whether or not it compiles, so nothing typed is lost. The session layer
// only defines the port; the page keeps drafts in localStorage (browserDrafts.ts), tests in memory.
import type { FileMap } from '../lang';

export interface Draft {
  /** The lesson id it was opened from, or the id of a new scenario. */
  readonly key: string;
  /** The main file's path among `files` (`lessons/call-reply.c`, `draft.c`). */
  readonly path: string;
  /** The main file and every file the learner forked or added, by path. */
  readonly files: FileMap;
  /** When it was last saved (ms since 1970, from the page's clock). */
  readonly savedAt: number;
}

export interface DraftPort {
  load(key: string): Draft | null;
  save(draft: Draft): void;
  remove(key: string): void;
  /** Every draft, the newest first. */
  list(): Draft[];
}

/** Reads a stored draft back; null when it is not one (an old format, a hand edit). */
export function parseDraft(raw: unknown): Draft | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const d = raw as Record<string, unknown>;
  const files = d.files;
  if (typeof d.key !== 'string' || typeof d.path !== 'string' || typeof d.savedAt !== 'number')
    return null;
  if (typeof files !== 'object' || files === null) return null;
  const texts = Object.entries(files as Record<string, unknown>);
  if (!texts.every(([, t]) => typeof t === 'string')) return null;
  if (typeof (files as Record<string, unknown>)[d.path] !== 'string') return null;
  return { key: d.key, path: d.path, files: files as FileMap, savedAt: d.savedAt };
}

export function memoryDrafts(): DraftPort {
  const drafts = new Map<string, Draft>();
  return {
    load: (key) => drafts.get(key) ?? null,
    save: (draft) => void drafts.set(draft.key, draft),
    remove: (key) => void drafts.delete(key),
    list: () => [...drafts.values()].sort((a, b) => b.savedAt - a.savedAt),
  };
}
