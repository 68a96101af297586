/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { cspPlugin } from './build/csp';

export default defineConfig({
  plugins: [react(), cspPlugin()],
  base: './',
  build: {
    rollupOptions: {
      // The app, and the example reveal.js deck that embeds it (examples/deck, linked from the README).
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        deck: fileURLToPath(new URL('./examples/deck/index.html', import.meta.url)),
      },
    },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  test: {
    include: [
      'src/**/*.test.ts',
      'src/**/*.test.tsx',
      'scripts/**/*.test.ts',
      'build/**/*.test.ts',
    ],
    environment: 'node',
  },
});
