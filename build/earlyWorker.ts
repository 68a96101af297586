// The first load's earliest work, written into the app's index.html as a small inline script, first
// in its head after the charset, that runs while the entry chunk downloads:
// - for a lesson, the scenario worker starts from its built script (the same file
//   `new URL('./worker.ts', import.meta.url)` names): it makes a lesson's first frames
//   (src/session/preview.ts), and the page takes it when it starts its runner
//   (src/session/worker/startWorker.ts), with an error it reported meanwhile;
// - an address with code of its own (`#code=`), which shows no preview (the page records its first
//   steps itself, and starts the worker with a long run), instead preloads the catalog chunk
//   (the lessons, the compiler, the kernel), the session's statechart and the chunks they import,
//   so they download beside the entry chunk instead of after it (a lesson's load fetches them only
//   after its first frame).
// Only the app's own page (the example deck loads the app in frames), and nothing for file://.
import type { IndexHtmlTransformContext, Plugin } from 'vite';

/** The global the inline script leaves the worker in (read by startWorker.ts). */
export const EARLY_WORKER = '__rendezvousWorker';

/** What a lesson's load fetches after its first frame: the catalog, the session's statechart. */
const LATER = ['session/defaultCatalog.ts', 'session/sessionActor.ts'];

/** The LATER chunks and every chunk they import statically, at any depth, not yet in `html`. */
function catalogFiles(
  bundle: NonNullable<IndexHtmlTransformContext['bundle']>,
  html: string,
): string[] {
  const chunks = Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [c] : []));
  const needed = new Set(
    chunks.filter((c) => LATER.some((m) => c.facadeModuleId?.endsWith(m))).map((c) => c.fileName),
  );
  for (const f of needed)
    for (const i of chunks.find((c) => c.fileName === f)?.imports ?? []) needed.add(i);
  return [...needed].filter((f) => !html.includes(`/${f}"`));
}

export function earlyWorker(): Plugin {
  return {
    name: 'rendezvous-early-worker',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (ctx.bundle === undefined || ctx.path !== '/index.html') return html;
        const worker = Object.keys(ctx.bundle).find((f) => /(^|\/)worker-[\w-]+\.js$/.test(f));
        const preloads = JSON.stringify(catalogFiles(ctx.bundle, html).map((f) => `./${f}`));
        const start =
          worker === undefined
            ? ''
            : `try{var w=new Worker(${JSON.stringify(`./${worker}`)},{type:'module'});` +
              `w.onerror=function(e){e.preventDefault();w.failed=e.message||'it could not start'};` +
              `window.${EARLY_WORKER}=w}catch(e){}`;
        const script =
          `if(location.protocol!=='file:'){` +
          `if(/[#&]code=/.test(location.hash))${preloads}.forEach(function(f){` +
          `var l=document.createElement('link');l.rel='modulepreload';l.crossOrigin='';l.href=f;` +
          `document.head.appendChild(l)});` +
          `else if(typeof Worker==='function'){${start}}}`;
        // Right after the charset (which must come within the first 1,024 bytes), before the
        // entry chunk's tags: the worker's request then goes out ahead of the preloads.
        const charset = '<meta charset="UTF-8" />';
        if (!html.includes(charset)) throw new Error('index.html has no <meta charset="UTF-8" />');
        return html.replace(charset, `${charset}\n    <script>${script}</script>`);
      },
    },
  };
}
