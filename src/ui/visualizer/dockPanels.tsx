// The panels the dock (below the sequence chart) holds (variables, registers, servers, life cycle),
// in tab order, and the group each belongs
// to: on a wide dock the groups sit side by side, on a narrow one all share one row of tabs. A new
// panel is one entry here (its id in PANEL_IDS, src/store/createSimStore.ts).
import { lazy, Suspense } from 'react';
import type { ReactNode } from 'react';
import { selectHasCapnp } from '../../store/hasCapnp';
import type { PanelId, SimState } from '../../store/createSimStore';
import { selectHasServers } from '../../store/selectors';
import { RegistersPanel } from '../panels/registers/RegistersPanel';
import { ServersPanel } from '../panels/servers/ServersPanel';
import { StatechartPanel } from '../panels/StatechartPanel';
import { VariablesPanel } from '../panels/variables/VariablesPanel';

export interface DockEntry {
  readonly id: PanelId;
  /** The tab's word. */
  readonly tab: string;
  /**
   * On a wide dock, 0: the registers; 1: variables, servers and life cycle (so registers and
   * variables are both in view). On a narrow one every entry shares one row of tabs.
   */
  readonly group: 0 | 1;
  /** Whether the run has anything for the panel (servers only when there is a heap or mapping). */
  readonly available?: (s: SimState) => boolean;
  readonly render: () => ReactNode;
}

// Loaded when its tab is first shown.
const CapnpPanel = lazy(() =>
  import('../panels/capnp/CapnpPanel').then((m) => ({ default: m.CapnpPanel })),
);

/** In tab order; the first available is shown until the user picks another. */
export const DOCK_PANELS: readonly DockEntry[] = [
  { id: 'variables', tab: 'Variables', group: 1, render: () => <VariablesPanel /> },
  { id: 'registers', tab: 'Registers', group: 0, render: () => <RegistersPanel /> },
  {
    id: 'servers',
    tab: 'Servers',
    group: 1,
    available: selectHasServers,
    render: () => <ServersPanel />,
  },
  { id: 'statechart', tab: 'Life cycle', group: 1, render: () => <StatechartPanel /> },
  {
    id: 'capnp',
    tab: "Cap'n Proto",
    group: 1,
    available: selectHasCapnp,
    render: () => (
      <Suspense fallback={null}>
        <CapnpPanel />
      </Suspense>
    ),
  },
];
