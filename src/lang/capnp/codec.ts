// The Cap'n Proto bytes of the capnp_* built-ins (builtins/capnpCalls.ts) come from capnp-es, through
// build.ts and read.ts, gathered in codecImpl.ts. That is a chunk of its own in the browser: the page
// loads it (`loadCapnpCodec`) before it runs a scenario that may use Cap'n Proto, so a first load of
// any other lesson does not fetch capnp-es. Node (the command line, the tests, the benches) and the
// scenario worker install it when they start (`install.ts`).
import type * as Build from './build';
import type * as Read from './read';

export interface CapnpCodec {
  readonly buildBootstrap: typeof Build.buildBootstrap;
  readonly buildCall: typeof Build.buildCall;
  readonly buildReturn: typeof Build.buildReturn;
  readonly buildException: typeof Build.buildException;
  readonly buildFinish: typeof Build.buildFinish;
  readonly readRpc: typeof Read.readRpc;
  readonly readGetResults: typeof Read.readGetResults;
  readonly readPutResults: typeof Read.readPutResults;
}

let installed: CapnpCodec | null = null;
let loading: Promise<void> | null = null;

export function installCapnpCodec(codec: CapnpCodec): void {
  installed = codec;
}

/** The codec; throws when it is not loaded (a caller forgot `loadCapnpCodec`). */
export function capnpCodec(): CapnpCodec {
  if (installed === null)
    throw new Error("Cap'n Proto support is not loaded (loadCapnpCodec) before the run");
  return installed;
}

/** Loads and installs the codec (once); resolves at once where it is installed. */
export function loadCapnpCodec(): Promise<void> {
  if (installed !== null) return Promise.resolve();
  loading ??= import('./codecImpl').then(
    (m) => installCapnpCodec(m.CAPNP_CODEC),
    (error: unknown) => {
      loading = null; // a failed download may be retried
      throw error;
    },
  );
  return loading;
}

/** Whether a scenario whose texts are `texts` may call capnp_* (it names Cap'n Proto somewhere). */
export function mayUseCapnp(texts: Iterable<string>): boolean {
  for (const text of texts) if (text.includes('capnp')) return true;
  return false;
}
