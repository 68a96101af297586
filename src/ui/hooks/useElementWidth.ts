// The content size of an element, kept current with a ResizeObserver (no polling, no timers).
// An element made again at every step (a register card's tag strip) names a `kind`: it starts
// from the size the last element of that kind had and leaves the measuring to the observer, whose
// report comes after layout, so a step reads no layout.
import { useLayoutEffect, useRef, useState } from 'react';
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
  const [size, setSize] = useState(() => (kind ? lastOfKind.get(kind) : undefined) ?? fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    const measure = () => {
      const width = Math.floor(el.clientWidth);
      const height = Math.floor(el.clientHeight);
      if (width <= 0) return;
      if (kind) lastOfKind.set(kind, { width, height });
      setSize((s) => (s.width === width && s.height === height ? s : { width, height }));
    };
    // Measured now only when nothing of its kind was seen yet (the observer reports it anyway).
    if (!kind || !lastOfKind.has(kind)) measure();
    if (typeof ResizeObserver !== 'function') return undefined;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [kind]);
  return [ref, size];
}

export function useElementWidth<T extends HTMLElement>(
  fallback: number,
  kind?: string,
): [RefObject<T | null>, number] {
  const [ref, size] = useElementSize<T>({ width: fallback, height: 0 }, kind);
  return [ref, size.width];
}
