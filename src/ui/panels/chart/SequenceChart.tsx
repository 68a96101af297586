// The message sequence chart: a lifeline per thread, an arrow per IPC so far (label and u/t),
// blocked periods as bars, failures crossed out, the current step highlighted; click an arrow to go
// to its step. D3 computes the geometry (geometry/sequenceChart.ts); React draws it.
import { useCallback, useLayoutEffect, useMemo } from 'react';
import type { KeyboardEvent } from 'react';
import { selectChart, selectThreads } from '../../../store/selectors';
import { chartGeometry } from '../../geometry/sequenceChart';
import { useElementWidth } from '../../hooks/useElementWidth';
import { useSim, useSimApi } from '../../hooks/useSim';
import { Panel } from '../Panel';
import { MessageArrow } from './MessageArrow';

const BASE_FONT = 15;

/** ↑ / ↓ move focus between arrows. */
function moveFocus(e: KeyboardEvent<SVGSVGElement>) {
  if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
  const arrows = Array.from(
    e.currentTarget.querySelectorAll<SVGGElement>('[data-testid="seq.message"]'),
  );
  const at = arrows.findIndex((a) => a === document.activeElement);
  const next = arrows[at < 0 ? arrows.length - 1 : at + (e.key === 'ArrowUp' ? -1 : 1)];
  if (next) {
    e.preventDefault();
    next.focus();
  }
}

export function SequenceChart() {
  const store = useSimApi();
  const threads = useSim(selectThreads);
  const slice = useSim(selectChart);
  const cursor = useSim((s) => s.cursor);
  const fontScale = useSim((s) => s.fontScale);
  const [ref, width] = useElementWidth<HTMLDivElement>(600);
  const fontSize = Math.round(BASE_FONT * fontScale);
  const rowHeight = fontSize * 2.5;
  const names = useMemo(() => threads.map((t) => t.name), [threads]);
  const key = names.join('\n');
  const stableNames = useMemo(() => key.split('\n').filter(Boolean), [key]);
  const g = useMemo(
    () =>
      slice
        ? chartGeometry(stableNames, slice, { width: Math.max(240, width), fontSize, rowHeight })
        : null,
    [stableNames, slice, width, fontSize, rowHeight],
  );
  const onGo = useCallback((step: number) => store.getState().seek(step), [store]);

  useLayoutEffect(() => {
    const el = ref.current;
    if (el && g)
      el.scrollTop = Math.max(0, g.nowY - g.offset - g.top + fontSize * 2 - el.clientHeight);
  }, [g, ref, fontSize]);

  const delivered = slice?.messages.filter((m) => !m.queued && !m.threadSwitch).length ?? 0;
  const total = slice?.total ?? null;
  return (
    <Panel
      id="chart"
      title="Message sequence"
      aside={
        <span className="vpanel__note">
          {total === 0
            ? 'no IPC yet'
            : total === null || (slice?.messages.length ?? 0) < total
              ? 'latest IPCs'
              : `${delivered} IPC${delivered === 1 ? '' : 's'}`}
        </span>
      }
    >
      {g && (
        <svg className="chart__head" width={g.width} height={g.top} aria-hidden="true">
          {g.lanes.lanes.map((l) => (
            <text
              key={l.name}
              className="chart__name"
              x={l.x}
              y={fontSize * (1.1 + l.row * 1.2)}
              textAnchor="middle"
              fontSize={fontSize}
            >
              {l.label}
            </text>
          ))}
        </svg>
      )}
      <div className="chart" ref={ref}>
        {g && (
          <svg
            className="chart__svg"
            width={g.width}
            height={g.height - g.top}
            viewBox={`0 ${g.top} ${g.width} ${g.height - g.top}`}
            role="group"
            aria-label={`Message sequence chart, ${delivered} IPCs shown`}
            data-testid="seq.chart"
            onKeyDown={moveFocus}
          >
            <defs>
              <pattern
                id="chart-hatch"
                width="6"
                height="6"
                patternUnits="userSpaceOnUse"
                patternTransform="rotate(45)"
              >
                <rect className="chart__hatch-bg" width="6" height="6" />
                <line className="chart__hatch" x1="0" y1="0" x2="0" y2="6" />
              </pattern>
            </defs>
            <g className="chart__lanes">
              {g.lanes.lanes.map((l) => (
                <g key={l.name}>
                  <line
                    className="chart__lifeline"
                    x1={l.x}
                    x2={l.x}
                    y1={g.top - fontSize * 0.3}
                    y2={g.height}
                  />
                </g>
              ))}
            </g>
            <g transform={`translate(0, ${-g.offset})`}>
              {g.arrows
                .filter((a) => a.message.step === cursor)
                .map((a) => (
                  <rect
                    key={`now.${a.key}`}
                    className="chart__current"
                    x={0}
                    y={a.y - rowHeight / 2}
                    width={g.width}
                    height={rowHeight}
                    aria-hidden="true"
                  />
                ))}
              <g className="chart__bars" aria-hidden="true">
                {g.bars.map((b) => (
                  <rect
                    key={b.key}
                    className={`chart__bar chart__bar--${b.kind}`}
                    x={b.x}
                    y={b.y}
                    width={g.barWidth}
                    height={b.height}
                    fill={b.kind === 'sending' ? 'url(#chart-hatch)' : undefined}
                  >
                    <title>{`${b.thread} blocked ${b.kind}`}</title>
                  </rect>
                ))}
              </g>
              <line
                className="chart__now"
                x1={0}
                x2={g.width}
                y1={g.nowY}
                y2={g.nowY}
                aria-hidden="true"
              />
              <g className="chart__messages">
                {g.arrows.map((a, i) => (
                  <MessageArrow
                    key={a.key}
                    arrow={a}
                    current={a.message.step === cursor}
                    fresh={a.message.step === cursor}
                    focusable={i === g.arrows.length - 1}
                    fontSize={fontSize}
                    onGo={onGo}
                  />
                ))}
              </g>
            </g>
          </svg>
        )}
      </div>
      <p className="chart__legend" aria-hidden="true">
        <span className="legend legend--receiving">▮ blocked receiving</span>
        <span className="legend legend--sending">▨ blocked sending</span>
        <span className="legend legend--queued">⇢ queued</span>
        <span className="legend legend--failed">✕ failed</span>
      </p>
    </Panel>
  );
}
