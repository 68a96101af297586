// Address spaces with their threads and the mappings they received; one line when none has any.
import type { SpaceView } from '../../../store/viewModel';

export function AddressSpaces({ spaces }: { readonly spaces: readonly SpaceView[] }) {
  const mapped = spaces.some((sp) => sp.mappings.length > 0 || sp.memory.length > 0);
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
        {spaces.map((sp) => (
          <li key={sp.name} className="space" data-testid={`space.${sp.name}`}>
            <span className="space__name">{sp.name}</span>
            <span className="space__threads">{sp.threads.join(', ')}</span>
            {sp.mappings.length > 0 ? (
              <ul className="space__maps">
                {sp.mappings.map((m, i) => (
                  <li key={i} data-testid={`space.${sp.name}.map.${i}`}>
                    <code>{m.fpage}</code> {m.rights}
                    {m.from ? <span className="muted"> — {m.from}</span> : null}
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
        ))}
      </ul>
    </section>
  );
}
