import { defineConfig } from 'vite';

// base './' so the built app works from any folder (a report's subdirectory, a test server's temp dir).
export default defineConfig({
  base: './',
  build: {
    outDir: 'dist',
    chunkSizeWarningLimit: 2500,
  },
  server: { host: '127.0.0.1' },
});
