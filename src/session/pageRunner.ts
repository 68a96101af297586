// The page's one scenario runner (worker/browserRunner.ts), made on first use: earlyStart.ts may
// start its worker before the session exists. A page opened from file:// (the single file) has no
// module worker to start: null, and the catalog keeps no runner, so it records opens on the page's
// thread in idle time and runs texts (edits included) there too. A worker that fails to start
// anywhere else hands its jobs to the same in-process runner (see browserRunner.ts), imported when
// first needed so the page's first chunk stays small.
import { canStartWorker } from './browserPorts';
import { loadDefaultCatalog } from './loadCatalog';
import { browserRunner } from './worker/browserRunner';
import type { BrowserRunner } from './worker/browserRunner';
import type { RunnerPort } from './worker/protocol';

let made: { readonly runner: BrowserRunner | null } | null = null;

export function pageRunner(): BrowserRunner | null {
  made ??= { runner: canStartWorker() ? browserRunner({ fallback: inProcessFallback }) : null };
  return made.runner;
}

const inProcessFallback: RunnerPort = {
  run: (request) =>
    Promise.all([loadDefaultCatalog(), import('./worker/inProcess')]).then(([catalog, m]) =>
      m.inProcessRunner(catalog.files).run(request),
    ),
};
