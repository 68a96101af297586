// One thread's column: a head row with its name (a button that shows its registers), its state with
// a symbol and words, the helper function it runs in, its send queue, global id and priority; why it halted, and its code with the
// current line.
import { memo, useLayoutEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { selectJustRanLine } from '../../../store/selectors';
import type { CodeBlock, ThreadMeta, ThreadView } from '../../../store/viewModel';
import { useSim } from '../../hooks/useSim';
import { CodeListing } from './CodeListing';
import { runningHelper } from './codeText';

interface ThreadColumnProps {
  readonly thread: ThreadView;
  readonly meta: ThreadMeta | undefined;
  readonly functions: readonly CodeBlock[] | undefined;
  readonly selected: boolean;
  readonly running: boolean;
  readonly changed: boolean;
  readonly onSelect: (name: string) => void;
  /** Whether the column is narrow by the panel's width (until its own observer reports). */
  readonly narrow: boolean;
}

/** At most this content width (rem) a column's head leaves out the id and priority. */
export const NARROW_REM = 26;

/**
 * Whether `ref`'s content box is at most NARROW_REM wide, from one ResizeObserver made at mount
 * (its first report comes before the first paint). A container query did this, but made every
 * column an inline-size container, and the browser then did more style and layout work at each
 * step that changed a column.
 */
function useNarrow(ref: RefObject<HTMLElement | null>, guess: boolean): boolean {
  const [narrow, setNarrow] = useState(guess);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver !== 'function') return undefined;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const width = entry.contentBoxSize[0]?.inlineSize ?? entry.contentRect.width;
      // Read after layout, in the observer's callback: no forced layout.
      const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
      setNarrow(width <= NARROW_REM * rem);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return narrow;
}

export const ThreadColumn = memo(function ThreadColumn(props: ThreadColumnProps) {
  const { thread, meta, functions, selected, running, changed, onSelect } = props;
  const { name } = thread;
  const ref = useRef<HTMLElement>(null);
  const narrow = useNarrow(ref, props.narrow);
  const lastLine = useSim(selectJustRanLine(name));
  const helper = meta ? runningHelper(meta, functions, thread.currentLine) : undefined;
  const classes = ['thread', `thread--${thread.stateKind}`];
  if (selected) classes.push('thread--selected');
  if (changed) classes.push('thread--changed');
  if (thread.finished) classes.push('thread--finished');
  return (
    <section
      className={classes.join(' ')}
      data-testid={`thread.${name}`}
      aria-label={`Thread ${name}`}
      id={`thread-col-${name}`}
      ref={ref}
    >
      <header
        className={`thread__head${helper || thread.sendQueue.length > 0 ? ' thread__head--full' : ''}${narrow ? ' thread__head--narrow' : ''}`}
      >
        <button
          type="button"
          className="thread__name"
          aria-pressed={selected}
          title={selected ? `Stop showing ${name}'s registers` : `Show ${name}'s registers`}
          onClick={() => onSelect(name)}
        >
          {running && (
            <span className="thread__cpu" title="on the CPU">
              CPU
            </span>
          )}
          {name}
        </button>
        <p
          className={`thread__state state--${thread.stateKind}`}
          data-testid={`thread.${name}.state`}
          data-state={thread.state}
          title={thread.stateLabel}
        >
          <span className="thread__symbol" aria-hidden="true">
            {thread.stateSymbol}
          </span>{' '}
          {thread.stateLabel}
        </p>
        {helper && (
          <p className="thread__in" data-testid={`thread.${name}.helper`}>
            in <code>{helper.name}()</code>
          </p>
        )}
        {thread.sendQueue.length === 0 ? (
          <p className="visually-hidden" data-testid={`thread.${name}.queue`}>
            Send queue: empty
          </p>
        ) : (
          <p
            className="thread__queue"
            data-testid={`thread.${name}.queue`}
            title={`Send queue: ${thread.sendQueue.join(', ')}`}
          >
            <span className="thread__queue-title">
              <span className="visually-hidden">Send </span>queue:
            </span>{' '}
            {thread.sendQueue.map((q, i) => (
              <span key={q} className="thread__queued">
                {i > 0 && ', '}
                <span className="visually-hidden">{i + 1}. </span>
                {q}
              </span>
            ))}
          </p>
        )}
        <span className="thread__meta">
          <code title="global thread id">{thread.idHex}</code>
          <span title="priority"> · prio {thread.priority}</span>
        </span>
      </header>
      {thread.halted !== null && (
        <p
          className={thread.finished ? 'thread__halted thread__halted--finished' : 'thread__halted'}
          role="note"
          data-testid={`thread.${name}.halted`}
        >
          <span aria-hidden="true">{thread.finished ? '✓ ' : '⚠ '}</span>
          {thread.halted}
        </p>
      )}
      {meta && (
        <CodeListing
          thread={name}
          code={meta}
          helper={helper}
          currentLine={thread.currentLine}
          lastLine={lastLine}
        />
      )}
    </section>
  );
});
