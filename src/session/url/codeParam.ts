// Where a share link keeps its code: the `code` parameter of the fragment (codeFragment.ts packs
// and unpacks it). Its own small module: the first load reads whether there is one, and loads the
// unpacking only when there is.
/** The key of the fragment parameter that holds the code. */
export const CODE_PARAM = 'code';

/** The code fragment of an address's `hash` (`#code=…&step=3`), or null when it has none. */
export function codeParam(hash: string): string | null {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!fragment.includes(`${CODE_PARAM}=`)) return null;
  try {
    return new URLSearchParams(fragment).get(CODE_PARAM);
  } catch {
    return null;
  }
}
