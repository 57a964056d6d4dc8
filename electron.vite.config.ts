import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { cspMeta } from './src/shared/content-security-policy';

/** Adds the CSP meta tag to the built page only: the dev server needs inline scripts for HMR. */
const contentSecurityPolicy = (): Plugin => ({
  name: 'hotline-csp',
  apply: 'build',
  transformIndexHtml: () => [
    { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: cspMeta }, injectTo: 'head-prepend' },
  ],
});

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // Plain-Node programs built alongside the Electron entry: the browser host (same core), the
        // central server and its seed command.
        input: {
          index: resolve('src/main/index.ts'),
          web: resolve('src/main/web/index.ts'),
          server: resolve('src/server/main.ts'),
          seed: resolve('src/server/seed/main.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // Sandboxed preloads cannot load ES modules.
      rollupOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    plugins: [react(), contentSecurityPolicy()],
    build: { target: 'chrome120', chunkSizeWarningLimit: 2000 },
  },
});
