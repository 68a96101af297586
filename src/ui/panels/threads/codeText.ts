// What a code listing shows of a line: the lesson's own marks (`//! narration`, `//@cue name`) are
// left out, since the narration bar shows the note when its line runs and the cues are for slides.
// And which helper function a thread is running in, listed under its own code.
import type { CodeBlock } from '../../../store/viewModel';

export interface ShownLine {
  /** The line in the compiled text (what the marks and the kernel's locations use). */
  readonly line: number;
  /** The number shown: the line in the file it was written in. */
  readonly no: number;
  readonly text: string;
}

const MARK = /\s*\/\/[!@].*$/;

/** The lines of a block, 1-based from `firstLine`, without the lesson's marks; mark-only lines go. */
export function shownLines(
  firstLine: number,
  lines: readonly string[],
  numbers?: readonly number[],
): ShownLine[] {
  const out: ShownLine[] = [];
  lines.forEach((raw, i) => {
    const text = raw.replace(MARK, '');
    if (text.trim() === '' && raw.trim() !== '') return;
    out.push({ line: firstLine + i, no: numbers?.[i] ?? firstLine + i, text });
  });
  return out;
}

const inBlock = (block: CodeBlock, line: number) =>
  line >= block.firstLine && line < block.firstLine + block.lines.length;

/** The helper function `line` lies in, when it is not in the thread's own `code`. */
export function runningHelper(
  code: CodeBlock,
  functions: readonly CodeBlock[] | undefined,
  line: number | null,
): CodeBlock | undefined {
  if (line === null || inBlock(code, line)) return undefined;
  return functions?.find((f) => f.name !== code.name && inBlock(f, line));
}
