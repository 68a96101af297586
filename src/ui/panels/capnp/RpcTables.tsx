// The four tables of each side of the connection: questions, answers, imports, exports.
import type { SideTables, TableRow } from '../../../lang';

const TABLES = ['questions', 'answers', 'imports', 'exports'] as const;

function Rows({ rows }: { readonly rows: readonly TableRow[] }) {
  if (rows.length === 0) return <span className="muted">empty</span>;
  return (
    <ul className="capnp__entries">
      {rows.map((r) => (
        <li key={r.id}>
          <strong>#{r.id}</strong> {r.what} <span className="muted">— {r.state}</span>
        </li>
      ))}
    </ul>
  );
}

export function RpcTables({ sides }: { readonly sides: readonly SideTables[] }) {
  return (
    <section aria-label="RPC tables" data-testid="capnp.tables">
      <h3 className="capnp__title">RPC tables</h3>
      <div className="capnp__sides">
        {sides.map((s) => (
          <dl key={s.side} className="capnp__tables" data-testid={`capnp.tables.${s.side}`}>
            <div className="capnp__sidename">{s.side}</div>
            {TABLES.map((t) => (
              <div key={t} className="capnp__table">
                <dt>{t}</dt>
                <dd>
                  <Rows rows={s[t]} />
                </dd>
              </div>
            ))}
          </dl>
        ))}
      </div>
    </section>
  );
}
