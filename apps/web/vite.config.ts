import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Rueda web front end (organiser console, participant agenda, table and board pages).
 * No React plugin: Vite's built-in oxc transform compiles TSX with the automatic JSX runtime.
 * Build from the repo root: npx vite build --config apps/web/vite.config.ts
 */
export default defineConfig({
  root,
  base: '/app/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  // The shared libraries the browser may use; @rueda/domain through its browser-safe entry.
  resolve: {
    alias: {
      '@rueda/realtime': fileURLToPath(new URL('../../libs/realtime/src/index.ts', import.meta.url)),
      '@rueda/domain': fileURLToPath(new URL('../../libs/domain/src/rules/index.ts', import.meta.url)),
      '@rueda/i18n': fileURLToPath(new URL('../../libs/i18n/src/index.ts', import.meta.url)),
    },
  },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    // `npx vite --config apps/web/vite.config.ts` during development: the API on :3000.
    proxy: {
      '^/(auth|events|me|users|health|docs|socket.io)': {
        target: process.env.RUEDA_API_URL ?? 'http://localhost:3000',
        changeOrigin: true,
        ws: true,
      },
    },
  },
  preview: {
    proxy: {
      '^/(auth|events|me|users|health|docs|socket.io)': {
        target: process.env.RUEDA_API_URL ?? 'http://localhost:3000',
        changeOrigin: true,
        ws: true,
      },
    },
  },
});
