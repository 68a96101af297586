// The page's drafts, in localStorage under `rendezvous.draft.<key>`: shared by every tab of the
// origin (the same link in a new tab finds the draft), kept across reloads and crashes. A full or
// blocked storage loses nothing already saved; the editor says a save failed.
import { parseDraft } from './drafts';
import type { Draft, DraftPort } from './drafts';

const PREFIX = 'rendezvous.draft.';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function read(key: string): Draft | null {
  try {
    const text = storage()?.getItem(PREFIX + key);
    return text === null || text === undefined ? null : parseDraft(JSON.parse(text));
  } catch {
    return null;
  }
}

export const browserDrafts: DraftPort = {
  load: read,
  save(draft) {
    storage()?.setItem(PREFIX + draft.key, JSON.stringify(draft));
  },
  remove(key) {
    storage()?.removeItem(PREFIX + key);
  },
  list() {
    const s = storage();
    if (s === null) return [];
    const keys: string[] = [];
    for (let i = 0; i < s.length; i++) {
      const k = s.key(i);
      if (k?.startsWith(PREFIX)) keys.push(k.slice(PREFIX.length));
    }
    return keys
      .map(read)
      .filter((d): d is Draft => d !== null)
      .sort((a, b) => b.savedAt - a.savedAt);
  },
};
