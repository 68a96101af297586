// The dock below the sequence chart: variables, registers, servers, the life cycle (dockPanels.tsx). Wide
// enough (from its own ResizeObserver, made once), its groups sit side by side; otherwise one row
// of tabs switches between them. A hidden panel gives its place to the others; ← / → move between
// tabs (and stop there: they do not step the run).
import { useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { PanelId } from '../../store/createSimStore';
import { useBoxSize } from '../hooks/useBoxSize';
import { useSim } from '../hooks/useSim';
import { PanelHeading } from '../panels/Panel';
import { DOCK_PANELS } from './dockPanels';
import type { DockEntry } from './dockPanels';

/** Width (in rem) from which the two groups sit side by side. */
const SPLIT_REM = 32;

function TabGroup({
  entries,
  active,
  onChoose,
}: {
  readonly entries: readonly DockEntry[];
  readonly active: DockEntry;
  readonly onChoose: (id: PanelId) => void;
}) {
  if (entries.length === 1) return <div className="dock__group">{active.render()}</div>;
  const tabId = (id: PanelId) => `dock-tab-${id}`;
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    e.stopPropagation();
    const at = entries.indexOf(active);
    const next = entries[(at + (e.key === 'ArrowLeft' ? -1 : 1) + entries.length) % entries.length];
    if (!next) return;
    onChoose(next.id);
    document.getElementById(tabId(next.id))?.focus();
  };
  const tabs = (
    <div className="dock__tabs" role="tablist" aria-label="Panels" onKeyDown={onKey}>
      {entries.map((e) => (
        <button
          key={e.id}
          type="button"
          role="tab"
          id={tabId(e.id)}
          className="dock__tab"
          aria-selected={e === active}
          aria-controls={`dock-panel-${e.id}`}
          tabIndex={e === active ? 0 : -1}
          data-testid={`dock.tab.${e.id}`}
          onClick={() => onChoose(e.id)}
        >
          {e.tab}
        </button>
      ))}
    </div>
  );
  return (
    <div
      className="dock__group"
      role="tabpanel"
      id={`dock-panel-${active.id}`}
      aria-labelledby={tabId(active.id)}
    >
      <PanelHeading.Provider value={tabs}>{active.render()}</PanelHeading.Provider>
    </div>
  );
}

export function Dock() {
  // One boolean per entry: re-renders when a panel becomes available, not at every step.
  const availableKey = useSim((s) =>
    DOCK_PANELS.map((e) => (e.available ? e.available(s) : true) && !s.hidden.includes(e.id))
      .map((on) => (on ? '1' : '0'))
      .join(''),
  );
  const fontScale = useSim((s) => s.fontScale);
  const [ref, box] = useBoxSize<HTMLDivElement>({ width: 600, height: 300, rem: 16 }, fontScale);
  // Most recently chosen first: each group shows the latest chosen of its panels.
  const [chosen, setChosen] = useState<readonly PanelId[]>([]);
  const shown = DOCK_PANELS.filter((_, i) => availableKey[i] === '1');
  const split = box.width >= SPLIT_REM * box.rem;
  const groups = split
    ? [shown.filter((e) => e.group === 0), shown.filter((e) => e.group === 1)]
    : [shown];
  const choose = (id: PanelId) => setChosen((c) => [id, ...c.filter((x) => x !== id)]);
  return (
    <div className={`dock${split ? ' dock--split' : ''}`} ref={ref} data-testid="dock">
      {groups
        .filter((g) => g.length > 0)
        .map((g) => {
          const active = chosen.map((id) => g.find((e) => e.id === id)).find((e) => e) ?? g[0];
          return active ? (
            <TabGroup key={g[0]?.id} entries={g} active={active} onChoose={choose} />
          ) : null;
        })}
    </div>
  );
}
