/** Attaches `//!` narration and `//@cue` marks to the statements they describe. */
import type { Diagnostics } from './diagnostic';
import type { NoteComment } from './token';
import type { StmtInfo } from './vm/unit';

/**
 * A note on a statement's line belongs to the first statement on that line; a note on a line of
 * its own belongs to the first statement below it. Several notes on one statement are joined.
 */
export function attachNotes(
  notes: readonly NoteComment[],
  stmts: StmtInfo[],
  diags: Diagnostics,
): void {
  const order = stmts
    .map((_, i) => i)
    .sort((a, b) => {
      const x = stmts[a] as StmtInfo;
      const y = stmts[b] as StmtInfo;
      return x.line - y.line || x.col - y.col;
    });
  const firstAtOrAfter = (line: number, sameLine: boolean): StmtInfo | undefined => {
    for (const i of order) {
      const s = stmts[i] as StmtInfo;
      if (sameLine ? s.line === line : s.line > line) return s;
      if (sameLine && s.line > line) return undefined;
    }
    return undefined;
  };
  for (const n of notes) {
    const target =
      (n.trailing ? firstAtOrAfter(n.line, true) : undefined) ?? firstAtOrAfter(n.line, false);
    if (target === undefined) {
      const what = n.kind === 'narrate' ? '//! narration' : `cue '${n.text}'`;
      diags.warning(
        { line: n.line, col: n.col },
        `this ${what} is not attached to any statement (put it on or just above one)`,
      );
      continue;
    }
    if (n.kind === 'narrate')
      target.narrate = target.narrate === null ? n.text : `${target.narrate} ${n.text}`;
    else if (n.text === '')
      diags.warning({ line: n.line, col: n.col }, "a cue needs a name: '//@cue name'");
    else target.cues.push(n.text);
  }
}
