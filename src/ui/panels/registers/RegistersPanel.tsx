// The register panel: at a transfer the sender's and the receiver's registers side by side, with
// the copied words travelling across; a clicked thread's registers; else the running thread's.
import { Fragment, useRef } from 'react';
import { selectMeta, selectRegisterThreads, selectTransfer } from '../../../store/selectors';
import type { ThreadView } from '../../../store/viewModel';
import { useSim } from '../../hooks/useSim';
import { useTravel } from '../../hooks/useTravel';
import { Panel } from '../Panel';
import { RegisterCard } from './RegisterCard';
import type { CardRole } from './RegisterCard';

export function RegistersPanel() {
  const names = useSim(selectRegisterThreads);
  const threads = useSim((s) => s.frame?.threads);
  const transfer = useSim(selectTransfer);
  const selection = useSim((s) => s.selection);
  const index = useSim((s) => s.frame?.index ?? -1);
  const animate = useSim((s) => s.animate);
  const abi = useSim(selectMeta)?.abi ?? 'amd64';
  const fontSize = Math.round(16 * useSim((s) => s.fontScale));
  const ref = useRef<HTMLDivElement>(null);
  const ok = transfer !== null && !transfer.failed;
  const copied = ok ? 1 + transfer.tag.u + transfer.tag.t : 0;
  useTravel(
    ref,
    ok ? { from: transfer.from, to: transfer.to, count: copied } : null,
    animate,
    index,
  );

  const cards = names
    .map((n) => threads?.find((t) => t.name === n))
    .filter((t): t is ThreadView => t !== undefined);
  const roleOf = (name: string): CardRole => {
    if (ok && name === transfer.from) return 'sender';
    if (ok && name === transfer.to) return 'receiver';
    return name === selection ? 'selected' : null;
  };

  return (
    <Panel
      id="registers"
      title="Registers"
      aside={<span className="vpanel__note">click a thread's name to pin its registers</span>}
    >
      <div className="registers" ref={ref} style={{ ['--cards' as string]: cards.length }}>
        {cards.map((t, i) => (
          <Fragment key={t.name}>
            {i === 1 && ok && roleOf(t.name) === 'receiver' && (
              <div className="registers__transfer" aria-hidden="true">
                <span className="registers__arrow">⟶</span>
                <span>
                  MR0..MR{copied - 1}
                  <br />
                  copied
                </span>
              </div>
            )}
            <RegisterCard
              thread={t}
              abi={abi}
              role={roleOf(t.name)}
              copied={ok && (t.name === transfer.from || t.name === transfer.to) ? copied : 0}
              fontSize={fontSize}
              place={`${cards.length}${ok ? ' transfer' : ''} ${i}`}
            />
          </Fragment>
        ))}
        {cards.length === 0 && <p className="muted">No thread to show.</p>}
      </div>
    </Panel>
  );
}
