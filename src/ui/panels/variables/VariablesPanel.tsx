// The variables panel, as Python Tutor shows them: the selected (or running) thread's call stack,
// innermost first, each frame with every argument, local and struct field and its value in hex,
// in decimal and what it means (MEM_ALLOC, a thread's name, a decoded tag); what this step
// changed is marked (colour and ✎). Below, the thread's latest server-helper results.
import { memo } from 'react';
import { selectVariables } from '../../../store/selectors';
import type { StackFrameView, VariableView } from '../../../store/viewModel';
import { useSim } from '../../hooks/useSim';
import { Panel } from '../Panel';
import { sameData } from '../sameData';

function ValueCells({ v }: { readonly v: VariableView }) {
  if (v.children.length > 0) return <td className="var__value" colSpan={2} />;
  // Decimal helps with sizes and counts; a thread id or a tag reads better by its meaning.
  const showDecimal = v.decimal !== null && v.decimal.length > 1 && v.meaning === null;
  return (
    <>
      <td className="var__value" data-testid={`var.${v.path}`}>
        {v.text}
        {showDecimal && <span className="var__dec"> = {v.decimal}</span>}
      </td>
      <td className="var__meaning">{v.meaning}</td>
    </>
  );
}

interface RowsProps {
  readonly v: VariableView;
  readonly depth: number;
}

/** A variable's rows, drawn again only when the variable looks different (a step brings new views). */
const Rows = memo(
  function Rows({ v, depth }: RowsProps) {
    return (
      <>
        <tr
          className={v.changed ? 'var var--changed' : 'var'}
          data-changed={v.changed || undefined}
        >
          <th
            scope="row"
            className="var__name"
            title={v.type}
            style={{ paddingLeft: `${0.3 + depth * 0.9}rem` }}
          >
            <span className="var__mark" aria-hidden="true">
              {v.changed ? '✎' : ''}
            </span>
            {depth === 0 ? v.name : v.name.startsWith('[') ? v.name : `.${v.name}`}
            {v.changed && <span className="visually-hidden"> (changed)</span>}
          </th>
          <ValueCells v={v} />
        </tr>
        {v.children.map((c) => (
          <Rows key={c.path} v={c} depth={depth + 1} />
        ))}
        {v.hidden > 0 && (
          <tr className="var var--more">
            <td colSpan={3} style={{ paddingLeft: `${0.3 + (depth + 1) * 0.9}rem` }}>
              … {v.hidden} more, all zero
            </td>
          </tr>
        )}
      </>
    );
  },
  (a: RowsProps, b: RowsProps) => a.depth === b.depth && sameData(a.v, b.v),
);

function FrameTable({ frame, top }: { readonly frame: StackFrameView; readonly top: boolean }) {
  return (
    <section
      className={top ? 'vframe vframe--top' : 'vframe'}
      data-testid={`vars.frame.${frame.fn}`}
    >
      <h3 className="vframe__head">
        {frame.fn}()
        {frame.line !== null && <span className="vframe__line"> line {frame.line}</span>}
        {top && <span className="vframe__top"> innermost</span>}
      </h3>
      {frame.vars.length === 0 ? (
        <p className="muted vframe__empty">no variables</p>
      ) : (
        <table className="vars">
          <thead className="visually-hidden">
            <tr>
              <th scope="col">name</th>
              <th scope="col">value</th>
              <th scope="col">meaning</th>
            </tr>
          </thead>
          <tbody>
            {frame.vars.map((v, i) => (
              <Rows key={i} v={v} depth={0} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function VariablesPanel() {
  const view = useSim(selectVariables);
  return (
    <Panel
      id="variables"
      title="Variables"
      aside={
        view && (
          <span className="vpanel__note" data-testid="vars.thread">
            {view.thread}
          </span>
        )
      }
    >
      {view === null ? (
        <p className="muted">No variables to show.</p>
      ) : (
        <div className="variables" tabIndex={0} aria-label={`Variables of ${view.thread}`}>
          {/* Innermost first: the frame that runs is always in view, its callers below it. */}
          {/* Keyed by place (innermost first), not by function: when another thread's stack is
              shown, each table and row is filled in again rather than made anew. */}
          {view.frames
            .map((f, i) => ({ f, i }))
            .reverse()
            .map(({ f, i }, place) => (
              <FrameTable key={place} frame={f} top={i === view.frames.length - 1} />
            ))}
          {view.helpers.length > 0 && (
            <section className="vframe vframe--helpers" data-testid="vars.helpers">
              <h3 className="vframe__head">server helpers</h3>
              <ul className="vhelpers">
                {view.helpers.map((h) => (
                  <li key={`${h.step}-${h.text}`}>
                    {h.text} <span className="muted">(step {h.step})</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
      )}
    </Panel>
  );
}
