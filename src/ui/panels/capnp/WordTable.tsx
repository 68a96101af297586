// Every word of the message: where it is (MR or address), the word, what it is, and for data
// words each field by schema name with its raw bits, its default and the XOR that gives its value.
import type { DataField, LabelledRow } from '../../../lang';

const hex16 = (w: bigint) => w.toString(16).padStart(16, '0');

function Field({ f }: { readonly f: DataField }) {
  const xor = f.default !== 0n;
  return (
    <li className="capnp__field">
      <code>{f.name}</code>{' '}
      <span className="muted">
        bits {f.bit}–{f.bit + f.bits - 1}
      </span>{' '}
      {xor ? (
        <>
          raw {f.raw.toString()} ⊕ default {f.default.toString()} ={' '}
          <strong>{f.value.toString()}</strong>
        </>
      ) : (
        <strong>{f.value.toString()}</strong>
      )}
    </li>
  );
}

export function WordTable({ rows }: { readonly rows: readonly LabelledRow[] }) {
  return (
    <table className="capnp__words" data-testid="capnp.words">
      <thead>
        <tr>
          <th scope="col">Where</th>
          <th scope="col">Word</th>
          <th scope="col">Seg:word</th>
          <th scope="col">Kind</th>
          <th scope="col">What it says</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr
            key={r.index}
            className={`capnp__row capnp__row--${r.role.replace(/ /g, '-')}`}
            data-testid={`capnp.word.${r.index}`}
          >
            <th scope="row" className="capnp__loc">
              {r.location}
            </th>
            <td>
              <code>{hex16(r.word)}</code>
            </td>
            <td className="muted">{r.segment < 0 ? 'table' : `${r.segment}:${r.offset}`}</td>
            <td className="capnp__role">{r.role}</td>
            <td>
              {r.text}
              {r.fields.some((f) => f.default !== 0n) && (
                <ul className="capnp__fields">
                  {r.fields.map((f) => (
                    <Field key={f.name} f={f} />
                  ))}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
