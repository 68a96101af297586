// The keyboard policy (docs/embedding.md): with `keys=deck` the deck's navigation keys (→ ← ↑ ↓
// Space Enter PageUp PageDown n p) are never used inside the frame. Each is forwarded to the deck
// — as reveal.js's own `{"method":"triggerKey","args":[keyCode]}` string for `deck=reveal` (its
// postMessage API is on by default), and always as the generic `key` event — and the focused
// element is blurred, so the deck's keys keep working after a click in the frame. With
// `keys=none` the page ignores the keyboard; `keys=own` leaves it to the page (keys.ts).
import type { KeyPolicy, Deck } from '../session/url/options';
import type { EventOf } from './protocol';

type Direction = 'next' | 'prev';

const DIRECTIONS: Readonly<Record<string, Direction>> = {
  ArrowRight: 'next',
  ArrowDown: 'next',
  ' ': 'next',
  Enter: 'next',
  PageDown: 'next',
  n: 'next',
  N: 'next',
  ArrowLeft: 'prev',
  ArrowUp: 'prev',
  PageUp: 'prev',
  p: 'prev',
  P: 'prev',
};

/** The way a deck navigation key goes, or null when the key is not one (Shift+Space goes back). */
export function navDirection(key: string, shiftKey: boolean): Direction | null {
  const dir = Object.hasOwn(DIRECTIONS, key) ? DIRECTIONS[key] : undefined;
  if (!dir) return null;
  return key === ' ' && shiftKey ? 'prev' : dir;
}

/** reveal.js's postMessage string that presses `keyCode` in the deck. */
export function revealTriggerKey(keyCode: number): string {
  return JSON.stringify({ method: 'triggerKey', args: [keyCode] });
}

export interface DeckKeyPorts {
  readonly policy: KeyPolicy;
  readonly deck: Deck;
  /** Sends the generic `key` event to the parent. */
  readonly sendKey: (event: EventOf<'key'>) => void;
  /** Posts a plain string to the parent (reveal's API). */
  readonly postRaw: (text: string) => void;
}

function editable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA') return true;
  return (
    target instanceof HTMLInputElement &&
    !['range', 'checkbox', 'radio', 'button'].includes(target.type)
  );
}

/** Installs the policy on `win` (capture phase, before the page's own key handler). */
export function installDeckKeys(win: Window, ports: DeckKeyPorts): () => void {
  if (ports.policy === 'own') return () => undefined;
  const onKey = (e: KeyboardEvent) => {
    if (ports.policy === 'none') {
      e.stopImmediatePropagation();
      return;
    }
    if (e.ctrlKey || e.altKey || e.metaKey || editable(e.target)) return;
    const dir = navDirection(e.key, e.shiftKey);
    if (!dir) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    if (ports.deck === 'reveal') ports.postRaw(revealTriggerKey(e.keyCode));
    ports.sendKey({
      type: 'key',
      key: e.key,
      code: e.code,
      dir,
      shiftKey: e.shiftKey,
      altKey: e.altKey,
      ctrlKey: e.ctrlKey,
      metaKey: e.metaKey,
    });
    const focused = win.document.activeElement;
    if (focused instanceof HTMLElement && focused !== win.document.body) focused.blur();
  };
  win.addEventListener('keydown', onKey, { capture: true });
  return () => win.removeEventListener('keydown', onKey, { capture: true });
}
