// Which panels are shown: a disclosure with one checkbox per panel (the word decoder is a dialog
// opened from the bar, not a panel to hide).
import { PANEL_IDS } from '../../store/createSimStore';
import type { PanelId } from '../../store/createSimStore';
import { useSim, useSimApi } from '../hooks/useSim';

/** Names in the menu; a panel not named here is listed by its id. */
export const PANEL_NAMES: Readonly<Partial<Record<PanelId, string>>> = {
  threads: 'Threads',
  chart: 'Message sequence',
  registers: 'Registers',
  variables: 'Variables',
  servers: 'Servers',
  statechart: 'Life cycle',
  decoder: 'Word decoder',
  capnp: "Cap'n Proto",
};

export function PanelMenu() {
  const hidden = useSim((s) => s.hidden);
  const store = useSimApi();
  return (
    <details className="panel-menu" data-testid="panels.menu">
      <summary
        title="Show or hide panels"
        aria-label={`Panels${hidden.length > 0 ? ` (${hidden.length} hidden)` : ''}`}
      >
        <span aria-hidden="true">☰</span>
        <span className="panel-menu__word">
          Panels{hidden.length > 0 ? ` (${hidden.length} hidden)` : ''}
        </span>
      </summary>
      <fieldset className="panel-menu__list">
        <legend className="visually-hidden">Show panels</legend>
        {PANEL_IDS.filter((id) => id !== 'decoder').map((id) => (
          <label key={id} className="panel-menu__item">
            <input
              type="checkbox"
              checked={!hidden.includes(id)}
              data-testid={`panels.${id}`}
              onChange={() => store.getState().togglePanel(id)}
            />{' '}
            {PANEL_NAMES[id] ?? id}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
