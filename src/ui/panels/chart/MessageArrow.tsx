// One IPC on the sequence chart: the arrow, its label (label, u/t) and stamp (step number, time), a cross when it
// failed; faded when it is still to come. Clicking it (or Enter on it) goes to its step. Its
// accessible name starts with the words it shows.
import { memo } from 'react';
import type { KeyboardEvent } from 'react';
import { messageText } from '../../geometry/sequenceChart';
import type { ArrowGeometry } from '../../geometry/sequenceChart';
import type { PlacedText } from '../../geometry/chartLabels';

interface MessageArrowProps {
  readonly arrow: ArrowGeometry;
  readonly current: boolean;
  /** Newly drawn this step: the line draws itself in (when animation is on). */
  readonly fresh: boolean;
  readonly focusable: boolean;
  readonly fontSize: number;
  readonly onGo: (step: number) => void;
}

/** A placed text; `spaced` starts it with a space, so the arrow's words read apart in its text. */
function Words(props: { className: string; at: PlacedText; testId?: string; spaced?: boolean }) {
  const { at } = props;
  return (
    <text
      className={props.className}
      x={at.x}
      y={at.y}
      textAnchor={at.anchor}
      fontSize={at.fontSize}
      data-testid={props.testId}
    >
      {props.spaced ? ` ${at.text}` : at.text}
    </text>
  );
}

const samePlaced = (a: PlacedText, b: PlacedText): boolean =>
  a.x === b.x && a.y === b.y && a.text === b.text && a.fontSize === b.fontSize;

/** Same drawing: the same message at the same place with the same marks. */
function sameArrow(a: MessageArrowProps, b: MessageArrowProps): boolean {
  const x = a.arrow;
  const y = b.arrow;
  return (
    a.current === b.current &&
    a.fresh === b.fresh &&
    a.focusable === b.focusable &&
    a.fontSize === b.fontSize &&
    x.ahead === y.ahead &&
    a.onGo === b.onGo &&
    x.message === y.message &&
    x.key === y.key &&
    x.d === y.d &&
    x.head === y.head &&
    samePlaced(x.label, y.label) &&
    samePlaced(x.stamp, y.stamp) &&
    x.cross?.x === y.cross?.x &&
    x.cross?.y === y.cross?.y
  );
}

export const MessageArrow = memo(function MessageArrow(props: MessageArrowProps) {
  const { arrow, current, fresh, focusable, fontSize, onGo } = props;
  const m = arrow.message;
  const what = m.failed
    ? `failed: ${m.error ?? ''}`
    : m.threadSwitch === 'yield'
      ? `${m.to} is blocked, so the switch is only a yield: ThreadSwitch never ends an IPC`
      : m.threadSwitch === 'donate'
        ? 'it runs at once, on its own timeslice (the reference donates nothing)'
        : m.queued
          ? 'queued: the receiver is not waiting'
          : 'delivered';
  const full = `${arrow.stamp.text} ${messageText(m)}`;
  // The words as drawn (stamp first, as the name reads), shortened when the gap is narrow.
  const shown = `${arrow.stamp.text} ${arrow.label.text}`;
  const who = m.threadSwitch
    ? `${m.from} calls L4_ThreadSwitch to ${m.to}`
    : `${m.from} to ${m.to}`;
  const spoken = `${shown === full ? full : `${shown}, in full ${full}`}: ${who}, ${what}${arrow.ahead ? ', still to come' : ''}`;
  const classes = ['msg'];
  if (arrow.ahead) classes.push('msg--ahead');
  if (m.failed) classes.push('msg--failed');
  if (m.queued) classes.push('msg--queued');
  if (m.threadSwitch) classes.push('msg--switch');
  if (current) classes.push('msg--current');
  if (fresh) classes.push('msg--fresh');
  const onKey = (e: KeyboardEvent<SVGGElement>) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      e.stopPropagation();
      onGo(m.step);
    }
  };
  return (
    <g
      className={classes.join(' ')}
      role="button"
      tabIndex={focusable ? 0 : -1}
      aria-label={spoken}
      aria-current={current ? 'step' : undefined}
      data-testid={
        arrow.ahead
          ? 'seq.ahead'
          : m.threadSwitch
            ? 'seq.switch'
            : m.queued
              ? 'seq.queued'
              : 'seq.message'
      }
      data-step={m.step}
      onClick={() => onGo(m.step)}
      onKeyDown={onKey}
    >
      <title>{spoken}</title>
      <rect
        className="msg__hit"
        x={Math.min(arrow.x1, arrow.x2) - fontSize}
        y={arrow.y - fontSize * 1.3}
        width={
          Math.abs(arrow.x2 - arrow.x1) + fontSize * 2 + (arrow.x1 === arrow.x2 ? fontSize * 6 : 0)
        }
        height={fontSize * 1.9}
      />
      {arrow.d && <path className="msg__line" d={arrow.d} pathLength={1} />}
      {arrow.head && <path className="msg__head" d={arrow.head} />}
      <Words className="msg__stamp" at={arrow.stamp} testId="seq.stamp" />
      <Words className="msg__label" at={arrow.label} spaced />
      {arrow.cross && (
        <text
          className="msg__cross"
          x={arrow.cross.x}
          y={arrow.cross.y + fontSize * 0.4}
          textAnchor="middle"
          fontSize={fontSize * 1.3}
        >
          ✕
        </text>
      )}
    </g>
  );
}, sameArrow);
