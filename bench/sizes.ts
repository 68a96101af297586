// The built app's JS and CSS, gzipped: for the ui bench's size figures and the cold loads' bytes.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Gzipped bytes of each JS and CSS asset, of the entry's (what index.html loads) and of all. */
export function sizes(outDir: string): {
  first: number;
  all: number;
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
  return { first, all, of, entry };
}
