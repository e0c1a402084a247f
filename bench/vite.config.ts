// Bench pages (bench/*.html), built by scripts/bench-app.ts into a temp dir: never into the repo.
import { defineConfig } from 'vite';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const pages = Object.fromEntries(readdirSync(root).filter((f) => f.endsWith('.html')).map((f) => [f.slice(0, -5), join(root, f)]));

export default defineConfig({
  root,
  base: './',
  logLevel: 'warn',
  build: { rollupOptions: { input: pages }, chunkSizeWarningLimit: 4000, reportCompressedSize: false },
  worker: { format: 'es' },
});
