import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { leaveOutOutputSets } from './scripts/output-set.ts';

// The dev server injects each CSS import as a <style> element, which index.html's Content-Security-Policy
// (style-src 'self') forbids; only while serving, inline styles are allowed. The built app keeps the strict policy.
const devStyles: Plugin = {
  name: 'flankline-dev-inline-styles',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
};

// base './' so the built app works from any folder (a report's subdirectory, a test server's temp dir).
export default defineConfig({
  base: './',
  plugins: [devStyles, leaveOutOutputSets()],
  build: {
    outDir: 'dist',
    chunkSizeWarningLimit: 2500,
    // embed.html is the embed's short address (it opens index.html in embed mode; docs/embedding.md).
    rollupOptions: { input: { index: resolve(import.meta.dirname, 'index.html'), embed: resolve(import.meta.dirname, 'embed.html') } },
  },
  server: { host: '127.0.0.1' },
});
