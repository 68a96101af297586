// The built app's JS and CSS, gzipped: for the ui bench's size figures and the cold loads' bytes.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * Gzipped bytes of each JS and CSS asset, of the entry's (what index.html loads), of all, and of
 * every chunk the page itself may load with its panels and dialogs (`panels`): all but the
 * editor's (the chunk with CodeMirror and its CSS, measured on its own by the editor bench) and the
 * scenario worker's (its script and the chunks it names, which the worker fetches).
 */
export function sizes(outDir: string): {
  first: number;
  all: number;
  panels: number;
  of: Map<string, number>;
  entry: string[];
} {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  // The example deck (examples/deck) is built beside the app; its own chunks are not the app's.
  const assets = readdirSync(join(outDir, 'assets')).filter(
    (f) => /\.(js|css)$/.test(f) && !f.startsWith('deck-'),
  );
  const of = new Map<string, number>();
  let first = 0;
  let all = 0;
  const entry: string[] = [];
  for (const f of assets) {
    const gz = gzipSync(readFileSync(join(outDir, 'assets', f)), { level: 9 }).length;
    of.set(f, gz);
    all += gz;
    // Named by a tag (its src or href), not by the inline script's list of what it may preload
    // or start (build/earlyWorker.ts).
    if (!html.includes(`src="./assets/${f}"`) && !html.includes(`href="./assets/${f}"`)) continue;
    first += gz;
    entry.push(f);
  }
  const read = (f: string) => readFileSync(join(outDir, 'assets', f), 'utf8');
  const worker = assets.filter((f) => /^worker-[\w-]+\.js$/.test(f));
  const workerNames = worker.map(read).join('\n');
  const editor = assets.find((f) => f.endsWith('.js') && read(f).includes('cm-content'));
  const editorName = editor?.replace(/-[\w]+\.js$/, '-');
  const notPage = (f: string) =>
    worker.includes(f) ||
    (workerNames.includes(f) && !html.includes(f)) ||
    (editorName !== undefined && f.startsWith(editorName));
  const panels = assets.filter((f) => !notPage(f)).reduce((sum, f) => sum + (of.get(f) ?? 0), 0);
  return { first, all, panels, of, entry };
}
