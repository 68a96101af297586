// Whether a run carries Cap'n Proto: its text calls a Cap'n Proto built-in (`capnp_call_put(…)`,
// `capnp_finish(…)`, see src/lang/builtins/capnpCalls.ts). The dock shows the panel's tab only
// then. Read from the text once per source, on every step a lookup: the panel's own data
// (capnpView.ts, with the decoder behind it) is loaded only with the panel.
import type { SimState } from './createSimStore';
import type { FrameSource } from './viewModel';

const CALLS_CAPNP = /\bcapnp_\w+\s*\(/;
const seen = new WeakMap<FrameSource, boolean>();

export const selectHasCapnp = (s: SimState): boolean => {
  const source = s.source;
  if (source === null) return false;
  let has = seen.get(source);
  if (has === undefined) {
    has = CALLS_CAPNP.test(source.sourceText);
    seen.set(source, has);
  }
  return has;
};
