// One CodeMirror 6 view for one file: C highlighting (lang-cpp, colours from the page's theme via
// classHighlighter's `tok-*` classes), the compiler's diagnostics as squiggles with their message
// (lint), header-line completions and hover, and Escape to leave (so the step keys work again).
import { autocompletion } from '@codemirror/autocomplete';
import { cpp } from '@codemirror/lang-cpp';
import { syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import type { Diagnostic as CmDiagnostic } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { classHighlighter } from '@lezer/highlight';
import { basicSetup } from 'codemirror';
import type { Diagnostic } from '../../lang';
import { headerCompletions, headerHover } from './headerHelp';

export interface CodeViewOptions {
  readonly doc: string;
  readonly readOnly: boolean;
  readonly label: string;
  readonly onChange: (text: string) => void;
  readonly onEscape: () => void;
}

export function createCodeView(parent: HTMLElement, options: CodeViewOptions): EditorView {
  return new EditorView({
    parent,
    state: EditorState.create({
      doc: options.doc,
      extensions: [
        keymap.of([
          {
            key: 'Escape',
            run: (view) => {
              view.contentDOM.blur();
              options.onEscape();
              return true;
            },
          },
        ]),
        basicSetup,
        cpp(),
        syntaxHighlighting(classHighlighter),
        lintGutter(),
        autocompletion({ override: [headerCompletions] }),
        headerHover,
        EditorState.readOnly.of(options.readOnly),
        EditorView.editable.of(!options.readOnly),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ 'aria-label': options.label }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
}

/** Offsets in `view`'s text for a 1-based line, column and end column (clamped to the line). */
export function rangeOf(
  doc: EditorState['doc'],
  line: number,
  column: number,
  endColumn: number,
): { from: number; to: number } {
  const l = doc.line(Math.max(1, Math.min(line, doc.lines)));
  const from = Math.min(l.to, l.from + Math.max(0, column - 1));
  const to = Math.min(l.to, Math.max(from, l.from + Math.max(0, endColumn - 1)));
  return { from, to };
}

/** Shows the diagnostics that are about this view's file. */
export function showDiagnostics(view: EditorView, diagnostics: readonly Diagnostic[]): void {
  const doc = view.state.doc;
  const marks: CmDiagnostic[] = diagnostics.map((d) => {
    const { from, to } = rangeOf(doc, d.line, d.column, d.endColumn ?? d.column + 1);
    return { from, to, severity: d.severity, message: `${d.line}:${d.column}: ${d.message}` };
  });
  view.dispatch(setDiagnostics(view.state, marks));
}
