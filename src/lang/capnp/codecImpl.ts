// The Cap'n Proto codec of the capnp_* built-ins, over capnp-es (see codec.ts): loaded on demand in
// the browser, installed at start elsewhere (install.ts).
import { buildBootstrap, buildCall, buildException, buildFinish, buildReturn } from './build';
import type { CapnpCodec } from './codec';
import { readGetResults, readPutResults, readRpc } from './read';

export const CAPNP_CODEC: CapnpCodec = {
  buildBootstrap,
  buildCall,
  buildReturn,
  buildException,
  buildFinish,
  readRpc,
  readGetResults,
  readPutResults,
};
