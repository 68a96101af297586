/**
 * The one offline file (`npm run build:single`, vite.config.ts's `single` mode): built into a
 * temporary folder, its size and gzipped size. It holds the whole app and every built-in lesson.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import type { BenchResult } from './report';

export async function run(): Promise<BenchResult[]> {
  const outDir = mkdtempSync(join(tmpdir(), 'rendezvous-single-'));
  try {
    await build({ mode: 'single', logLevel: 'silent', build: { outDir, emptyOutDir: true } });
    const html = readFileSync(join(outDir, 'rendezvous.html'));
    return [
      { name: 'rendezvous.html (single file)', value: html.length / 1024, unit: 'KB' },
      {
        name: 'rendezvous.html gzipped',
        value: gzipSync(html, { level: 9 }).length / 1024,
        unit: 'KB',
      },
    ];
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
