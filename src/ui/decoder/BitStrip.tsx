// One word as a strip of bit fields: D3 computes the geometry (`stripGeometry`), React draws it.
// Each band is focusable; hovering or focusing it makes it the decoder's active field.
import { useMemo } from 'react';
import type { KeyboardEvent } from 'react';
import type { WordLayout } from '../../kernel/abi/layout';
import { hex } from '../../kernel/abi/word';
import { stripGeometry } from '../geometry/bitStrip';
import { bitRange } from './fieldText';

/** Width of the strip's SVG user space; the SVG scales to its container. */
export const STRIP_WIDTH = 1200;
/** Band text size, in user units, at font scale 1. */
export const STRIP_FONT_SIZE = 20;

interface BitStripProps {
  readonly layout: WordLayout;
  readonly stripIndex: number;
  readonly wordBits: number;
  readonly fontScale: number;
  /** Index of the active field in this strip, or null. */
  readonly activeField: number | null;
  readonly onHover: (field: number | null) => void;
  readonly onFocusField: (field: number | null) => void;
}

/** ← and → move between the bands of a strip. */
function moveFocus(event: KeyboardEvent<SVGSVGElement>): void {
  if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
  const bands = Array.from(event.currentTarget.querySelectorAll<SVGGElement>('[data-band]'));
  const at = bands.findIndex((b) => b === document.activeElement);
  if (at < 0) return;
  const next = bands[at + (event.key === 'ArrowLeft' ? -1 : 1)];
  if (next) {
    event.preventDefault();
    next.focus();
  }
}

export function BitStrip(props: BitStripProps) {
  const { layout, stripIndex, wordBits, fontScale, activeField, onHover, onFocusField } = props;
  const g = useMemo(
    () =>
      stripGeometry(layout.fields, layout.raw, {
        wordBits,
        width: STRIP_WIDTH,
        fontSize: Math.round(STRIP_FONT_SIZE * fontScale),
      }),
    [layout, wordBits, fontScale],
  );
  const active = activeField === null ? undefined : g.bands[activeField];

  return (
    <figure className="bit-strip" data-testid={`decoder.strip.${stripIndex}`}>
      <figcaption className="bit-strip__caption">
        <span className="bit-strip__title">
          {layout.title.charAt(0).toUpperCase() + layout.title.slice(1)}
        </span>{' '}
        <code className="bit-strip__raw">{hex(layout.raw)}</code>{' '}
        <span className="bit-strip__width">({wordBits} bits)</span>
      </figcaption>
      <svg
        className="bit-strip__svg"
        viewBox={`0 0 ${g.width} ${g.height}`}
        role="list"
        aria-label={`Bit fields of ${layout.title}`}
        onKeyDown={moveFocus}
      >
        <g className="bit-strip__numbers" aria-hidden="true" fontSize={g.numberSize}>
          {g.edgeLabels.map((l, i) => (
            <text key={i} x={l.x} y={g.numbersY} textAnchor={l.anchor}>
              {l.text}
            </text>
          ))}
        </g>
        {g.bands.map((band) => {
          const field = layout.fields[band.index];
          const label = `${band.name}: ${bitRange(band.msb, band.lsb)}, value ${field?.display ?? ''}`;
          return (
            <g
              key={`${band.index}:${band.name}`}
              className={`bit-band bit-band--${band.index % 2 ? 'odd' : 'even'}${band.index === activeField ? ' bit-band--active' : ''}`}
              role="listitem"
              tabIndex={0}
              aria-label={label}
              data-band=""
              data-testid={`decoder.field.${band.name}`}
              onMouseEnter={() => onHover(band.index)}
              onMouseLeave={() => onHover(null)}
              onFocus={() => onFocusField(band.index)}
              onBlur={() => onFocusField(null)}
            >
              <rect x={band.x} y={g.bandY} width={band.width} height={g.bandHeight} />
              {band.nameText !== null && (
                <text className="bit-band__name" x={band.cx} y={g.nameY} fontSize={g.fontSize}>
                  {band.nameText}
                </text>
              )}
              {band.valueText !== null && (
                <text className="bit-band__value" x={band.cx} y={g.valueY} fontSize={g.fontSize}>
                  {band.valueText}
                </text>
              )}
            </g>
          );
        })}
        <g className="bit-strip__bits" aria-hidden="true" fontSize={g.digitSize}>
          {g.cells.map((c) => (
            <g
              key={c.bit}
              className={`bit bit--${c.digit === '1' ? 'one' : 'zero'}${active && c.bit <= active.msb && c.bit >= active.lsb ? ' bit--active' : ''}`}
            >
              {c.bit !== wordBits - 1 && (
                <line x1={c.x} x2={c.x} y1={g.bitsY} y2={g.bitsY + g.bitsHeight} />
              )}
              <text x={c.cx} y={g.digitY}>
                {c.digit}
              </text>
            </g>
          ))}
        </g>
        {active && (
          <rect
            className="bit-strip__focus"
            x={active.x}
            y={g.bandY}
            width={active.width}
            height={g.bandHeight}
          />
        )}
      </svg>
    </figure>
  );
}
