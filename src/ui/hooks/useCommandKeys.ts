// The keyboard handler: a key press becomes the registry's command (session/keys.ts decides which,
// from the command list and the element the key was pressed on).
import { useEffect } from 'react';
import { perform } from '../../session/commands';
import { keyCommand } from '../../session/keys';
import { useSession } from './useSession';

export function useCommandKeys(): void {
  const { commands } = useSession();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.altKey || e.metaKey || e.defaultPrevented) return;
      const t = e.target instanceof HTMLElement ? e.target : null;
      const name = keyCommand(e.key, {
        tagName: t?.tagName ?? '',
        type: t instanceof HTMLInputElement ? t.type : '',
        isContentEditable: t?.isContentEditable ?? false,
        role: t?.getAttribute('role') ?? null,
        ownsKeys: (t?.closest('.decoder, [role="tablist"], [role="separator"]') ?? null) !== null,
      });
      if (!name) return;
      // With the help open, only its own key works (Escape is the dialog's).
      if (commands.store.getState().helpOpen && name !== 'help') return;
      e.preventDefault();
      perform(commands, name);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [commands]);
}
