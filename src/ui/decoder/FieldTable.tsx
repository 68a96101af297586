// Every decoded field, as the CLI's `decode` prints it (key and value). A long list is split into
// two side-by-side tables, so the panel fits a 1280×720 projector without scrolling.
import { useId } from 'react';
import type { Json } from '../../kernel/abi/kinds';
import { formatJson } from './decodeWords';

interface FieldTableProps {
  readonly fields: Readonly<Record<string, Json>>;
}

/** Up to this many fields go in one table; more are split in two. */
const ONE_TABLE = 3;

export function FieldTable({ fields }: FieldTableProps) {
  const id = useId();
  const entries = Object.entries(fields);
  const half = entries.length > ONE_TABLE ? Math.ceil(entries.length / 2) : entries.length;
  const columns = [entries.slice(0, half), entries.slice(half)].filter((c) => c.length > 0);
  return (
    <section className="field-table" aria-labelledby={id} data-testid="decoder.fields">
      <h3 id={id} className="field-table__heading">
        Decoded fields
      </h3>
      <div className="field-table__columns">
        {columns.map((column, i) => (
          <table key={i} aria-labelledby={id}>
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Value</th>
              </tr>
            </thead>
            <tbody>
              {column.map(([key, value]) => (
                <tr key={key}>
                  <th scope="row">
                    <code>{key}</code>
                  </th>
                  <td data-testid={`decoder.value.${key}`}>
                    <code>{formatJson(value)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
    </section>
  );
}
