// MR0 broken into label / flags / t / u: a band per field with its bit range, its value (test ids
// tag.<thread>.<field>) and, where the band is wide enough, its bits one by one. D3-free geometry
// from geometry/tagLayout.ts; drawn at the card's real width so text stays readable.
import { memo, useMemo } from 'react';
import type { Abi } from '../../../kernel/abi/word';
import type { TagView } from '../../../store/viewModel';
import { tagFields } from '../../geometry/tagFields';
import { tagLayout } from '../../geometry/tagLayout';
import type { TagCell } from '../../geometry/tagLayout';
import { useElementWidth } from '../../hooks/useElementWidth';

interface TagStripProps {
  readonly thread: string;
  readonly tag: TagView;
  readonly abi: Abi;
  readonly fontSize: number;
  /**
   * The card's place on the panel: a strip made for a place starts at the width the last strip
   * there had (one card or two, beside a transfer or not), so it is drawn once, not again when
   * the observer reports its width.
   */
  readonly place: string;
}

/** Consecutive cells with the same digit, as runs (`at`: the first cell's index). */
function digitRuns(
  cells: readonly TagCell[],
): { readonly at: number; readonly digit: TagCell['digit']; readonly digits: string }[] {
  const runs: { at: number; digit: TagCell['digit']; digits: string }[] = [];
  cells.forEach((c, i) => {
    const last = runs[runs.length - 1];
    if (last && last.digit === c.digit) last.digits += c.digit;
    else runs.push({ at: i, digit: c.digit, digits: c.digit });
  });
  return runs;
}

/**
 * The same strip: a new step brings a new tag object even when MR0 is unchanged, so the tag is
 * compared by its fields (all read from its raw word).
 */
function sameStrip(a: TagStripProps, b: TagStripProps): boolean {
  return (
    a.thread === b.thread &&
    a.abi === b.abi &&
    a.fontSize === b.fontSize &&
    a.place === b.place &&
    a.tag.raw === b.tag.raw &&
    a.tag.label === b.tag.label &&
    a.tag.u === b.tag.u &&
    a.tag.t === b.tag.t &&
    a.tag.flags === b.tag.flags
  );
}

export const TagStrip = memo(function TagStrip({
  thread,
  tag,
  abi,
  fontSize,
  place,
}: TagStripProps) {
  const [ref, width] = useElementWidth<HTMLDivElement>(320, `tag-strip ${place}`);
  // Keyed by the word, not the object (a new one at each step).
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const fields = useMemo(() => tagFields(tag, abi), [tag.raw, abi]);
  const g = useMemo(
    () => tagLayout(fields, tag.raw, Math.max(160, width), fontSize),
    [fields, tag.raw, width, fontSize],
  );
  const failed = (tag.flags & 8) !== 0;
  return (
    <div className="tag-strip" ref={ref}>
      <svg
        className={`tag-strip__svg${failed ? ' tag-strip--error' : ''}`}
        width={g.width}
        height={g.height}
        viewBox={`0 0 ${g.width} ${g.height}`}
        role="img"
        aria-label={`MR0 of ${thread}: ${fields.map((f) => f.description).join(', ')}`}
      >
        {g.bands.map((band) => {
          const isError = band.name === 'flags' && failed;
          return (
            <g
              key={band.name}
              className={`tag-band tag-band--${band.name}${isError ? ' tag-band--error' : ''}`}
            >
              <title>{band.description}</title>
              <text className="tag-band__range" x={band.cx} y={g.headY} fontSize={g.smallSize}>
                {band.rangeText ?? ''}
              </text>
              <rect x={band.x + 0.75} y={g.bandY} width={band.width - 1.5} height={g.bandHeight} />
              <text
                className="tag-band__value"
                x={band.cx}
                y={g.valueY}
                fontSize={g.fontSize}
                data-testid={`tag.${thread}.${band.name}`}
              >
                {band.value}
              </text>
              {band.cells.length > 0 && (
                // One text per band, each digit at its own x (a chunk of its own, centred there),
                // runs of equal digits in one tspan: the same drawing as a text per digit, with
                // a fraction of the elements to style and lay out when a card is made.
                <text
                  className="tag-bit"
                  x={band.cells.map((c) => c.x + c.width / 2).join(' ')}
                  y={g.bitsY + g.bitsHeight * 0.72}
                  fontSize={g.smallSize}
                  aria-hidden="true"
                >
                  {digitRuns(band.cells).map((run) => (
                    <tspan key={run.at} className={`tag-bit--${run.digit}`}>
                      {run.digits}
                    </tspan>
                  ))}
                </text>
              )}
              {band.cells.length === 0 && (
                <text
                  className="tag-band__bits"
                  x={band.cx}
                  y={g.bitsY + g.bitsHeight * 0.72}
                  fontSize={g.smallSize}
                  aria-hidden="true"
                >
                  {band.note ?? ''}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </div>
  );
}, sameStrip);
