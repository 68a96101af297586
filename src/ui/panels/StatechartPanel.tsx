// The thread life-cycle statechart, drawn from the machine definition the model runs, with each
// thread shown as a chip in the state it is in now.
import { useMemo } from 'react';
import type { ReactNode } from 'react';
import { selectThreads } from '../../store/selectors';
import { statechartLayout } from '../geometry/statechartLayout';
import { useElementSize } from '../hooks/useElementWidth';
import { useSim } from '../hooks/useSim';
import { Panel } from './Panel';

const BASE_FONT = 14;

/** A sub-state's token: a clock for a timeout armed (drawn: fonts lack ⏱), ∞ for none. */
function Token({
  label,
  x,
  y,
  size,
}: {
  readonly label: string;
  readonly x: number;
  readonly y: number;
  readonly size: number;
}) {
  if (!label.includes('timeout armed'))
    return (
      <text x={x} y={y} textAnchor="end" fontSize={size}>
        {label.includes('no timeout') ? '∞' : label.slice(0, 1)}
      </text>
    );
  const r = size * 0.38;
  const cx = x - r;
  const cy = y - size * 0.33;
  return (
    <g className="sc-clock">
      <circle cx={cx} cy={cy} r={r} />
      <path d={`M${cx} ${cy - r * 0.65}V${cy}H${cx + r * 0.55}`} />
    </g>
  );
}

/** The smallest the drawing is scaled to fit (its words then stay readable; the panel scrolls). */
const MIN_SCALE = 0.8;

export function StatechartPanel({ heading }: { readonly heading?: ReactNode }) {
  const chart = useSim((s) => s.source?.statechart ?? null);
  const threads = useSim(selectThreads);
  const FONT = Math.round(BASE_FONT * useSim((s) => s.fontScale));
  const [ref, size] = useElementSize<HTMLDivElement>({ width: 420, height: 220 });
  const width = size.width;
  const height = Math.max(170, size.height - 4);
  const layout = useMemo(
    () =>
      chart
        ? statechartLayout(chart, { width: Math.max(280, width), height, fontSize: FONT })
        : null,
    [chart, width, height, FONT],
  );
  // Shrunk to fit the panel, but never below 0.8 of its size: the words keep scaling with the
  // text size (fontScale) and the panel scrolls instead.
  const fit = layout ? Math.min(1, size.width / layout.width, height / layout.height) : 1;
  const scale = Math.max(MIN_SCALE, fit);
  /** Threads per top-level state, and per child state. */
  const occupants = useMemo(() => {
    const map = new Map<string, string[]>();
    if (!layout) return map;
    for (const t of threads) {
      for (const key of [layout.topOf(t.state), layout.childOf(t.state), layout.subOf(t.state)]) {
        if (key) map.set(key, [...(map.get(key) ?? []), t.name]);
      }
    }
    return map;
  }, [layout, threads]);
  const names = (key: string) => {
    const here = occupants.get(key) ?? [];
    return here.length > 3 ? `${here.slice(0, 3).join(', ')} +${here.length - 3}` : here.join(', ');
  };

  return (
    <Panel id="statechart" title="Thread life cycle" heading={heading}>
      <div
        className="statechart"
        ref={ref}
        tabIndex={fit < MIN_SCALE ? 0 : undefined}
        role={fit < MIN_SCALE ? 'region' : undefined}
        aria-label={fit < MIN_SCALE ? 'Thread life cycle, scrolls' : undefined}
      >
        {!layout ? (
          <p className="muted">The model does not export its statechart.</p>
        ) : (
          <svg
            className="statechart__svg"
            width={layout.width * scale}
            height={layout.height * scale}
            preserveAspectRatio="xMidYMid meet"
            viewBox={`0 0 ${layout.width} ${layout.height}`}
            role="img"
            aria-label={`Thread statechart. ${layout.nodes
              .map((n) => `${n.label}: ${(occupants.get(n.id) ?? []).join(', ') || 'no thread'}`)
              .join('. ')}`}
            data-testid="statechart"
          >
            <g className="statechart__edges" aria-hidden="true">
              {layout.edges.map((e) => (
                <g key={e.key} className="sc-edge">
                  <title>{e.label}</title>
                  <path className="sc-edge__line" d={e.d} />
                  <path className="sc-edge__head" d={e.head} />
                </g>
              ))}
            </g>
            {layout.nodes.map((n) => {
              const here = occupants.get(n.id) ?? [];
              return (
                <g
                  key={n.id}
                  className={`sc-state${here.length ? ' sc-state--occupied' : ''}`}
                  data-testid={`statechart.state.${n.id}`}
                >
                  <rect
                    x={n.x - n.width / 2}
                    y={n.y - n.height / 2}
                    width={n.width}
                    height={n.height}
                    rx={FONT * 0.6}
                  />
                  <text
                    className="sc-state__label"
                    x={n.x}
                    y={n.y - n.height / 2 + FONT * 1.25}
                    textAnchor="middle"
                    fontSize={FONT}
                  >
                    {n.label}
                  </text>
                  <text
                    className="sc-state__who"
                    x={n.x}
                    y={layout.rowY(n, 0)}
                    textAnchor="middle"
                    fontSize={FONT * 0.85}
                  >
                    {names(n.id)}
                  </text>
                  {n.children.map((c, i) => {
                    const here = (occupants.get(c.id) ?? []).length > 0;
                    const y = layout.rowY(n, i + 1);
                    const right = n.x + n.width / 2 - FONT * 0.5;
                    return (
                      <g key={c.id}>
                        <text
                          className={`sc-state__child${here ? ' sc-state__child--here' : ''}`}
                          x={n.x - n.width / 2 + FONT * 0.6}
                          y={y}
                          fontSize={FONT * 0.78}
                        >
                          {here ? '▸ ' : ''}
                          {c.label}
                        </text>
                        {c.subStates.map((g, k) => {
                          const on = (occupants.get(g.id) ?? []).length > 0;
                          return (
                            <g
                              key={g.id}
                              className={`sc-state__sub${on ? ' sc-state__sub--here' : ''}`}
                              data-testid={`statechart.sub.${g.id}`}
                            >
                              <title>{`${c.label}, ${g.label}`}</title>
                              <Token
                                label={g.label}
                                x={right - (c.subStates.length - 1 - k) * FONT * 1.2}
                                y={y}
                                size={FONT * 0.8}
                              />
                            </g>
                          );
                        })}
                      </g>
                    );
                  })}
                </g>
              );
            })}
          </svg>
        )}
      </div>
    </Panel>
  );
}
