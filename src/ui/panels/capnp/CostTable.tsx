// What each Cap'n Proto message so far cost: words in the MRs, bytes in the buffer, kernel entries,
// and the same message as a hand-packed struct of words (src/servers/kvstore.c's style).
import type { Abi } from '../../../kernel/abi/word';
import type { CapnpHistoryItem } from '../../../store/capnpView';
import { rpcSummary } from './rpcSummary';

export function CostTable({
  history,
  abi,
}: {
  readonly history: readonly CapnpHistoryItem[];
  readonly abi: Abi;
}) {
  return (
    <section aria-label="Cost per message" data-testid="capnp.cost">
      <h3 className="capnp__title">Cost per message ({abi} words)</h3>
      <table className="capnp__cost">
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">Message</th>
            <th scope="col">MR words</th>
            <th scope="col">Buffer bytes</th>
            <th scope="col">Kernel entries</th>
            <th scope="col">Hand-packed</th>
          </tr>
        </thead>
        <tbody>
          {history.map((h) => (
            <tr key={`${h.step}.${h.from}`}>
              <td>{h.step}</td>
              <td>
                {h.from} → {h.to}: {rpcSummary(h.message.rpc)}
              </td>
              <td className="capnp__num">{h.cost.registerWords}</td>
              <td className="capnp__num">{h.cost.bufferBytes}</td>
              <td className="capnp__num" title={h.cost.entries}>
                {h.cost.kernelEntries}
              </td>
              <td>
                {h.cost.packedWords} <span className="muted">{h.cost.packedStruct}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
