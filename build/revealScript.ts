// `rendezvous-reveal.js`: the deck plugin (examples/deck/rendezvousPlugin.ts) as one classic
// script that sets `window.RendezvousReveal`, for reveal.js decks without a bundler
// (docs/embedding.md). `npm run build` writes it beside the app, `dist/rendezvous-reveal.js`, no
// hash in its name, so `npm run preview` and any static host serve it at a stable address;
// `npm run build:single` writes it beside the offline file too, and the dev server (`npm start`)
// builds it on each request at the same address.
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { Plugin } from 'vite';

export const REVEAL_SCRIPT = 'rendezvous-reveal.js';

const entry = fileURLToPath(new URL('../examples/deck/revealScript.ts', import.meta.url));

/** The script's text: one IIFE whose value, the plugin's factory, is `RendezvousReveal`. */
async function bundle(): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      emptyOutDir: false,
      lib: { entry, name: 'RendezvousReveal', formats: ['iife'], fileName: () => REVEAL_SCRIPT },
    },
  });
  const outputs = (Array.isArray(out) ? out : [out]).flatMap((o) =>
    'output' in o ? o.output : [],
  );
  const chunk = outputs.find((o) => o.type === 'chunk');
  if (!chunk) throw new Error(`${REVEAL_SCRIPT}: the build wrote no script`);
  return chunk.code;
}

export function revealScript(): Plugin {
  return {
    name: 'rendezvous-reveal-script',
    async generateBundle() {
      this.emitFile({ type: 'asset', fileName: REVEAL_SCRIPT, source: await bundle() });
    },
    configureServer(server) {
      server.middlewares.use(`/${REVEAL_SCRIPT}`, (_req, res, next) => {
        bundle().then((code) => {
          res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
          res.end(code);
        }, next);
      });
    },
  };
}
