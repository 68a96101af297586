// The content size of an element, kept current with a ResizeObserver (no polling, no timers).
// An element made again at every step (a register card's tag strip) names a `kind` (its place):
// it starts from the size the last element of that kind had, takes a kind's size at once when it
// moves to another, and leaves the measuring to one observer made at mount, whose report comes
// after layout, so a step reads no layout. An element of a kind not seen yet (or of no kind) takes
// the observer's first report at once (flushSync), in the same frame, before it is painted.
import { useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { RefObject } from 'react';

export interface Size {
  readonly width: number;
  readonly height: number;
}

/** The last size an element of each kind reported. */
const lastOfKind = new Map<string, Size>();

export function useElementSize<T extends HTMLElement>(
  fallback: Size,
  kind?: string,
): [RefObject<T | null>, Size] {
  const ref = useRef<T>(null);
  const [state, setState] = useState(() => ({
    kind,
    size: (kind ? lastOfKind.get(kind) : undefined) ?? fallback,
  }));
  // The element moved to another kind (a card to another place): it takes that kind's last size
  // in this render, before layout, so it is not drawn again when the observer reports.
  let current = state;
  if (state.kind !== kind) {
    current = { kind, size: (kind ? lastOfKind.get(kind) : undefined) ?? state.size };
    setState(current);
  }
  const kindNow = useRef(kind);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver !== 'function') return undefined;
    // Its first report is drawn before the frame is painted when nothing of its kind was seen
    // (the fallback would show for a frame otherwise); later ones, or a known kind's, as usual.
    let first = !kindNow.current || !lastOfKind.has(kindNow.current);
    const observer = new ResizeObserver((entries) => {
      // The entry's box, not clientWidth: an earlier report in this batch may have changed the
      // page, and reading clientWidth would then lay it out again at once.
      const box = entries[entries.length - 1]?.contentRect;
      const width = Math.floor(box?.width ?? 0);
      const height = Math.floor(box?.height ?? 0);
      if (width <= 0) return;
      if (kindNow.current) lastOfKind.set(kindNow.current, { width, height });
      const update = () =>
        setState((s) =>
          s.size.width === width && s.size.height === height
            ? s
            : { ...s, size: { width, height } },
        );
      if (first) flushSync(update);
      else update();
      first = false;
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  useLayoutEffect(() => {
    kindNow.current = kind;
    // Until its observer reports otherwise, a kind first seen here has this element's size.
    if (kind && !lastOfKind.has(kind)) lastOfKind.set(kind, current.size);
  }, [kind, current.size]);
  return [ref, current.size];
}

export function useElementWidth<T extends HTMLElement>(
  fallback: number,
  kind?: string,
): [RefObject<T | null>, number] {
  const [ref, size] = useElementSize<T>({ width: fallback, height: 0 }, kind);
  return [ref, size.width];
}
