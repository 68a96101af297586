// Servers: the memory server's heap map, the scheduler server's run queue, and every address space
// with its threads and mappings.
import type { ReactNode } from 'react';
import { selectHasServers } from '../../../store/selectors';
import { useSim } from '../../hooks/useSim';
import { Panel } from '../Panel';
import { AddressSpaces } from './AddressSpaces';
import { HeapMap } from './HeapMap';

export function ServersPanel({ heading }: { readonly heading?: ReactNode }) {
  const heap = useSim((s) => s.frame?.heap ?? null);
  const runQueue = useSim((s) => s.frame?.runQueue ?? null);
  const spaces = useSim((s) => s.frame?.spaces);
  const index = useSim((s) => s.frame?.index ?? 0);
  const has = useSim(selectHasServers);
  // Nothing to draw in a scenario without servers or mappings: leave the room to the others.
  if (!has) return null;
  return (
    <Panel id="servers" title="Servers and address spaces" heading={heading}>
      <div className="servers">
        {heap && <HeapMap heap={heap} />}
        {runQueue && (
          <section
            className="runqueue"
            data-testid="runqueue"
            aria-label={`Run queue of ${runQueue.server}`}
          >
            <h3 className="servers__title">Run queue of {runQueue.server}</h3>
            <ol className="runqueue__list">
              {runQueue.queue.length === 0 && <li className="muted">empty</li>}
              {runQueue.queue.map((name, i) => (
                <li key={`${i}.${name}`} className="chip">
                  {i === 0 ? <span className="runqueue__head">next ▸ </span> : null}
                  {name}
                </li>
              ))}
            </ol>
          </section>
        )}
        {spaces && <AddressSpaces spaces={spaces} index={index} />}
      </div>
    </Panel>
  );
}
