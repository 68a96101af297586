// The page's query string: where view options and the decoder's input live, so a link reproduces
// them. Reading never throws; a hostile or unknown value falls back to a default.

/** Longest query value we keep; anything longer is not something a person typed. */
export const MAX_VALUE_LENGTH = 200;

/** The query of `search` (`?a=1&b=2` or `a=1`); an unreadable query reads as empty. */
export function readQuery(search: string): URLSearchParams {
  try {
    return new URLSearchParams(search);
  } catch {
    return new URLSearchParams();
  }
}

/**
 * The query of `search` with the parameters of `hash` (when it holds any) on top: the fragment
 * overrides the query, for tools that strip queries (url/options.ts, the deck plugin).
 */
export function addressParams(search: string, hash: string): URLSearchParams {
  const params = readQuery(search);
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  if (fragment.includes('=')) {
    for (const [key, value] of readQuery(fragment)) params.set(key, value);
  }
  return params;
}

/** `value` when it is one of `allowed`, else `fallback`. */
export function pickOne<T extends string>(
  value: string | null,
  allowed: readonly T[],
  fallback: T,
): T {
  return allowed.find((a) => a === value) ?? fallback;
}

/** A free-text value, cut to MAX_VALUE_LENGTH; `fallback` when absent. */
export function pickText(value: string | null, fallback: string): string {
  return value === null ? fallback : value.slice(0, MAX_VALUE_LENGTH);
}

/**
 * `search` with `updates` applied (null deletes a key), as `?…` or '' when empty. Other keys and
 * their order are kept.
 */
export function updateQuery(
  search: string,
  updates: Readonly<Record<string, string | null>>,
): string {
  const query = readQuery(search);
  for (const [key, value] of Object.entries(updates)) {
    if (value === null) query.delete(key);
    else query.set(key, value);
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}
