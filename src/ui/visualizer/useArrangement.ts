// The grid's arrangement (code beside or above the chart and the dock) and the lesson's code room
// as CSS custom properties. The grid's width comes from one ResizeObserver, made when the grid
// mounts (again only when the font scale changes): nothing here runs on the step path.
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { CSSProperties, RefObject } from 'react';
import { selectMeta } from '../../store/selectors';
import { useSim } from '../hooks/useSim';
import { arrangement, codeRoom, sideWidthRem } from '../panels/threads/codeRoom';
import type { Arrangement } from '../panels/threads/codeRoom';

/** Lines the threads panel is sized for at most (a longer listing scrolls). */
const MAX_ROWS = 40;

export interface GridArrangement {
  /** The grid element (for the splitter, which reads its box when a drag starts). */
  readonly ref: RefObject<HTMLDivElement | null>;
  /** Give to the grid's `ref`: a grid made again (the editor opened) is observed again. */
  readonly attach: (el: HTMLDivElement | null) => void;
  readonly arrangement: Arrangement;
  readonly style: CSSProperties;
}

function rootRem(): number {
  return parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
}

export function useArrangement(): GridArrangement {
  const meta = useSim(selectMeta);
  const fontScale = useSim((s) => s.fontScale);
  const room = useMemo(() => codeRoom(meta), [meta]);
  const ref = useRef<HTMLDivElement | null>(null);
  const [el, setEl] = useState<HTMLDivElement | null>(null);
  const attach = useCallback((node: HTMLDivElement | null) => {
    ref.current = node;
    setEl(node);
  }, []);
  // The grid's box in rem (0 until first observed: the stacked arrangement, which always fits).
  const [box, setBox] = useState({ width: 0, height: 0 });
  useLayoutEffect(() => {
    if (!el || typeof ResizeObserver !== 'function') return undefined;
    const observer = new ResizeObserver(() => {
      const rem = rootRem();
      const width = Math.round((el.clientWidth / rem) * 10) / 10;
      const height = Math.round((el.clientHeight / rem) * 10) / 10;
      if (width > 0)
        setBox((b) => (b.width === width && b.height === height ? b : { width, height }));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [el, fontScale]);
  const style = {
    '--code-chars': room.chars,
    '--code-rows': Math.min(MAX_ROWS, room.lines),
    '--threads-want': `${sideWidthRem(room).toFixed(2)}rem`,
  } as CSSProperties;
  return { ref, attach, arrangement: arrangement(box.width, box.height, room), style };
}
