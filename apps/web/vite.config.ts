import { defineConfig } from 'vite';

// The API serves the build (apps/web/dist) at `/`; in development Vite proxies the API paths to it.
const API = process.env.KOM_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    // React, Apollo and Designsystemet in one vendor chunk; the budget that matters is scripts/bundle-size.ts.
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      // Designsystemet's icons mark themselves "use client"; meaningless in a client-only bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    proxy: {
      '/graphql': { target: API, ws: true },
      '/auth': API,
      '/health': API,
      '/.well-known': API,
      '/documents': API,
      '/calendar': API,
      '/reports': API,
      '/evidence': API,
    },
  },
});
