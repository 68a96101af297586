// Which panels are shown: a disclosure with one checkbox per panel.
import { PANEL_IDS } from '../../store/createSimStore';
import type { PanelId } from '../../store/createSimStore';
import { useSim, useSimApi } from '../hooks/useSim';

export const PANEL_NAMES: Readonly<Record<PanelId, string>> = {
  threads: 'Threads',
  chart: 'Message sequence',
  registers: 'Registers',
  variables: 'Variables',
  servers: 'Servers',
  statechart: 'Life cycle',
  decoder: 'Word decoder',
};

export function PanelMenu() {
  const hidden = useSim((s) => s.hidden);
  const store = useSimApi();
  return (
    <details className="panel-menu" data-testid="panels.menu">
      <summary>Panels{hidden.length > 0 ? ` (${hidden.length} hidden)` : ''}</summary>
      <fieldset className="panel-menu__list">
        <legend className="visually-hidden">Show panels</legend>
        {PANEL_IDS.map((id) => (
          <label key={id} className="panel-menu__item">
            <input
              type="checkbox"
              checked={!hidden.includes(id)}
              data-testid={`panels.${id}`}
              onChange={() => store.getState().togglePanel(id)}
            />{' '}
            {PANEL_NAMES[id]}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
