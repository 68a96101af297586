import { describe, expect, it } from 'vitest';
import { memoryDrafts, parseDraft } from './drafts';

const draft = {
  key: 'call-reply',
  path: 'lessons/call-reply.c',
  files: { 'lessons/call-reply.c': 'x' },
  savedAt: 5,
};

describe('drafts', () => {
  it('keeps one draft per key, the newest first', () => {
    const drafts = memoryDrafts();
    drafts.save(draft);
    drafts.save({ ...draft, key: 'new', savedAt: 9 });
    drafts.save({ ...draft, savedAt: 7, files: { 'lessons/call-reply.c': 'y' } });
    expect(drafts.list().map((d) => [d.key, d.savedAt])).toEqual([
      ['new', 9],
      ['call-reply', 7],
    ]);
    expect(drafts.load('call-reply')?.files['lessons/call-reply.c']).toBe('y');
    drafts.remove('new');
    expect(drafts.load('new')).toBeNull();
  });

  it('reads back only what is a draft (its main file among its files)', () => {
    expect(parseDraft(JSON.parse(JSON.stringify(draft)))).toEqual(draft);
    expect(parseDraft({ ...draft, path: 'other.c' })).toBeNull();
    expect(parseDraft({ ...draft, files: { 'lessons/call-reply.c': 3 } })).toBeNull();
    expect(parseDraft('nope')).toBeNull();
  });
});
