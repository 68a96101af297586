// Keyboard: → / Space next, ← back, Home / End, k play/pause, ? help. Keys typed into a field, or
// pressed on a control that uses them itself (Space on a button, arrows on the scrubber or in the
// word decoder), are left alone, and so is anything with Ctrl, Alt or Meta.
import { useEffect } from 'react';
import type { SimStoreApi } from '../../store/createSimStore';
import { useSimApi } from './useSim';

/** What a key does, or null when the page should not take it from `target`. */
export function stepKeyAction(
  key: string,
  target: {
    readonly tagName?: string;
    readonly type?: string;
    readonly isContentEditable?: boolean;
    readonly role?: string | null;
    /** Inside a widget that moves with these keys itself (the word decoder's strips, tabs). */
    readonly ownsKeys?: boolean;
  },
): 'next' | 'prev' | 'first' | 'last' | 'play' | 'help' | null {
  const tag = (target.tagName ?? '').toUpperCase();
  if (target.ownsKeys && key !== 'k' && key !== 'K' && key !== '?') return null;
  if (tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable) return null;
  if (tag === 'INPUT' && target.type !== 'range' && target.type !== 'checkbox') return null;
  const onRange = tag === 'INPUT' && target.type === 'range';
  const onButton =
    tag === 'BUTTON' ||
    tag === 'SUMMARY' ||
    target.role === 'button' ||
    (tag === 'INPUT' && target.type === 'checkbox');
  switch (key) {
    case 'ArrowRight':
      return onRange ? null : 'next';
    case ' ':
    case 'Spacebar':
      return onButton ? null : 'next';
    case 'ArrowLeft':
      return onRange ? null : 'prev';
    case 'Home':
      return onRange ? null : 'first';
    case 'End':
      return onRange ? null : 'last';
    case 'k':
    case 'K':
      return 'play';
    case '?':
      return 'help';
    default:
      return null;
  }
}

function perform(store: SimStoreApi, action: NonNullable<ReturnType<typeof stepKeyAction>>): void {
  const s = store.getState();
  switch (action) {
    case 'next':
      return s.next();
    case 'prev':
      return s.prev();
    case 'first':
      return s.first();
    case 'last':
      return s.last();
    case 'play':
      return s.togglePlay();
    case 'help':
      return s.setHelpOpen(!s.helpOpen);
  }
}

export function useStepKeys(): void {
  const store = useSimApi();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.altKey || e.metaKey || e.defaultPrevented) return;
      if (store.getState().helpOpen && e.key !== '?') return;
      const t = e.target instanceof HTMLElement ? e.target : null;
      const action = stepKeyAction(e.key, {
        tagName: t?.tagName ?? '',
        type: t instanceof HTMLInputElement ? t.type : '',
        isContentEditable: t?.isContentEditable ?? false,
        role: t?.getAttribute('role') ?? null,
        ownsKeys: (t?.closest('.decoder, [role="tablist"]') ?? null) !== null,
      });
      if (!action) return;
      e.preventDefault();
      perform(store, action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
