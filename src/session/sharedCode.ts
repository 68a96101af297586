// A share link with the learner's code (`#code=…`, url/codeFragment.ts): once read, the code goes
// into the store with the step the link names and the editor opens with it, which runs it (so its
// messages show at their lines); it is not saved as a draft until the learner keeps or edits it.
// A fragment that cannot be read leaves the link's lesson on show, with the reason as the notice.
import type { SimStoreApi } from '../store/createSimStore';
import { codeParam } from './url/codeParam';
import type { AddressOptions } from './url/options';

/** The draft key of code that came with a link: its scenario's id, or `shared`. */
export const sharedKey = (options: AddressOptions): string =>
  options.scenario !== undefined && options.scenario !== '' ? options.scenario : 'shared';

/** Reads the address's code fragment, if any; resolves once the code (or the notice) is shown. */
export async function openSharedCode(
  store: SimStoreApi,
  hash: string,
  options: AddressOptions,
  settled: () => Promise<unknown>,
): Promise<void> {
  const fragment = codeParam(hash);
  if (fragment === null) return;
  const { decodeCodeFragment } = await import('./url/codeFragment');
  const decoded = await decodeCodeFragment(fragment);
  if (!decoded.ok) {
    // After the lesson's own open, whose notice (or none) would otherwise replace this one.
    await settled();
    store.getState().setNotice(decoded.message);
    return;
  }
  const step = options.step !== undefined && Number.isFinite(options.step) ? options.step : 0;
  store.getState().setCode({
    key: sharedKey(options),
    workspace: { path: decoded.code.path, own: decoded.code.files },
    fromLink: true,
    step,
  });
  store.getState().setEditorOpen(true);
}
