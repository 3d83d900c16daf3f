import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './src/shared/contentSecurity';

/**
 * The built page carries the policy as a meta tag (a page from file:// has no headers). Only the
 * build: the dev server's hot reload needs an inline script the policy forbids.
 */
const contentSecurityPolicy: Plugin = {
  name: 'htx-content-security-policy',
  apply: 'build',
  transformIndexHtml: () => [
    { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
  ],
};

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'src/main/index.ts'),
          // The core's own process (Electron's utilityProcess): the database and every service.
          core: resolve(import.meta.dirname, 'src/core/remote/utilityProcessEntry.ts'),
          // The Excel reader's worker thread (src/core/excel/read/thread.ts starts it).
          readerWorker: resolve(import.meta.dirname, 'src/core/excel/read/readerWorker.ts'),
        },
        // Every chunk beside the entries, so that code in any chunk finds `./readerWorker.js`.
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      // Sandboxed preloads cannot require packages, so the contract (and zod) are bundled in.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        // A sandboxed preload cannot be an ES module: Electron loads it as CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src/renderer'),
    plugins: [react(), contentSecurityPolicy],
    build: {
      // electron-vite leaves the renderer unminified: the window then parses 4 MB of script before
      // its first page, and the web host sends all of it over the network.
      minify: true,
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'src/renderer/index.html') } },
    },
  },
});
