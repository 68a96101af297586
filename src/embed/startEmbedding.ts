// Wires the page to its frame (docs/embedding.md): the postMessage bridge when the page has a
// parent, the keyboard policy, and autoplay for a page on its own. Targets the parent's origin when
// `parentOrigin` names one, else `*` (a `file://` deck's origin is "null", which no message can
// target; the parent is then recognised by `event.source`).
import type { Session } from '../session/session';
import { startBridge } from './bridge';
import { installDeckKeys } from './deckKeys';
import { NAMESPACE, VERSION } from './protocol';

export function startEmbedding(session: Session): () => void {
  const { embed } = session;
  const framed = window.parent !== window;
  const target =
    embed.parentOrigin === '*' || embed.parentOrigin === 'null' ? '*' : embed.parentOrigin;
  const stops: (() => void)[] = [];
  if (framed) {
    stops.push(
      startBridge(session, {
        parent: window.parent,
        post: (message) => window.parent.postMessage(message, target),
        listen(handler) {
          const onMessage = (e: MessageEvent) =>
            handler({ data: e.data as unknown, source: e.source, origin: e.origin });
          window.addEventListener('message', onMessage);
          return () => window.removeEventListener('message', onMessage);
        },
        defer: (flush) => void setTimeout(flush, 0),
        now: () => performance.now(),
        observeHeight(report) {
          if (typeof ResizeObserver !== 'function') return () => undefined;
          const root = document.documentElement;
          const observer = new ResizeObserver(() => report(root.scrollHeight));
          observer.observe(root);
          return () => observer.disconnect();
        },
      }),
    );
  } else if (embed.autoplay) {
    void session.settled().then(() => session.run('play'));
  }
  stops.push(
    installDeckKeys(window, {
      policy: embed.keys,
      deck: embed.deck,
      sendKey: (event) => {
        if (framed)
          window.parent.postMessage({ namespace: NAMESPACE, version: VERSION, ...event }, target);
      },
      postRaw: (text) => {
        if (framed) window.parent.postMessage(text, target);
      },
    }),
  );
  return () => {
    for (const stop of stops) stop();
  };
}
