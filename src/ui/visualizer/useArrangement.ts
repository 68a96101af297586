// The grid's arrangement (code beside or above the chart and the dock) and the lesson's code room
// as CSS custom properties. The grid's box comes from one ResizeObserver, made when the grid mounts
// (again only when the font scale changes); the visualizer re-renders only when the arrangement
// itself changes, not when the box does. Nothing here runs on the step path.
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { CSSProperties, RefObject } from 'react';
import { selectMeta } from '../../store/selectors';
import { useSim } from '../hooks/useSim';
import { arrangement, codeRoom, sideWidthRem } from '../panels/threads/codeRoom';
import type { Arrangement } from '../panels/threads/codeRoom';

/** Lines the threads panel is sized for at most (a longer listing scrolls). */
const MAX_ROWS = 40;
/**
 * The page's head above the grid (app header, controls, narration), in rem: the grid's height is
 * taken as the window's less this, so a narration one line longer never flips the arrangement.
 */
const HEAD_REM = 8.5;

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
  // The grid's last box in rem, as the observer reported it (none yet: stacked, which always fits).
  const box = useRef<{ width: number; height: number } | null>(null);
  const roomNow = useRef(room);
  const [chosen, setChosen] = useState<Arrangement>('stacked');
  useLayoutEffect(() => {
    roomNow.current = room;
    if (box.current) setChosen(arrangement(box.current.width, box.current.height, room));
  }, [room]);
  useLayoutEffect(() => {
    if (!el || typeof ResizeObserver !== 'function') return undefined;
    const observer = new ResizeObserver(() => {
      const rem = rootRem();
      if (el.clientWidth === 0) return;
      box.current = { width: el.clientWidth / rem, height: window.innerHeight / rem - HEAD_REM };
      setChosen(arrangement(box.current.width, box.current.height, roomNow.current));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [el, fontScale]);
  const style = useMemo(
    () =>
      ({
        '--code-chars': room.chars,
        '--code-rows': Math.min(MAX_ROWS, room.lines),
        '--threads-want': `${sideWidthRem(room).toFixed(2)}rem`,
      }) as CSSProperties,
    [room],
  );
  return { ref, attach, arrangement: chosen, style };
}
