// The Cap'n Proto panel: the message the selected thread holds (in MR1.. or in its buffer), every
// word named; the RPC tables of each side; and what each message cost. Data: selectCapnp
// (src/store/capnpView.ts); decoding lives in src/lang/capnp/.
import { selectCapnp } from '../../../store/capnpView';
import { useSim } from '../../hooks/useSim';
import { Panel } from '../Panel';
import { CostTable } from './CostTable';
import { RpcTables } from './RpcTables';
import { rpcSummary } from './rpcSummary';
import { WordTable } from './WordTable';
import './capnp.css';

export function CapnpPanel() {
  const view = useSim(selectCapnp);
  if (view === null || view.history.length === 0) return null;
  const m = view.message;
  return (
    <Panel id="capnp" title="Cap'n Proto">
      <div className="capnp" data-testid="capnp">
        <section className="capnp__message" aria-label="Message">
          <h3 className="capnp__title">
            {view.thread === null ? 'No thread' : view.thread} holds{' '}
            {m === null ? 'no Cap’n Proto message' : rpcSummary(m.rpc)}
          </h3>
          {m !== null && (
            <>
              <p className="capnp__where" data-testid="capnp.where">
                <strong>{m.place === 'registers' ? 'In the registers' : 'In a buffer'}:</strong>{' '}
                {m.where}. {m.bytes} bytes = {m.bytes / 8} Cap’n Proto words = {m.machineWords}{' '}
                {view.abi} words
                {m.place === 'registers' && m.machineWords > 63 ? ' — too many for MR1..MR63' : ''}.
              </p>
              <p className="capnp__segments" data-testid="capnp.segments">
                Segment table: {m.segments.length} segment{m.segments.length === 1 ? '' : 's'} (
                {m.segments.map((s, i) => `segment ${i}: ${s} words`).join(', ')})
              </p>
              {m.error && <p className="capnp__error">{m.error}</p>}
              <WordTable rows={m.rows} />
            </>
          )}
        </section>
        <section className="capnp__side" aria-label="RPC and cost">
          <RpcTables sides={view.sides} />
          <CostTable history={view.history} abi={view.abi} />
        </section>
      </div>
    </Panel>
  );
}
