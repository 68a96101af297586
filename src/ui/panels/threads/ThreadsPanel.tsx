// The threads panel: one column per thread, side by side (scrolling sideways past what fits).
import { useCallback } from 'react';
import { selectMeta, selectThreads } from '../../../store/selectors';
import { useSim, useSimApi } from '../../hooks/useSim';
import { Panel } from '../Panel';
import { ThreadColumn } from './ThreadColumn';

export function ThreadsPanel() {
  const store = useSimApi();
  const threads = useSim(selectThreads);
  const meta = useSim(selectMeta);
  const selection = useSim((s) => s.selection);
  const running = useSim((s) => s.frame?.running ?? null);
  const changed = useSim((s) => s.frame?.changes.threads);
  const onSelect = useCallback(
    (name: string) => {
      const state = store.getState();
      state.select(state.selection === name ? null : name);
    },
    [store],
  );

  return (
    <Panel id="threads" title="Threads" className="threads-panel">
      <div className="threads" style={{ ['--thread-count' as string]: threads.length }}>
        {threads.map((t) => (
          <ThreadColumn
            key={t.name}
            thread={t}
            meta={meta?.threads.find((m) => m.name === t.name)}
            functions={meta?.functions}
            selected={selection === t.name}
            running={running === t.name}
            changed={changed?.includes(t.name) ?? false}
            onSelect={onSelect}
          />
        ))}
      </div>
    </Panel>
  );
}
