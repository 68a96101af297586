// The servers panel and the life-cycle statechart share one place: when both are shown, tabs
// switch between them (servers first when the scenario has any). ← / → move between the tabs.
import { useState } from 'react';
import type { KeyboardEvent } from 'react';
import { selectHasServers } from '../../store/selectors';
import { useSim } from '../hooks/useSim';
import { ServersPanel } from './servers/ServersPanel';
import { StatechartPanel } from './StatechartPanel';

type Side = 'servers' | 'statechart';
const NAMES: Readonly<Record<Side, string>> = {
  servers: 'Servers',
  statechart: 'Thread life cycle',
};

export function SidePanels() {
  const hasServers = useSim(selectHasServers);
  const serversShown = useSim((s) => !s.hidden.includes('servers')) && hasServers;
  const chartShown = useSim((s) => !s.hidden.includes('statechart'));
  const [chosen, setChosen] = useState<Side | null>(null);
  if (!serversShown || !chartShown) {
    return (
      <div className="viz__side">
        {serversShown && <ServersPanel />}
        {chartShown && <StatechartPanel />}
      </div>
    );
  }
  const active: Side = chosen ?? 'servers';
  const tabs = (['servers', 'statechart'] as const).map((side) => (
    <button
      key={side}
      type="button"
      role="tab"
      id={`side-tab-${side}`}
      className="side-tab"
      aria-selected={side === active}
      tabIndex={side === active ? 0 : -1}
      data-testid={`side.tab.${side}`}
      onClick={() => setChosen(side)}
    >
      {NAMES[side]}
    </button>
  ));
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    e.stopPropagation();
    const next: Side = active === 'servers' ? 'statechart' : 'servers';
    setChosen(next);
    document.getElementById(`side-tab-${next}`)?.focus();
  };
  const heading = (
    <div className="side-tabs" role="tablist" aria-label="Side panels" onKeyDown={onKey}>
      {tabs}
    </div>
  );
  return (
    <div className="viz__side" role="tabpanel" aria-labelledby={`side-tab-${active}`}>
      {active === 'servers' ? (
        <ServersPanel heading={heading} />
      ) : (
        <StatechartPanel heading={heading} />
      )}
    </div>
  );
}
