// What a code listing shows of a line: the lesson's own marks (`//! narration`, `//@cue name`) are
// left out, since the narration bar shows the note when its line runs and the cues are for slides.
export interface ShownLine {
  readonly line: number;
  readonly text: string;
}

const MARK = /\s*\/\/[!@].*$/;

/** The lines of a block, 1-based from `firstLine`, without the lesson's marks; mark-only lines go. */
export function shownLines(firstLine: number, lines: readonly string[]): ShownLine[] {
  const out: ShownLine[] = [];
  lines.forEach((raw, i) => {
    const text = raw.replace(MARK, '');
    if (text.trim() === '' && raw.trim() !== '') return;
    out.push({ line: firstLine + i, text });
  });
  return out;
}
