// `npm test`: install what the tests need if missing (dependencies, Debian's capnproto, a Chromium), then the whole
// pipeline of `npm run check` (scripts/check.mjs). Arguments are passed on: `npm test -- ipc`
// runs the unit tests whose file names match.
import { runChecks } from './check.mjs';
import { ensureCapnp, ensureChromium, ensureDependencies } from './setup.mjs';

const filters = process.argv.slice(2);
ensureDependencies();
ensureCapnp();
runChecks(filters, filters.length ? undefined : await ensureChromium());
