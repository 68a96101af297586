/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import type { PluginOption } from 'vite';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { cspPlugin } from './build/csp';
import { earlyWorker } from './build/earlyWorker';
import { revealScript } from './build/revealScript';

const page = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The offline file runs scenario texts on the page (a file:// page cannot load a worker script):
 * the worker starter (src/session/worker/startWorker.ts) becomes a module that always answers
 * null, so no worker script is written beside dist-single/rendezvous.html.
 */
const noWorker: PluginOption = {
  name: 'rendezvous-no-worker',
  enforce: 'pre',
  resolveId(source, importer) {
    return source === './startWorker' && importer?.endsWith('browserRunner.ts')
      ? '\0rendezvous-no-worker'
      : null;
  },
  load(id) {
    return id === '\0rendezvous-no-worker'
      ? 'export function startModuleWorker() { return null; }'
      : null;
  },
};

/**
 * The example deck as one offline file beside the app's (`vite build --mode single-deck`, the second
 * half of npm run build:single): its frames load `rendezvous.html` from the same folder, in embed
 * mode, instead of the served app two folders up.
 */
const deckFrames: PluginOption = {
  name: 'rendezvous-deck-frames',
  transformIndexHtml: (html) => html.replaceAll('../../index.html?', 'rendezvous.html?embed=1&'),
};

// `vite build` (npm run build): the app split and lazy, and the example reveal.js deck that embeds
// it (examples/deck, linked from the README). `vite build --mode single` (npm run build:single):
// the whole app, every built-in lesson included, in one offline file, dist-single/rendezvous.html,
// that runs from file:// (docs/embedding.md); `--mode single-deck` (its second half) writes the
// example deck beside it as dist-single/deck.html. The CSP plugin comes last: it hashes the inline
// scripts after the single-file plugin has inlined them.
export default defineConfig(({ mode }) => {
  const single = mode === 'single';
  const singleDeck = mode === 'single-deck';
  const plugins: PluginOption[] = [
    react(),
    ...(single ? [noWorker, viteSingleFile({ outputFileName: 'rendezvous.html' })] : []),
    ...(singleDeck ? [deckFrames, viteSingleFile({ outputFileName: 'deck.html' })] : []),
    ...(single || singleDeck ? [] : [earlyWorker()]),
    // The deck plugin as one plain script beside the app: dist/ (and dist-single/)rendezvous-reveal.js.
    ...(singleDeck ? [] : [revealScript()]),
    cspPlugin(),
  ];
  return {
    plugins,
    base: './',
    build: single
      ? { outDir: 'dist-single', rollupOptions: { input: page('./index.html') } }
      : singleDeck
        ? {
            outDir: 'dist-single',
            emptyOutDir: false,
            rollupOptions: { input: page('./examples/deck/index.html') },
          }
        : {
            rollupOptions: {
              input: { main: page('./index.html'), deck: page('./examples/deck/index.html') },
            },
          },
    // The scenario worker as an ES module (it is started with type: 'module'), so that it can load
    // capnp-es as a chunk of its own when a scenario first names Cap'n Proto.
    worker: { format: 'es' as const },
    server: { host: '127.0.0.1' },
    preview: { host: '127.0.0.1' },
    test: {
      include: [
        'src/**/*.test.ts',
        'src/**/*.test.tsx',
        'scripts/**/*.test.ts',
        'build/**/*.test.ts',
        'bench/**/*.test.ts',
      ],
      environment: 'node',
      // The tests run scenarios without the page's on-demand load of the Cap'n Proto codec.
      setupFiles: ['src/lang/testSupport/installCapnp.ts'],
      // Some tests compile megabyte inputs or run hundreds of generated programs: generous on a busy CI machine.
      testTimeout: 30_000,
    },
  };
});
