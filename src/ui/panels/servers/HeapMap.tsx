// The memory server's heap: a bar of blocks where their addresses put them, each labelled with its
// owner, free space hatched, and the same facts as a list for screen readers.
import { memo, useMemo } from 'react';
import { hex } from '../../../kernel/abi/word';
import { sizeText } from '../../../store/registerView';
import type { HeapView } from '../../../store/viewModel';
import { heapLayout } from '../../geometry/heapMap';

const WIDTH = 600;
const HEIGHT = 46;

export const HeapMap = memo(function HeapMap({ heap }: { readonly heap: HeapView }) {
  const layout = useMemo(() => heapLayout(heap, WIDTH), [heap]);
  const blocks = layout.segments.filter((s) => s.owner !== null);
  return (
    <figure className="heap" data-testid="heap">
      <figcaption className="heap__caption">
        Heap of {heap.server}: {hex(heap.base)} – {hex(heap.base + heap.size)} ·{' '}
        {sizeText(layout.used)} used, {sizeText(layout.free)} free
      </figcaption>
      <svg
        className="heap__svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="none"
        aria-hidden="true"
      >
        <defs>
          <pattern
            id="heap-free"
            width="8"
            height="8"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <line className="heap__hatch" x1="0" y1="0" x2="0" y2="8" />
          </pattern>
        </defs>
        {layout.segments.map((s) => (
          <g key={`${s.start}`} className={s.owner === null ? 'heap__free' : 'heap__block'}>
            <rect
              x={s.x}
              y={1}
              width={s.width}
              height={HEIGHT - 2}
              fill={s.owner === null ? 'url(#heap-free)' : undefined}
            />
          </g>
        ))}
      </svg>
      <div className="heap__labels" aria-hidden="true">
        {blocks.map((b) => (
          <span
            key={`${b.start}`}
            className="heap__label"
            style={{ left: `${(b.x / WIDTH) * 100}%`, width: `${(b.width / WIDTH) * 100}%` }}
          >
            {b.owner}
          </span>
        ))}
      </div>
      <ul className="heap__list" data-testid="heap.blocks">
        {blocks.length === 0 && <li className="muted">no blocks allocated</li>}
        {blocks.map((b) => (
          <li key={`${b.start}`} data-testid={`heap.block.${hex(b.start)}`}>
            <code>{hex(b.start)}</code> {sizeText(b.size)} — {b.owner}
          </li>
        ))}
      </ul>
    </figure>
  );
});
