/**
 * The one offline file (`npm run build:single`, vite.config.ts's `single` mode): built into a
 * temporary folder, its size and gzipped size. It holds the whole app and every built-in lesson.
 * The offline example deck (`--mode single-deck`, dist-single/deck.html) is built beside it and
 * measured the same way: the two files are what a lecturer copies to a USB stick.
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
    await build({ mode: 'single-deck', logLevel: 'silent', build: { outDir, emptyOutDir: false } });
    const html = readFileSync(join(outDir, 'rendezvous.html'));
    const deck = readFileSync(join(outDir, 'deck.html'));
    return [
      { name: 'rendezvous.html (single file)', value: html.length / 1024, unit: 'KB' },
      {
        name: 'rendezvous.html gzipped',
        value: gzipSync(html, { level: 9 }).length / 1024,
        unit: 'KB',
      },
      { name: 'deck.html (offline example deck)', value: deck.length / 1024, unit: 'KB' },
      { name: 'deck.html gzipped', value: gzipSync(deck, { level: 9 }).length / 1024, unit: 'KB' },
    ];
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
