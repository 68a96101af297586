// The deck's glue, as a small reveal.js plugin: each `<iframe data-rendezvous>` on a slide is
// driven by that slide's fragments. A fragment with `data-rendezvous-step="N"` shows step N when it
// appears (the highest visible one wins; none visible shows step 0). `data-rendezvous-target`
// names one frame by id; without it a fragment drives every frame of its slide. A frame with
// `data-rendezvous-fragments="steps"` (one fragment per step) or `"cues"` (one per `//@cue` mark)
// gets its fragments made from its `ready` event. reveal reloads a frame whenever it shows its
// slide again; the frame says `ready` on every load and the plugin re-syncs it then.
// The protocol: docs/embedding.md.
import { RendezvousClient } from '../../src/embed/client';
import type { EventOf } from '../../src/embed/protocol';

/** The part of reveal's API the plugin uses. */
export interface DeckApi {
  getCurrentSlide(): HTMLElement | undefined;
  syncFragments(slide: HTMLElement): unknown;
  on(type: string, listener: () => void): void;
}

const STEP = 'data-rendezvous-step';

function slideOf(frame: HTMLElement): HTMLElement | null {
  return frame.closest('section');
}

/** The step the visible fragments of `slide` ask `frame` to show. */
export function wantedStep(slide: HTMLElement, frame: HTMLElement): number {
  let step = 0;
  for (const f of slide.querySelectorAll<HTMLElement>(`.fragment.visible[${STEP}]`)) {
    const target = f.dataset.rendezvousTarget;
    if (target && target !== frame.id) continue;
    step = Math.max(step, Number(f.getAttribute(STEP)) || 0);
  }
  return step;
}

/** The steps a frame's fragments should show, from its `ready` event. */
export function fragmentSteps(mode: string | undefined, ready: EventOf<'ready'>): number[] {
  if (mode === 'cues') return [...new Set(ready.cues.map((c) => c.step))].sort((a, b) => a - b);
  if (mode === 'steps')
    return Array.from({ length: Math.max(0, ready.stepCount - 1) }, (_, i) => i + 1);
  return [];
}

function makeFragments(deck: DeckApi, frame: HTMLIFrameElement, steps: readonly number[]): void {
  const slide = slideOf(frame);
  if (!slide || frame.dataset.rendezvousMade === 'yes') return;
  frame.dataset.rendezvousMade = 'yes';
  steps.forEach((step, i) => {
    const span = document.createElement('span');
    span.className = 'fragment rendezvous-step';
    span.setAttribute(STEP, String(step));
    span.dataset.rendezvousTarget = frame.id;
    // Two frames' fragments of the same rank appear together.
    span.dataset.fragmentIndex = String(i);
    slide.append(span);
  });
  deck.syncFragments(slide);
}

export function RendezvousPlugin() {
  const clients = new Map<HTMLIFrameElement, RendezvousClient>();
  const sync = (deck: DeckApi) => {
    const slide = deck.getCurrentSlide();
    if (!slide) return;
    for (const frame of slide.querySelectorAll<HTMLIFrameElement>('iframe[data-rendezvous]'))
      clients.get(frame)?.goto(wantedStep(slide, frame));
  };
  return {
    id: 'rendezvous',
    init(deck: DeckApi) {
      for (const frame of document.querySelectorAll<HTMLIFrameElement>('iframe[data-rendezvous]')) {
        const client = new RendezvousClient(frame);
        clients.set(frame, client);
        client.on('ready', (ready) => {
          const steps = fragmentSteps(frame.dataset.rendezvousFragments, ready);
          if (steps.length) makeFragments(deck, frame, steps);
          const slide = slideOf(frame);
          if (slide) client.goto(wantedStep(slide, frame));
        });
      }
      for (const type of ['fragmentshown', 'fragmenthidden', 'slidechanged', 'ready'])
        deck.on(type, () => sync(deck));
    },
  };
}
