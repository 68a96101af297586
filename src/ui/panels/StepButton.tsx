// One button of the controls' step group, made from a registry command: its label (aria-label),
// its keys (title), whether it can run now (disabled), and what it does (click). Memoised: its
// command never changes, and it subscribes to what it shows itself, so the controls bar's render
// at every step (the counter, the scrubber) does not render the five buttons again.
import { memo } from 'react';
import { perform, titleOf } from '../../session/commands';
import type { Command, CommandName } from '../../session/commands';
import { useSession } from '../hooks/useSession';
import { useSim } from '../hooks/useSim';
import { Icon } from './icons';
import type { IconName } from './icons';

interface Look {
  readonly icon: IconName;
  /** A visible word beside the icon (hidden on narrow bars by CSS). */
  readonly word?: string;
  /** The word stands before the icon (Next ▶). */
  readonly wordFirst?: boolean;
  readonly className?: string;
}

const LOOKS: Partial<Record<CommandName, Look>> = {
  first: { icon: 'first' },
  prev: { icon: 'prev' },
  next: { icon: 'next', word: 'Next', wordFirst: true, className: 'controls__next' },
  last: { icon: 'last' },
  togglePlay: { icon: 'play', word: 'Play', className: 'controls__play' },
};

type StepCommand = Pick<Command<unknown>, 'label' | 'keys' | 'enabled'> & {
  readonly name: CommandName;
};

export const StepButton = memo(function StepButton({ command }: { readonly command: StepCommand }) {
  const { commands } = useSession();
  const name = command.name;
  // Re-render when what `enabled` reads may have changed (the cursor, the run, playing).
  const enabled = useSim(() => command.enabled(commands));
  const playing = useSim((s) => s.playing);
  const look = LOOKS[name] ?? { icon: 'next' };
  const isPlay = name === 'togglePlay';
  const label = isPlay ? (playing ? 'Pause' : 'Play') : command.label;
  const word = isPlay ? label : look.word;
  return (
    <button
      type="button"
      className={look.className}
      data-testid={`controls.${isPlay ? 'play' : name}`}
      aria-label={label}
      {...(isPlay ? { 'aria-pressed': playing } : {})}
      title={titleOf(command)}
      disabled={!enabled}
      onClick={() => perform(commands, name)}
    >
      {look.wordFirst && word && <span className="controls__word">{word} </span>}
      <Icon name={isPlay && playing ? 'pause' : look.icon} />
      {!look.wordFirst && word && <span className="controls__word"> {word}</span>}
    </button>
  );
});
