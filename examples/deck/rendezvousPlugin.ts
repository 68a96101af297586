// The deck's glue, as a small reveal.js plugin: each `<iframe data-rendezvous>` on a slide is
// driven by that slide's fragments. A frame starts at the `step=` of its address (0 without one),
// as the Share dialog's snippet gives it. A fragment with `data-rendezvous-step="N"` shows step N
// when it appears (the highest visible one wins; none visible shows the start). `data-rendezvous-target`
// names one frame by id; without it a fragment drives every frame of its slide. A frame with
// `data-rendezvous-fragments="steps"` (one fragment per step) or `"cues"` (one per `//@cue` mark)
// gets its fragments made from its `ready` event, for the steps after its start. reveal reloads a frame whenever it shows its
// slide again; the frame says `ready` on every load and the plugin re-syncs it then.
// The protocol: docs/embedding.md. `npm run build` also ships it as one classic script,
// `rendezvous-reveal.js` (revealScript.ts), for decks without a bundler.
import { RendezvousClient } from '../../src/embed/client';
import type { EventOf } from '../../src/embed/protocol';
import { readStepNumber } from '../../src/session/stepNumber';
import { addressParams } from '../../src/session/url/query';

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

/**
 * The step a frame shows before any of its fragments: the `step=` of its address, read by the
 * page's own rules (the fragment's wins over the query's; a step number as stepNumber.ts reads
 * one), or 0.
 */
export function startStep(frame: HTMLElement): number {
  const src = frame.getAttribute('src') ?? frame.getAttribute('data-src') ?? '';
  let url: URL;
  try {
    url = new URL(src, document.baseURI);
  } catch {
    return 0;
  }
  const step = readStepNumber(addressParams(url.search, url.hash).get('step') ?? '');
  return Number.isNaN(step) ? 0 : step;
}

/** The step the visible fragments of `slide` ask `frame` to show; none visible: `start`. */
export function wantedStep(slide: HTMLElement, frame: HTMLElement, start: number): number {
  let step: number | null = null;
  for (const f of slide.querySelectorAll<HTMLElement>(`.fragment.visible[${STEP}]`)) {
    const target = f.dataset.rendezvousTarget;
    if (target && target !== frame.id) continue;
    step = Math.max(step ?? 0, Number(f.getAttribute(STEP)) || 0);
  }
  return step ?? start;
}

/** The steps a frame's fragments should show, from its `ready` event: those after `start`. */
export function fragmentSteps(
  mode: string | undefined,
  ready: EventOf<'ready'>,
  start: number,
): number[] {
  if (mode === 'cues')
    return [...new Set(ready.cues.map((c) => c.step).filter((s) => s > start))].sort(
      (a, b) => a - b,
    );
  if (mode === 'steps')
    return Array.from(
      { length: Math.max(0, ready.stepCount - 1 - start) },
      (_, i) => start + i + 1,
    );
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
      clients.get(frame)?.goto(wantedStep(slide, frame, startStep(frame)));
  };
  return {
    id: 'rendezvous',
    init(deck: DeckApi) {
      for (const frame of document.querySelectorAll<HTMLIFrameElement>('iframe[data-rendezvous]')) {
        const client = new RendezvousClient(frame);
        clients.set(frame, client);
        client.on('ready', (ready) => {
          const start = startStep(frame);
          const steps = fragmentSteps(frame.dataset.rendezvousFragments, ready, start);
          if (steps.length) makeFragments(deck, frame, steps);
          const slide = slideOf(frame);
          if (slide) client.goto(wantedStep(slide, frame, start));
        });
      }
      for (const type of ['fragmentshown', 'fragmenthidden', 'slidechanged', 'ready'])
        deck.on(type, () => sync(deck));
    },
  };
}
