import { describe, expect, it } from 'vitest';
import { BUILTIN_FILES } from './builtinFiles';
import { programKey } from './programKey';
import { runScenario } from './runner';
import { lookupIn } from '../lang';
import { withFile } from './workspace';
import type { Workspace } from './workspace';

const path = 'lessons/memory-alloc-free.c';
const lesson = BUILTIN_FILES[path] ?? '';
const ws: Workspace = { path, own: { [path]: lesson } };
const edited = (text: string): Workspace => withFile(ws, path, text);
/** The lesson with its first `old` replaced by `now`. */
const replaced = (old: string, now: string): Workspace => {
  expect(lesson).toContain(old);
  return edited(lesson.replace(old, now));
};
const same = (other: Workspace) => programKey(other) === programKey(ws);

/** The recorded run of a workspace, as text the test can compare. */
function runOf(w: Workspace): string {
  const run = runScenario(w.own[w.path] ?? '', {
    files: lookupIn(w.own, BUILTIN_FILES),
    path: w.path,
    maxSteps: 2000,
  });
  if (!run.ok) throw new Error('the lesson does not compile');
  return JSON.stringify(run.trace.parts(), (_k, v: unknown) =>
    typeof v === 'bigint' ? v.toString() : v,
  );
}

describe('whether an edit changed the program', () => {
  it('is the same program after an edit inside a comment, or spaces, or a newline at the end', () => {
    const commented = replaced('{', '{ // the learner was here');
    expect(same(commented)).toBe(true);
    expect(same(edited(`${lesson}\n\n`))).toBe(true);
    expect(same(edited(lesson.replace(/;$/m, ';   ')))).toBe(true);
    expect(same(edited(`${lesson}/* a note */`))).toBe(true);
    // ... and the same program records the same run.
    expect(runOf(commented)).toBe(runOf(ws));
  });

  it('is another program when code changes', () => {
    expect(same(replaced('0x40', '0x41'))).toBe(false);
    expect(same(edited(`${lesson}\n#define SEED 1`))).toBe(false);
    expect(programKey(edited(`${lesson}\n#define SEED 1`))).not.toBe(
      programKey(edited(`${lesson}\n#define SEED 2`)),
    );
  });

  it('counts the comments that carry meaning: header lines, narration, cue marks', () => {
    expect(same(replaced('// @title ', '// @title My '))).toBe(false);
    expect(lesson).toContain('//!');
    expect(same(replaced('//!', '//! Look:'))).toBe(false);
    expect(same(edited(`${lesson}\n//@cue here`))).toBe(false);
  });

  it('is another program when a line is added before code, even an empty one or a comment', () => {
    // Every position after it moves: the run on show would point at the wrong lines.
    expect(same(edited(`// hello\n${lesson}`))).toBe(false);
    expect(same(edited(`\n${lesson}`))).toBe(false);
  });

  it('reads the include lines, even inside a block comment, and every file the learner owns', () => {
    expect(same(replaced('#include "servers/memory.c"', '#include "servers/memserver.c"'))).toBe(
      false,
    );
    const hidden = edited(`${lesson}\n/*\n#include "servers/memory.c"\n*/`);
    const other = edited(`${lesson}\n/*\n#include "servers/memserver.c"\n*/`);
    expect(programKey(hidden)).not.toBe(programKey(other));
    const forked = withFile(ws, 'servers/memserver.c', BUILTIN_FILES['servers/memserver.c'] ?? '');
    expect(programKey(forked)).not.toBe(programKey(ws));
    const forkedComment = withFile(
      forked,
      'servers/memserver.c',
      `${forked.own['servers/memserver.c'] ?? ''}// mine\n`,
    );
    expect(programKey(forkedComment)).toBe(programKey(forked));
    expect(
      programKey(
        withFile(forked, 'servers/memserver.c', `x\n${forked.own['servers/memserver.c']}`),
      ),
    ).not.toBe(programKey(forked));
  });
});
