// Reading a step's kernel effects for the view: the IPCs it drew on the sequence chart (transfers
// and failures), whether it holds a kernel event, and the lesson's own narration comments.
import { errorCodeDescription } from '../kernel/abi/errorCode';
import { ERROR_TAG } from '../kernel/abi/msgTag';
import { hex } from '../kernel/abi/word';
import type { Abi } from '../kernel/abi/word';
import type { KernelEffect } from '../kernel/index';
import { tagView } from './registerView';
import type { MessageView, TagView } from './viewModel';

/** Names a protocol label ('ADD_LABEL'), when the scenario defines one. */
export type LabelNamer = (label: bigint) => string | undefined;

/** Effects of the user statement itself; everything else is the kernel's. */
const USER_KINDS: ReadonlySet<KernelEffect['kind']> = new Set(['statement', 'user', 'fastpath']);

export function hasKernelEvent(effects: readonly KernelEffect[]): boolean {
  return effects.some((e) => !USER_KINDS.has(e.kind));
}

function arrowLabel(tag: TagView, names: LabelNamer | undefined): string {
  return names?.(tag.label) ?? `label ${hex(tag.label)}`;
}

/** The step's IPCs in order: each transfer, each send that queued, each failure (crossed out). */
/** What typed items a transfer carried, from the step's map / grant effects: 'map', 'grant'. */
function typedKind(effects: readonly KernelEffect[], from: string, to: string): string | null {
  const kinds: string[] = [];
  for (const e of effects)
    if ((e.kind === 'map' || e.kind === 'grant') && e.from === from && e.to === to)
      if (!kinds.includes(e.kind)) kinds.push(e.kind);
  return kinds.length === 0 ? null : kinds.join(' + ');
}

export function messagesOf(
  effects: readonly KernelEffect[],
  step: number,
  abi: Abi,
  names?: LabelNamer,
  time?: number,
): MessageView[] {
  const out: MessageView[] = [];
  for (const e of effects) {
    if (e.kind === 'syscall.threadSwitch' && e.result !== 'self' && e.destName !== null) {
      out.push({
        step,
        ...(time === undefined ? {} : { time }),
        from: e.thread,
        to: e.destName,
        tag: tagView(0n, abi),
        label: 'ThreadSwitch',
        failed: false,
        error: null,
        queued: false,
        threadSwitch: e.result,
      });
    } else if (e.kind === 'ipc.transfer') {
      const tag = tagView(e.tag, abi);
      const typed = tag.t > 0 ? typedKind(effects, e.from, e.to) : null;
      const named = names?.(tag.label);
      out.push({
        step,
        ...(time === undefined ? {} : { time }),
        from: e.from,
        to: e.to,
        tag,
        label: typed === null ? arrowLabel(tag, names) : named ? `${typed} · ${named}` : typed,
        failed: e.failed,
        error: null,
        queued: false,
        words: e.words,
      });
    } else if (e.kind === 'ipc.send.blocked') {
      const trap = effects.find((x) => x.kind === 'syscall.ipc' && x.thread === e.thread);
      const tag = tagView(trap?.kind === 'syscall.ipc' ? trap.tag : 0n, abi);
      out.push({
        step,
        ...(time === undefined ? {} : { time }),
        from: e.thread,
        to: e.to,
        tag,
        label: arrowLabel(tag, names),
        failed: false,
        error: null,
        queued: true,
      });
    } else if (e.kind === 'ipc.error') {
      const error = `${e.phase} phase: ${errorCodeDescription(e.code)}`;
      const open = out.find(
        (m) => m.failed && m.error === null && (m.from === e.thread || m.to === e.thread),
      );
      if (open) {
        out[out.indexOf(open)] = { ...open, error };
        continue;
      }
      const partner = e.partner ?? e.thread;
      const [from, to] = e.phase === 'send' ? [e.thread, partner] : [partner, e.thread];
      const tag = tagView(ERROR_TAG, abi);
      out.push({
        step,
        ...(time === undefined ? {} : { time }),
        from,
        to,
        tag,
        label: e.phase === 'send' ? 'send' : 'receive',
        failed: true,
        error,
        queued: false,
      });
    }
  }
  return out;
}

/** The `//!` narration comments of the lines that ran in this step. */
export function lessonNotes(effects: readonly KernelEffect[]): string[] {
  const notes: string[] = [];
  for (const e of effects)
    if (e.kind === 'user' && e.effect.kind === 'narrate') notes.push(e.effect.text);
  return notes;
}
