import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The pages a phone must open with no connection: the participant's agenda and the table view. */
const POCKET_PAGES = /\/pages\/(Agenda|TableView|NotFound)\.tsx$/;

/**
 * Names the built files those pages need — the entry chunk, the pocket pages' chunks and
 * everything they import — so the service worker precaches them and nothing of the console.
 */
function pocketChunks(): Plugin & { files: Set<string> } {
  const files = new Set<string>();
  return {
    name: 'rueda-pocket-chunks',
    apply: 'build',
    files,
    generateBundle(_options, bundle) {
      files.clear();
      const chunks = Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [c] : []));
      const byName = new Map(chunks.map((c) => [c.fileName, c]));
      const add = (fileName: string) => {
        const c = byName.get(fileName);
        if (!c || files.has(fileName)) return;
        files.add(fileName);
        for (const css of c.viteMetadata?.importedCss ?? []) files.add(css);
        c.imports.forEach(add);
      };
      for (const c of chunks) if (c.isEntry || (c.facadeModuleId && POCKET_PAGES.test(c.facadeModuleId))) add(c.fileName);
    },
  };
}
const pocket = pocketChunks();

/**
 * The stylesheet loads without blocking the first paint: index.html paints its own header and
 * loading line at once, and the stylesheet (a few kB) is in long before the scripts (~100 kB)
 * that draw with it. Without JavaScript it is a plain stylesheet again (noscript).
 */
function nonBlockingCss(): Plugin {
  return {
    name: 'rueda-non-blocking-css',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) =>
        html.replace(
          /<link rel="stylesheet" crossorigin href="([^"]+)">/g,
          (_m, href: string) =>
            `<link rel="preload" as="style" crossorigin href="${href}" onload="this.onload=null;this.rel='stylesheet'">` +
            `<noscript><link rel="stylesheet" crossorigin href="${href}"></noscript>`,
        ),
    },
  };
}

/**
 * Rueda web front end (organiser console, participant agenda, table and board pages).
 * No React plugin: Vite's built-in oxc transform compiles TSX with the automatic JSX runtime.
 * Build from the repo root: npx vite build --config apps/web/vite.config.ts
 */
export default defineConfig({
  root,
  base: '/app/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  plugins: [
    pocket,
    nonBlockingCss(),
    // Installable: the manifest (Spanish names) and a Workbox service worker built from sw/sw.ts.
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'sw',
      filename: 'sw.ts',
      scope: '/app/',
      // main.tsx registers it once the page has loaded (the first paint never waits for it).
      injectRegister: false,
      manifest: {
        id: '/app/',
        name: 'Rueda de Negocios',
        short_name: 'Rueda',
        description: 'Su agenda de reuniones y la vista de mesa, también sin conexión / Your meeting agenda and table view, offline too',
        lang: 'es-EC',
        dir: 'ltr',
        start_url: '/app/',
        scope: '/app/',
        display: 'standalone',
        background_color: '#f4f6f9',
        theme_color: '#12345a',
        icons: [
          { src: 'icons/rueda-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/rueda-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icons/rueda-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'icons/rueda.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      injectManifest: {
        // The manifest and its icons are added by the plugin itself.
        globPatterns: ['**/*.{js,css,html}'],
        manifestTransforms: [
          async (entries) => ({
            manifest: entries.filter((e) => !e.url.startsWith('assets/') || pocket.files.has(e.url)),
            warnings: [],
          }),
        ],
      },
    }),
  ],
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
