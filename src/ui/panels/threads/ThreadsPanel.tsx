// The threads panel: one column per thread, all of the same width (a column keeps its width when
// the CPU moves). When more threads exist than columns fit (from the panel's width, one
// ResizeObserver, and the lesson's longest line), a row of tabs in the panel's head lists them all
// and the columns show the thread on the CPU plus the threads most recently on it or picked, in
// the threads' order.
import { memo, useCallback, useMemo, useState } from 'react';
import { selectMeta, selectThreads } from '../../../store/selectors';
import type { ThreadView } from '../../../store/viewModel';
import { useBoxSize } from '../../hooks/useBoxSize';
import { useSim, useSimApi } from '../../hooks/useSim';
import { codeRoom, columnsThatFit } from './codeRoom';
import { Panel } from '../Panel';
import { NARROW_REM, ThreadColumn } from './ThreadColumn';
import { ranLast, shownThreads } from './shownThreads';

/** One thread's tab: its props are words, so the tabs whose thread did not change are skipped. */
const ThreadTab = memo(function ThreadTab(props: {
  readonly name: string;
  readonly stateKind: ThreadView['stateKind'];
  readonly stateLabel: string;
  readonly stateSymbol: string;
  readonly pressed: boolean;
  readonly running: boolean;
  readonly onPick: (name: string) => void;
}) {
  const { name, stateKind, stateLabel, stateSymbol, pressed, running, onPick } = props;
  return (
    <button
      type="button"
      className={`thread-tab state--${stateKind}`}
      aria-pressed={pressed}
      title={`${name}: ${stateLabel}`}
      data-testid={`thread.tab.${name}`}
      onClick={() => onPick(name)}
    >
      <span aria-hidden="true">{running ? 'CPU ' : stateSymbol} </span>
      {name}
    </button>
  );
});

function ThreadTabs({
  threads,
  shown,
  running,
  onPick,
}: {
  readonly threads: readonly ThreadView[];
  readonly shown: readonly string[];
  readonly running: string | null;
  readonly onPick: (name: string) => void;
}) {
  return (
    <div className="thread-tabs" role="group" aria-label="Threads shown" data-testid="thread.tabs">
      {threads.map((t) => (
        <ThreadTab
          key={t.name}
          name={t.name}
          stateKind={t.stateKind}
          stateLabel={t.stateLabel}
          stateSymbol={t.stateSymbol}
          pressed={shown.includes(t.name)}
          running={t.name === running}
          onPick={onPick}
        />
      ))}
    </div>
  );
}

export function ThreadsPanel() {
  const store = useSimApi();
  const threads = useSim(selectThreads);
  const meta = useSim(selectMeta);
  const selection = useSim((s) => s.selection);
  const running = useSim((s) => s.frame?.running ?? null);
  const changed = useSim((s) => s.frame?.changes.threads);
  const fontScale = useSim((s) => s.fontScale);
  const [ref, box] = useBoxSize<HTMLDivElement>({ width: 700, height: 400, rem: 18 }, fontScale);
  // Threads most recently on the CPU or picked, latest first (kept across steps: stable columns).
  const [recent, setRecent] = useState<readonly string[]>([]);
  const [lastRunning, setLastRunning] = useState<string | null>(null);
  // Idle with no thread seen yet (the page opened or jumped there): keep the one that ran last.
  const idleUnseen = running === null && recent.length === 0;
  if (running !== lastRunning || idleUnseen) {
    setLastRunning(running);
    // Idle: keep the thread that ran last (after a jump, it may never have been seen running).
    const { source, cursor } = store.getState();
    const latest = running ?? (source ? ranLast(source.frame.bind(source), cursor) : null);
    if (latest !== null) setRecent((r) => [latest, ...r.filter((n) => n !== latest)]);
  }
  const onSelect = useCallback(
    (name: string) => {
      const state = store.getState();
      state.select(state.selection === name ? null : name);
    },
    [store],
  );
  const onPick = useCallback(
    (name: string) => setRecent((r) => [name, ...r.filter((n) => n !== name)]),
    [],
  );
  const room = useMemo(() => codeRoom(meta), [meta]);
  const fit = columnsThatFit(box.width / box.rem, room);
  const names = threads.map((t) => t.name);
  const shown = shownThreads(names, running, recent, fit);
  const tabbed = shown.length < threads.length;
  // A column's content width (rem): the columns share the width less their 0.4rem gaps, each less
  // its 2px borders and 0.4rem side padding (threads.css); each column's observer then refines it.
  const columnRem =
    (box.width / box.rem - 0.4 * (shown.length - 1)) / Math.max(1, shown.length) -
    4 / box.rem -
    0.8;
  const narrow = columnRem <= NARROW_REM;

  return (
    <Panel
      id="threads"
      title="Threads"
      className={tabbed ? 'threads-panel threads-panel--tabbed' : 'threads-panel'}
      aside={
        tabbed ? (
          <ThreadTabs threads={threads} shown={shown} running={running} onPick={onPick} />
        ) : undefined
      }
    >
      <div
        className="threads"
        ref={ref}
        style={{ ['--thread-count' as string]: shown.length }}
        data-columns={shown.length}
      >
        {threads
          .filter((t) => shown.includes(t.name))
          .map((t) => (
            <ThreadColumn
              key={t.name}
              thread={t}
              meta={meta?.threads.find((m) => m.name === t.name)}
              functions={meta?.functions}
              selected={selection === t.name}
              running={running === t.name}
              changed={changed?.includes(t.name) ?? false}
              onSelect={onSelect}
              narrow={narrow}
            />
          ))}
      </div>
    </Panel>
  );
}
