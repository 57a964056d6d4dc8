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
        // `web` is the browser host: the same core under plain Node, built alongside the Electron entry.
        input: { index: resolve('src/main/index.ts'), web: resolve('src/main/web/index.ts') },
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
