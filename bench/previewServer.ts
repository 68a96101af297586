// Builds the app into a temporary folder and serves it as `npm run preview` does, for the benches
// that drive Chromium (ui, editor). `close()` stops the server and removes the folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview } from 'vite';

export interface PreviewServer {
  /** The built app's folder (dist/ layout). */
  outDir: string;
  /** The server's address, without a trailing slash. */
  base: string;
  close(): Promise<void>;
}

export async function servePreview(prefix: string): Promise<PreviewServer> {
  const outDir = mkdtempSync(join(tmpdir(), prefix));
  await build({ logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  const server = await preview({
    logLevel: 'silent',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1' },
  });
  return {
    outDir,
    base: server.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? '',
    async close() {
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
