// Vite build of the explorer: root web/, output web/dist/ (served by src/server/serve.ts).
// The server's CSP allows only same-origin scripts, so everything is bundled and
// nothing is inlined into index.html.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The polyfill would be injected as an inline script, which the CSP refuses.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 2000,
  },
  server: {
    // `npx vite --config web/vite.config.ts` against a running `papergraph serve`.
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
