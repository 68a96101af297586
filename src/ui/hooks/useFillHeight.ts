// The height that makes an element fill the window from where it starts down to the bottom edge,
// so the panels fit one screen (1280×720 and up) whatever the header above wraps to. Re-measured
// when the window or the header resizes; never below `minRem` (so large text scrolls the page
// rather than crushing the panels).
import { useLayoutEffect, useState } from 'react';
import type { RefObject } from 'react';

export function useFillHeight(
  target: RefObject<HTMLElement | null>,
  above: RefObject<HTMLElement | null>,
  active: boolean,
  minRem = 24,
  bottomPx = 10,
): number | null {
  const [height, setHeight] = useState<number | null>(null);
  useLayoutEffect(() => {
    const el = target.current;
    if (!el || !active) return undefined;
    const fit = () => {
      const top = el.getBoundingClientRect().top + window.scrollY;
      const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
      setHeight(Math.max(minRem * rem, Math.floor(window.innerHeight - top - bottomPx)));
    };
    fit();
    window.addEventListener('resize', fit);
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(fit) : null;
    if (observer && above.current) observer.observe(above.current);
    return () => {
      window.removeEventListener('resize', fit);
      observer?.disconnect();
    };
  }, [target, above, active, minRem, bottomPx]);
  return height;
}
