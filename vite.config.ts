import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// base './' so the built app works from any folder (a report's subdirectory, a test server's temp dir).
export default defineConfig({
  base: './',
  build: {
    outDir: 'dist',
    chunkSizeWarningLimit: 2500,
    // embed.html is the embed's short address (it opens index.html in embed mode; docs/embedding.md).
    rollupOptions: { input: { index: resolve(import.meta.dirname, 'index.html'), embed: resolve(import.meta.dirname, 'embed.html') } },
  },
  server: { host: '127.0.0.1' },
});
