// The sequence chart as Mermaid `sequenceDiagram` text (https://mermaid.js.org/syntax/sequenceDiagram.html):
// a participant per thread in the chart's lane order, one arrow per IPC up to the step shown —
// `->>` a delivered transfer, `--)` a send that queued (the receiver was not waiting), `-x` a
// failed IPC, `-)` an L4_ThreadSwitch — labelled with the step number, the label and u/t as the
// chart writes them. Pure: the export (exports.ts) hands in the messages and the names.
import type { FrameSource, MessageView } from '../../store/viewModel';

/** Mermaid's arrow for each kind of chart arrow. */
export const MERMAID_ARROWS = {
  transfer: '->>',
  queued: '--)',
  failed: '-x',
  threadSwitch: '-)',
} as const;

export type ArrowKind = keyof typeof MERMAID_ARROWS;

export function arrowKind(m: MessageView): ArrowKind {
  if (m.threadSwitch) return 'threadSwitch';
  if (m.failed) return 'failed';
  return m.queued ? 'queued' : 'transfer';
}

/**
 * Text Mermaid shows as written: `#` and `;` (its entity syntax, `#35;`), and the characters that
 * end a message or open a directive, as entity codes; line breaks as spaces.
 */
export function mermaidText(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[#;:%<>{}]/g, (c) => `#${c.charCodeAt(0)};`)
    .trim();
}

function label(m: MessageView): string {
  const ut = `u=${m.tag.u} t=${m.tag.t}`;
  if (m.threadSwitch)
    return `#${m.step} ThreadSwitch${m.threadSwitch === 'yield' ? ' (yield)' : ''}`;
  if (m.failed) return `#${m.step} ${m.label} failed: ${m.error ?? 'error'}`;
  return `#${m.step} ${m.label} · ${ut}${m.queued ? ' · queued' : ''}`;
}

/** `sequenceDiagram` text: the participants `names` (in order), then one line per message. */
export function sequenceDiagram(
  title: string,
  names: readonly string[],
  messages: readonly MessageView[],
): string {
  const ids = new Map<string, string>();
  const idOf = (name: string): string => {
    let id = ids.get(name);
    if (id === undefined) {
      id = `t${ids.size}`;
      ids.set(name, id);
    }
    return id;
  };
  for (const n of names) idOf(n);
  for (const m of messages) {
    idOf(m.from);
    idOf(m.to);
  }
  // The title as a comment: Mermaid's `title` line is sanitized through the DOM, and every
  // renderer shows a diagram without one.
  const lines = [`%% ${title.replace(/[\r\n]+/g, ' ')}`, 'sequenceDiagram'];
  for (const [name, id] of ids) lines.push(`  participant ${id} as ${mermaidText(name)}`);
  for (const m of messages) {
    const arrow = MERMAID_ARROWS[arrowKind(m)];
    lines.push(`  ${idOf(m.from)}${arrow}${idOf(m.to)}: ${mermaidText(label(m))}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Every IPC of `source` from step 0 to `step`, oldest first (one summary per step). */
export function messagesUpTo(source: FrameSource, step: number): MessageView[] {
  const out: MessageView[] = [];
  const end = Math.min(step, source.length - 1);
  for (let i = 0; i <= end; i++) out.push(...source.summary(i).messages);
  return out;
}
