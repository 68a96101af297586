// The message sequence chart: a lifeline per thread, an arrow per IPC so far (label, u/t; step
// number and time under it), blocked periods as bars, failures crossed out, breaks where the clock
// jumps, the current step highlighted, the next few IPCs faded below the "now" line; click an
// arrow to go to its step, back or forward. As many rows as the panel's height holds are drawn
// (the size from one ResizeObserver; nothing is scrolled or measured while stepping). D3 computes
// the geometry (geometry/sequenceChart.ts); React draws it.
import { memo, useCallback, useMemo } from 'react';
import type { KeyboardEvent } from 'react';
import type { ChartSlice } from '../../../store/chartHistory';
import {
  AHEAD_LIMIT,
  selectChart,
  selectChartAhead,
  selectThreads,
} from '../../../store/selectors';
import { rowsFor } from '../../geometry/chartLabels';
import type { Lane } from '../../geometry/lanes';
import type { BarGeometry } from '../../geometry/sequenceChart';
import { sameData } from '../sameData';
import { chartGeometry } from '../../geometry/sequenceChart';
import { useBoxSize } from '../../hooks/useBoxSize';
import { useSim, useSimApi } from '../../hooks/useSim';
import { Panel } from '../Panel';
import { MessageArrow } from './MessageArrow';

const BASE_FONT = 15;

/** The newest `rows` IPCs of `slice` (the rows the panel holds), as a slice of its own. */
function fitRows(slice: ChartSlice | null, rows: number): ChartSlice | null {
  if (!slice || slice.messages.length <= rows) return slice;
  const drop = slice.messages.length - Math.max(1, rows);
  const messages = slice.messages.slice(drop);
  return {
    ...slice,
    messages,
    first: slice.first + drop,
    fromStep: messages[0]?.step ?? slice.fromStep,
    blocked: slice.blocked.filter((b) => b.to === null || b.to > (messages[0]?.step ?? 0)),
  };
}

/** ↑ / ↓ move focus between arrows. */
function moveFocus(e: KeyboardEvent<SVGSVGElement>) {
  if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
  const arrows = Array.from(e.currentTarget.querySelectorAll<SVGGElement>('[role="button"]'));
  const at = arrows.findIndex((a) => a === document.activeElement);
  const next = arrows[at < 0 ? arrows.length - 1 : at + (e.key === 'ArrowUp' ? -1 : 1)];
  if (next) {
    e.preventDefault();
    next.focus();
  }
}

/** The same lanes drawn the same way (the geometry is computed afresh at every step). */
function sameLanes(a: readonly Lane[], b: readonly Lane[]): boolean {
  return (
    a === b ||
    (a.length === b.length &&
      a.every((l, i) => {
        const m = b[i];
        return (
          m !== undefined &&
          l.name === m.name &&
          l.x === m.x &&
          l.row === m.row &&
          l.label === m.label
        );
      }))
  );
}

interface LanesProps {
  readonly lanes: readonly Lane[];
  readonly width: number;
  /** The head's height; the lifelines run from `from` to `to`. */
  readonly top: number;
  readonly from: number;
  readonly to: number;
  readonly fontSize: number;
}

const sameLanesProps = (a: LanesProps, b: LanesProps): boolean =>
  a.width === b.width &&
  a.top === b.top &&
  a.from === b.from &&
  a.to === b.to &&
  a.fontSize === b.fontSize &&
  sameLanes(a.lanes, b.lanes);

/** The threads' names over their lifelines: drawn again only when the lanes move. */
const ChartHead = memo(function ChartHead({ lanes, width, top, fontSize }: LanesProps) {
  return (
    <svg className="chart__head" width={width} height={top} aria-hidden="true">
      {lanes.map((l) => (
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
  );
}, sameLanesProps);

/** A lifeline per thread: drawn again only when the lanes move or the chart's height changes. */
const Lifelines = memo(function Lifelines({ lanes, from, to }: LanesProps) {
  return (
    <g className="chart__lanes">
      {lanes.map((l) => (
        <g key={l.name}>
          <line className="chart__lifeline" x1={l.x} x2={l.x} y1={from} y2={to} />
        </g>
      ))}
    </g>
  );
}, sameLanesProps);

interface BarsProps {
  readonly bars: readonly BarGeometry[];
  readonly width: number;
}

/** The blocked periods: drawn again only when a bar moves, grows or ends. */
const Bars = memo(
  function Bars({ bars, width }: BarsProps) {
    return (
      <g className="chart__bars" aria-hidden="true">
        {bars.map((b) => (
          <rect
            key={b.key}
            className={`chart__bar chart__bar--${b.kind}`}
            x={b.x}
            y={b.y}
            width={width}
            height={b.height}
            fill={b.kind === 'sending' ? 'url(#chart-hatch)' : undefined}
          >
            <title>{`${b.thread} blocked ${b.kind}`}</title>
          </rect>
        ))}
      </g>
    );
  },
  (a: BarsProps, b: BarsProps) => a.width === b.width && sameData(a.bars, b.bars),
);

/** The same at every step: made once, so React skips it. */
const HATCH = (
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
);

const LEGEND = (
  <p className="chart__legend" aria-hidden="true">
    <span className="legend legend--receiving">
      <span className="legend__mark">▮</span> <span className="legend__word">blocked </span>
      receiving
    </span>
    <span className="legend legend--sending">
      <span className="legend__mark">▨</span> <span className="legend__word">blocked </span>
      sending
    </span>
    <span className="legend legend--queued">
      <span className="legend__mark">⇢</span> queued
    </span>
    <span className="legend legend--failed">
      <span className="legend__mark">✕</span> failed
    </span>
  </p>
);

export function SequenceChart() {
  const store = useSimApi();
  const threads = useSim(selectThreads);
  const full = useSim(selectChart);
  const upcoming = useSim(selectChartAhead);
  const cursor = useSim((s) => s.cursor);
  const fontScale = useSim((s) => s.fontScale);
  const [ref, box] = useBoxSize<HTMLDivElement>({ width: 600, height: 300, rem: 16 }, fontScale);
  const width = box.width;
  const fontSize = Math.round(BASE_FONT * fontScale);
  // Two lines a row: the label above the arrow, the stamp (step, time) under it.
  const rowHeight = fontSize * 2.9;
  // The rows' drawing starts this far above the first row (over the empty foot of the names), so
  // the first row's label is not cut.
  const pad = fontSize * 0.6;
  // Rows the panel holds: a quarter of them (at most AHEAD_LIMIT) for what comes next.
  const rowsFit = rowsFor(box.height, fontSize, rowHeight);
  const aheadRows = Math.min(upcoming.length, AHEAD_LIMIT, Math.max(1, Math.floor(rowsFit / 4)));
  const ahead = useMemo(() => upcoming.slice(0, aheadRows), [upcoming, aheadRows]);
  const slice = useMemo(() => fitRows(full, rowsFit - aheadRows), [full, rowsFit, aheadRows]);
  const names = useMemo(() => threads.map((t) => t.name), [threads]);
  const key = names.join('\n');
  const stableNames = useMemo(() => key.split('\n').filter(Boolean), [key]);
  const g = useMemo(
    () =>
      slice
        ? chartGeometry(stableNames, slice, {
            width: Math.max(240, width),
            fontSize,
            rowHeight,
            ahead,
          })
        : null,
    [stableNames, slice, width, fontSize, rowHeight, ahead],
  );
  const onGo = useCallback((step: number) => store.getState().seek(step), [store]);

  const lanes = g && {
    lanes: g.lanes.lanes,
    width: g.width,
    top: g.top,
    from: g.top - pad,
    to: g.height,
    fontSize,
  };
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
      {lanes && <ChartHead {...lanes} />}
      <div className="chart" ref={ref} style={{ marginTop: -pad }}>
        {g && (
          <svg
            className="chart__svg"
            width={g.width}
            height={g.height - g.top + pad}
            viewBox={`0 ${g.top - pad} ${g.width} ${g.height - g.top + pad}`}
            role="group"
            aria-label={`Message sequence chart, ${delivered} IPCs shown`}
            data-testid="seq.chart"
            onKeyDown={moveFocus}
          >
            {HATCH}
            {lanes && <Lifelines {...lanes} />}
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
              <Bars bars={g.bars} width={g.barWidth} />
              <g className="chart__jumps" aria-hidden="true">
                {g.jumps.map((j) => (
                  <g key={j.key} data-testid="seq.jump">
                    <line className="chart__jump" x1={0} x2={g.width} y1={j.y} y2={j.y} />
                    {g.lanes.lanes.map((l) => (
                      <path
                        key={l.name}
                        className="chart__break"
                        d={`M${l.x - 6},${j.y - 2}l4,-3l4,6l4,-3`}
                      />
                    ))}
                    <text
                      className="chart__jump-text"
                      x={j.x}
                      y={j.y + j.fontSize * 0.35}
                      textAnchor="end"
                      fontSize={j.fontSize}
                    >
                      {j.text}
                    </text>
                  </g>
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
                    focusable={i === g.arrows.length - 1 - ahead.length}
                    fontSize={fontSize}
                    onGo={onGo}
                  />
                ))}
              </g>
            </g>
          </svg>
        )}
      </div>
      {LEGEND}
    </Panel>
  );
}
