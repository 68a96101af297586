/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { cspPlugin } from './build/csp';

export default defineConfig({
  plugins: [react(), cspPlugin()],
  base: './',
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
    // Some tests compile megabyte inputs or run hundreds of generated programs: generous on a busy CI machine.
    testTimeout: 30_000,
  },
});
