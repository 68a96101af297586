// For what runs scenarios without the page's on-demand load (codec.ts): the command line, the
// scenario worker, the tests (their setup file) and the benches call it when they start.
import { installCapnpCodec } from './codec';
import { CAPNP_CODEC } from './codecImpl';

export function installCapnp(): void {
  installCapnpCodec(CAPNP_CODEC);
}
