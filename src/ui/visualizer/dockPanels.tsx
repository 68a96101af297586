// The panels the dock (below the sequence chart) holds, in tab order, and the group each belongs
// to: on a wide dock the groups sit side by side, on a narrow one all share one row of tabs. A new
// panel is one entry here (its id in PANEL_IDS, src/store/createSimStore.ts).
import { lazy, Suspense } from 'react';
import type { ReactNode } from 'react';
import { selectHasCapnp } from '../../store/capnpView';
import type { PanelId, SimState } from '../../store/createSimStore';
import { selectHasServers } from '../../store/selectors';
import { RegistersPanel } from '../panels/registers/RegistersPanel';
import { VariablesPanel } from '../panels/variables/VariablesPanel';
import { ServersPanel } from '../panels/servers/ServersPanel';
import { StatechartPanel } from '../panels/StatechartPanel';

export interface DockEntry {
  readonly id: PanelId;
  /** The tab's word. */
  readonly tab: string;
  /** 0: the thread's machine state (registers, variables); 1: the system (servers, life cycle). */
  readonly group: 0 | 1;
  /** Whether the run has anything for the panel (servers only when there is a heap or mapping). */
  readonly available?: (s: SimState) => boolean;
  readonly render: () => ReactNode;
}

// Only lessons that carry Cap'n Proto messages need its decoder: loaded when first shown.
const CapnpPanel = lazy(() =>
  import('../panels/capnp/CapnpPanel').then((m) => ({ default: m.CapnpPanel })),
);

export const DOCK_PANELS: readonly DockEntry[] = [
  { id: 'registers', tab: 'Registers', group: 0, render: () => <RegistersPanel /> },
  { id: 'variables', tab: 'Variables', group: 0, render: () => <VariablesPanel /> },
  {
    id: 'capnp',
    tab: "Cap'n Proto",
    group: 0,
    available: selectHasCapnp,
    render: () => (
      <Suspense fallback={null}>
        <CapnpPanel />
      </Suspense>
    ),
  },
  {
    id: 'servers',
    tab: 'Servers',
    group: 1,
    available: selectHasServers,
    render: () => <ServersPanel />,
  },
  { id: 'statechart', tab: 'Life cycle', group: 1, render: () => <StatechartPanel /> },
];
