// Controls: first / back / next / last, play and speed, the scrubber, the step counter,
// the simulated clock and the step granularity. Every control has a visible label or an aria-label.
import { useId } from 'react';
import type { ReactNode } from 'react';
import { SPEEDS } from '../../store/createSimStore';
import type { Granularity } from '../../store/createSimStore';
import {
  selectCanNext,
  selectCanPrev,
  selectClock,
  selectCursor,
  selectLastIndex,
  selectPlaying,
  selectStepCounter,
} from '../../store/selectors';
import { useSim, useSimApi } from '../hooks/useSim';
import { Icon } from './icons';

interface ControlsBarProps {
  /** The scenario picker, first in the bar. */
  readonly scenario?: ReactNode;
}

/** A µs count as people read it: 12 µs, 1.5 ms. */
/** The counter until a scenario is shown (no digits: a test waiting for `k / n` keeps waiting). */
const NOT_LOADED = '– / –';
/** After the last step while the run is still being recorded: `k / n…`. */
const RECORDING = '…';

export function clockText(us: bigint): string {
  if (us < 10_000n) return `${us} µs`;
  const ms = Number(us) / 1000;
  return `${ms.toLocaleString('en', { maximumFractionDigits: 1 })} ms`;
}

export function ControlsBar({ scenario }: ControlsBarProps) {
  const api = useSimApi().getState();
  const id = useId();
  const cursor = useSim(selectCursor);
  const last = useSim(selectLastIndex);
  const loaded = useSim((s) => s.source !== null);
  const recording = useSim((s) => s.source?.recording === true);
  const counter = useSim(selectStepCounter);
  const playing = useSim(selectPlaying);
  const canPrev = useSim(selectCanPrev);
  const canNext = useSim(selectCanNext);
  const clock = useSim(selectClock);
  const speed = useSim((s) => s.speed);
  const granularity = useSim((s) => s.granularity);

  return (
    <nav className="controls" aria-label="Step controls" data-testid="controls">
      {scenario}
      <div className="controls__buttons" role="group" aria-label="Step">
        <button
          type="button"
          data-testid="controls.first"
          aria-label="First step"
          title="First step (Home)"
          disabled={!canPrev}
          onClick={() => api.first()}
        >
          <Icon name="first" />
        </button>
        <button
          type="button"
          data-testid="controls.prev"
          aria-label="Back one step"
          title="Back (←)"
          disabled={!canPrev}
          onClick={() => api.prev()}
        >
          <Icon name="prev" />
        </button>
        <button
          type="button"
          className="controls__next"
          data-testid="controls.next"
          aria-label="Next step"
          title="Next (→ or Space)"
          disabled={!canNext}
          onClick={() => api.next()}
        >
          <span className="controls__word">Next</span> <Icon name="next" />
        </button>
        <button
          type="button"
          data-testid="controls.last"
          aria-label="Last step"
          title="Last step (End)"
          disabled={!canNext}
          onClick={() => api.last()}
        >
          <Icon name="last" />
        </button>
        <button
          type="button"
          className="controls__play"
          data-testid="controls.play"
          aria-label={playing ? 'Pause' : 'Play'}
          aria-pressed={playing}
          title="Play / pause (k)"
          disabled={last === 0}
          onClick={() => api.togglePlay()}
        >
          <Icon name={playing ? 'pause' : 'play'} />{' '}
          <span className="controls__word">{playing ? 'Pause' : 'Play'}</span>
        </button>
      </div>
      <label className="controls__field" htmlFor={`${id}-speed`}>
        <span className="visually-hidden">Speed</span>
        <select
          id={`${id}-speed`}
          data-testid="controls.speed"
          value={String(speed)}
          title="Playback speed"
          onChange={(e) => api.setSpeed(Number(e.target.value))}
        >
          {SPEEDS.map((s) => (
            <option key={s} value={String(s)}>
              {s} / s
            </option>
          ))}
        </select>
      </label>
      <input
        className="controls__scrubber"
        type="range"
        min={0}
        max={last}
        step={1}
        value={cursor}
        aria-label="Step"
        aria-valuetext={`step ${counter}`}
        data-testid="controls.scrubber"
        onChange={(e) => api.seek(Number(e.target.value))}
      />
      <span className="controls__where">
        <output
          className="controls__counter"
          data-testid="step.counter"
          aria-label="Step counter"
          title={recording ? 'Still recording the run: more steps are coming' : undefined}
        >
          {loaded ? `${counter}${recording ? RECORDING : ''}` : NOT_LOADED}
        </output>
        <span className="controls__clock" data-testid="clock" title="Simulated clock">
          <span className="visually-hidden">Clock: </span>
          {clockText(clock)}
        </span>
      </span>
      <label className="controls__field" htmlFor={`${id}-granularity`}>
        <span className="visually-hidden">Step by</span>
        <select
          id={`${id}-granularity`}
          data-testid="controls.granularity"
          value={granularity}
          title="Step granularity"
          onChange={(e) =>
            api.setGranularity(
              e.target.value === 'kernel' ? 'kernel' : ('statement' satisfies Granularity),
            )
          }
        >
          <option value="statement">by statement</option>
          <option value="kernel">by kernel event</option>
        </select>
      </label>
    </nav>
  );
}
