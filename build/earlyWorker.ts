// The scenario worker makes the page's first frames (src/session/preview.ts), so it should start
// as early as it can: this plugin writes into the app's index.html a small inline script, run
// while the entry chunk downloads, that starts the worker from its built script (the same file
// `new URL('./worker.ts', import.meta.url)` names). The page takes that worker when it starts its
// runner (src/session/worker/startWorker.ts), with an error it reported meanwhile. Only the app's
// own page (the example deck loads the app in frames), and never for file:// (no module worker).
import type { Plugin } from 'vite';

/** The global the inline script leaves the worker in (read by startWorker.ts). */
export const EARLY_WORKER = '__rendezvousWorker';

export function earlyWorker(): Plugin {
  return {
    name: 'rendezvous-early-worker',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (ctx.bundle === undefined || ctx.path !== '/index.html') return html;
        const file = Object.keys(ctx.bundle).find((f) => /(^|\/)worker-[\w-]+\.js$/.test(f));
        if (file === undefined) return html;
        const src = JSON.stringify(`./${file}`);
        const script =
          `if(location.protocol!=='file:'&&typeof Worker==='function')try{` +
          `var w=new Worker(${src},{type:'module'});` +
          `w.onerror=function(e){e.preventDefault();w.failed=e.message||'it could not start'};` +
          `window.${EARLY_WORKER}=w}catch(e){}`;
        return {
          html,
          tags: [{ tag: 'script', children: script, injectTo: 'head' as const }],
        };
      },
    },
  };
}
