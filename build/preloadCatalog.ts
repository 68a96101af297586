// The page's first frame needs the catalog chunk (src/session/defaultCatalog.ts: the lessons, the
// compiler and the kernel), which main.tsx imports dynamically so that React's code and the shell
// do not wait for it. Vite preloads a dynamic chunk's files only once the import runs, after the
// entry chunk is fetched and run; this plugin names them in index.html as modulepreload links, so
// they download beside the entry chunk instead of after it. Only the app's own page: the example
// deck (examples/deck/index.html) loads the app in its frames, not the catalog itself, and its
// relative links would point into its own folder.
import type { Plugin } from 'vite';

export function preloadCatalog(): Plugin {
  return {
    name: 'rendezvous-preload-catalog',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (bundle === undefined || ctx.path !== '/index.html') return html;
        const chunks = Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [c] : []));
        const catalog = chunks.find((c) => c.facadeModuleId?.endsWith('session/defaultCatalog.ts'));
        if (catalog === undefined) return html;
        // The chunk and every chunk it imports statically, at any depth.
        const needed = new Set([catalog.fileName]);
        for (const f of needed)
          for (const i of chunks.find((c) => c.fileName === f)?.imports ?? []) needed.add(i);
        const files = [...needed].filter((f) => !html.includes(`/${f}"`));
        return {
          html,
          tags: files.map((f) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `./${f}` },
            injectTo: 'head' as const,
          })),
        };
      },
    },
  };
}
