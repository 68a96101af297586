// An element's content box and the root font size, from one ResizeObserver made when the element
// mounts (and again only when the font scale changes; never per step): panels size themselves without reading layout on the step path. The
// font size is read in the observer's callback, that is after a resize or a font-scale change.
import { useLayoutEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';

export interface BoxSize {
  readonly width: number;
  readonly height: number;
  /** The root font size in px (1rem). */
  readonly rem: number;
}

function rootRem(): number {
  return parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
}

/**
 * `fontScale` is only a key: when it changes the observer is made again, and its first report reads
 * the new root font size (the element's box may not change with it).
 */
export function useBoxSize<T extends HTMLElement>(
  fallback: BoxSize,
  fontScale = 1,
): [RefObject<T | null>, BoxSize] {
  const ref = useRef<T>(null);
  const [size, setSize] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver !== 'function') return undefined;
    const observer = new ResizeObserver(() => {
      const width = Math.floor(el.clientWidth);
      const height = Math.floor(el.clientHeight);
      const rem = rootRem();
      if (width > 0)
        setSize((s) =>
          s.width === width && s.height === height && s.rem === rem ? s : { width, height, rem },
        );
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [fontScale]);
  return [ref, size];
}
