// Makes an element fill the window from where it starts down to the bottom edge, so the panels fit
// one screen (1280×720 and up) whatever the header above wraps to. Re-measured when the window or
// the header resizes; never below `minRem` (so large text scrolls the page rather than crushing the
// panels). Returns the ref to put on the element. The height is written to the element's style
// directly: a header that changes height costs a layout, not a re-render of everything inside.
import { useCallback } from 'react';
import type { RefCallback, RefObject } from 'react';

export function useFillHeight(
  above: RefObject<HTMLElement | null>,
  minRem = 24,
  bottomPx = 10,
): RefCallback<HTMLElement> {
  return useCallback(
    (el: HTMLElement | null) => {
      if (!el) return undefined;
      let last = '';
      const fit = () => {
        const top = el.getBoundingClientRect().top + window.scrollY;
        const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
        const px = Math.max(minRem * rem, Math.floor(window.innerHeight - top - bottomPx));
        if (`${px}px` !== last) el.style.height = last = `${px}px`;
      };
      fit();
      window.addEventListener('resize', fit);
      const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(fit) : null;
      if (observer && above.current) observer.observe(above.current);
      return () => {
        window.removeEventListener('resize', fit);
        observer?.disconnect();
      };
    },
    [above, minRem, bottomPx],
  );
}
