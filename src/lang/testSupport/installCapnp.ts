// Vitest's setup file (vite.config.ts): the tests run scenarios with the Cap'n Proto codec installed,
// as the command line and the worker do.
import { installCapnp } from '../capnp/install';

installCapnp();
