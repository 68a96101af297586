// Controls: the step buttons (the registry's `place: 'step'` commands), speed, the scrubber, the
// step counter, the simulated clock and the step granularity; every change runs a command. Every
// control has a visible label or an aria-label.
import { useId } from 'react';
import type { ReactNode } from 'react';
import { COMMANDS } from '../../session/commands';
import { SPEEDS } from '../../store/createSimStore';
import {
  selectClock,
  selectCursor,
  selectLastIndex,
  selectStepCounter,
} from '../../store/selectors';
import { useSession } from '../hooks/useSession';
import { useSim } from '../hooks/useSim';
import { StepButton } from './StepButton';

/** The registry's commands that have a button in the step group, in registry order. */
const STEP_COMMANDS = COMMANDS.filter((c) => c.place === 'step');

interface ControlsBarProps {
  /** The scenario picker, first in the bar. */
  readonly scenario?: ReactNode;
  /** Buttons at the end of the bar (panels, decoder, help). */
  readonly tools?: ReactNode;
}

/** A µs count as people read it: 12 µs, 1.5 ms. */
/** The counter until a scenario is shown (no digits: a test waiting for `k / n` keeps waiting). */
const NOT_LOADED = '– / –';
/** After the last step while the run is still being recorded: `k / n…`. */
const RECORDING = '…';

/** Made once: toLocaleString with options builds a formatter on every call (every step). */
const MS = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

export function clockText(us: bigint): string {
  if (us < 10_000n) return `${us} µs`;
  return `${MS.format(Number(us) / 1000)} ms`;
}

export function ControlsBar({ scenario, tools }: ControlsBarProps) {
  const session = useSession();
  const id = useId();
  const cursor = useSim(selectCursor);
  const last = useSim(selectLastIndex);
  const loaded = useSim((s) => s.source !== null);
  const recording = useSim((s) => s.source?.recording === true);
  const counter = useSim(selectStepCounter);
  const clock = useSim(selectClock);
  const speed = useSim((s) => s.speed);
  const granularity = useSim((s) => s.granularity);

  return (
    <nav className="controls" aria-label="Step controls" data-testid="controls">
      {scenario}
      <div className="controls__buttons" role="group" aria-label="Step">
        {STEP_COMMANDS.map((command) => (
          <StepButton key={command.name} command={command} />
        ))}
      </div>
      <label className="controls__field" htmlFor={`${id}-speed`}>
        <span className="visually-hidden">Speed</span>
        <select
          id={`${id}-speed`}
          data-testid="controls.speed"
          value={String(speed)}
          title="Playback speed"
          onChange={(e) => session.run('speed', { speed: Number(e.target.value) })}
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
        onChange={(e) => session.run('goto', { step: Number(e.target.value) })}
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
          onChange={(e) => session.run('granularity', { granularity: e.target.value })}
        >
          <option value="statement">by statement</option>
          <option value="kernel">by kernel event</option>
        </select>
      </label>
      {tools}
    </nav>
  );
}
