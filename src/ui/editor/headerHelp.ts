// Completions and hover text for header lines (`// @thread …`), read from the language's own
// tables (src/lang/headerHelp.ts): the keys after `// @`, the properties of `@thread`.
import type { CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import { hoverTooltip } from '@codemirror/view';
import { HEADER_HELP, HEADER_KEYS, THREAD_KEYS, THREAD_PROPERTY_HELP } from '../../lang';

export function headerCompletions(context: CompletionContext): CompletionResult | null {
  const line = context.state.doc.lineAt(context.pos);
  const before = line.text.slice(0, context.pos - line.from);
  const key = /^\s*\/\/\s*@([A-Za-z]*)$/.exec(before);
  if (key !== null) {
    return {
      from: context.pos - (key[1] ?? '').length,
      options: HEADER_KEYS.map((k) => ({
        label: k,
        type: 'keyword',
        detail: HEADER_HELP[k].syntax,
        info: HEADER_HELP[k].help,
      })),
    };
  }
  const prop = /^\s*\/\/\s*@thread\s+\S+(?:\s+\S+)*\s+([a-z]*)$/.exec(before);
  if (prop !== null) {
    return {
      from: context.pos - (prop[1] ?? '').length,
      options: THREAD_KEYS.map((k) => ({
        label: `${k}=`,
        type: 'property',
        info: THREAD_PROPERTY_HELP[k],
      })),
    };
  }
  return null;
}

export const headerHover = hoverTooltip((view, pos) => {
  const line = view.state.doc.lineAt(pos);
  const m = /^(\s*\/\/\s*@)([A-Za-z]+)/.exec(line.text);
  const key = m?.[2];
  if (m === undefined || m === null || key === undefined) return null;
  const start = line.from + (m[1] ?? '').length;
  if (pos < start - 1 || pos > start + key.length) return null;
  const help = (HEADER_HELP as Readonly<Record<string, { syntax: string; help: string }>>)[key];
  if (help === undefined) return null;
  return {
    pos: start,
    end: start + key.length,
    above: true,
    create: () => {
      const dom = document.createElement('div');
      dom.className = 'editor__hover';
      const code = document.createElement('code');
      code.textContent = help.syntax;
      const text = document.createElement('p');
      text.textContent = help.help;
      dom.append(code, text);
      return { dom };
    },
  };
});
