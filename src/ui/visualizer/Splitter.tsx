// The handle between the threads and the right-hand panels: drag it, or focus it and press ← / →,
// to give the code more or less of the width. The share is a CSS custom property on the grid (no
// re-render of the panels); the grid's box is read when a drag starts, never on the step path.
import { useRef } from 'react';
import type { KeyboardEvent, PointerEvent, RefObject } from 'react';

const MIN = 30;
const MAX = 75;
export const DEFAULT_SPLIT = 56;

export function Splitter({ grid }: { readonly grid: RefObject<HTMLElement | null> }) {
  const share = useRef(DEFAULT_SPLIT);
  const handle = useRef<HTMLDivElement>(null);
  const apply = (percent: number) => {
    const value = Math.round(Math.min(MAX, Math.max(MIN, percent)));
    share.current = value;
    grid.current?.style.setProperty('--split', `${value}%`);
    handle.current?.setAttribute('aria-valuenow', String(value));
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    const el = grid.current;
    if (!el) return;
    const box = el.getBoundingClientRect();
    e.currentTarget.setPointerCapture(e.pointerId);
    const move = (m: globalThis.PointerEvent) => apply(((m.clientX - box.left) / box.width) * 100);
    const target = e.currentTarget;
    const up = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
      target.removeEventListener('pointercancel', up);
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
    target.addEventListener('pointercancel', up);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const by = e.key === 'ArrowLeft' ? -4 : e.key === 'ArrowRight' ? 4 : 0;
    if (by === 0) return;
    e.preventDefault();
    apply(share.current + by);
  };
  return (
    <div
      ref={handle}
      className="viz__splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label="Width of the threads"
      aria-valuemin={MIN}
      aria-valuemax={MAX}
      aria-valuenow={DEFAULT_SPLIT}
      tabIndex={0}
      data-testid="viz.splitter"
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
