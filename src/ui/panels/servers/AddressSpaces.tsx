// Address spaces with their threads and mappings, and the mapping tree (who mapped what to whom,
// kept by the kernel's mapping database, src/kernel/mdb.ts). Pages that arrive slide in; pages
// that left at the frame on show, stepping forward, stay that one frame, struck through (no motion
// when reduced).
import { useState } from 'react';
import type { MappingView, SpaceView } from '../../../store/viewModel';

interface Node {
  readonly space: string;
  readonly mapping: MappingView;
}

function contentKey(spaces: readonly SpaceView[]): string {
  return spaces.map((sp) => sp.mappings.map((m) => `${m.key}/${m.rights}`).join(',')).join(';');
}

interface Seen {
  readonly key: string;
  readonly index: number;
  readonly spaces: readonly SpaceView[];
  /** The frame before the last change of the mappings, and where that change was seen. */
  readonly prev: readonly SpaceView[];
  readonly changedAt: number;
  /** The change was seen stepping forward (a step back that loses pages unmapped nothing). */
  readonly forward: boolean;
}

/**
 * The mappings that left at the frame on show: those of the frame before, when the change was seen
 * stepping forward onto this frame. One frame only: the next step, or a step back before the
 * pages arrived, shows no "unmapped" line.
 */
function useDeparted(spaces: readonly SpaceView[], index: number): Map<string, Node[]> {
  const key = contentKey(spaces);
  const [seen, setSeen] = useState<Seen>({
    key,
    index,
    spaces,
    prev: spaces,
    changedAt: index,
    forward: false,
  });
  if (seen.key !== key)
    setSeen({
      key,
      index,
      spaces,
      prev: seen.spaces,
      changedAt: index,
      forward: index > seen.index,
    });
  else if (seen.index !== index) setSeen({ ...seen, index, spaces });
  const gone = new Map<string, Node[]>();
  if (seen.key !== key || seen.changedAt !== index || !seen.forward) return gone;
  const now = new Set(spaces.flatMap((sp) => sp.mappings.map((m) => m.key)));
  for (const sp of seen.prev) {
    const left = sp.mappings.filter((m) => !now.has(m.key));
    if (left.length > 0)
      gone.set(
        sp.name,
        left.map((mapping) => ({ space: sp.name, mapping })),
      );
  }
  return gone;
}

function Tree({ spaces }: { readonly spaces: readonly SpaceView[] }) {
  const nodes: Node[] = spaces.flatMap((sp) =>
    sp.mappings.map((mapping) => ({ space: sp.name, mapping })),
  );
  const children = new Map<string, Node[]>();
  for (const n of nodes) {
    if (n.mapping.parent === null) continue;
    children.set(n.mapping.parent, [...(children.get(n.mapping.parent) ?? []), n]);
  }
  const roots = nodes.filter((n) => n.mapping.parent === null && children.has(n.mapping.key));
  if (roots.length === 0) return null;
  const render = (n: Node) => (
    <li key={n.mapping.key} className="mdb__node" data-testid={`mdb.${n.mapping.key}`}>
      <span className="space__name">{n.space}</span> <code>{n.mapping.fpage}</code>{' '}
      {n.mapping.rights}
      {children.has(n.mapping.key) ? (
        <ul className="mdb__children">{(children.get(n.mapping.key) ?? []).map(render)}</ul>
      ) : null}
    </li>
  );
  return (
    <div className="mdb" data-testid="mdb">
      <h4 className="servers__title">Mapping tree: who mapped what to whom</h4>
      <ul className="mdb__roots">{roots.map(render)}</ul>
    </div>
  );
}

export function AddressSpaces({
  spaces,
  index,
}: {
  readonly spaces: readonly SpaceView[];
  /** The frame on show (a step forward that loses pages shows them struck through). */
  readonly index: number;
}) {
  const departed = useDeparted(spaces, index);
  const mapped =
    spaces.some((sp) => sp.mappings.length > 0 || sp.memory.length > 0) || departed.size > 0;
  if (!mapped) {
    return (
      <p className="spaces spaces--plain" data-testid="spaces">
        <span className="servers__title">Address spaces: </span>
        {spaces.map((sp, i) => (
          <span key={sp.name} data-testid={`space.${sp.name}`}>
            {i > 0 ? ', ' : ''}
            <code>{sp.name}</code>
            {sp.threads.length === 1 && sp.threads[0] === sp.name
              ? ''
              : ` (${sp.threads.join(', ')})`}
          </span>
        ))}
        <span className="muted"> — no mappings yet</span>
      </p>
    );
  }
  return (
    <section className="spaces" aria-label="Address spaces" data-testid="spaces">
      <h3 className="servers__title">Address spaces</h3>
      <ul className="spaces__list">
        {spaces.map((sp) => {
          const gone = departed.get(sp.name) ?? [];
          return (
            <li key={sp.name} className="space" data-testid={`space.${sp.name}`}>
              <span className="space__name">{sp.name}</span>
              <span className="space__threads">{sp.threads.join(', ')}</span>
              {sp.mappings.length + gone.length > 0 ? (
                <ul className="space__maps">
                  {sp.mappings.map((m, i) => (
                    <li
                      key={m.key}
                      className="space__map"
                      data-testid={`space.${sp.name}.map.${i}`}
                    >
                      <code>{m.fpage}</code> {m.rights}
                      {m.from ? <span className="muted"> — {m.from}</span> : null}
                    </li>
                  ))}
                  {gone.map((n) => (
                    <li
                      key={`gone:${n.mapping.key}`}
                      className="space__map space__map--gone"
                      data-testid={`space.${sp.name}.gone`}
                    >
                      <code>{n.mapping.fpage}</code> <span className="muted">— unmapped</span>
                    </li>
                  ))}
                </ul>
              ) : (
                <span className="muted space__none">no mappings</span>
              )}
              {sp.memory.length > 0 ? (
                <ul className="space__maps" aria-label={`Memory of ${sp.name}`}>
                  {sp.memory.map((page) => (
                    <li key={page.base} data-testid={`space.${sp.name}.memory.${page.base}`}>
                      memory <code>{page.base}</code>: {page.used} words written{' '}
                      <code className="muted">{page.head.join(' ')} …</code>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ul>
      <Tree spaces={spaces} />
    </section>
  );
}
