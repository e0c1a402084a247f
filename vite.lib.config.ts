import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { leaveOutOutputSets } from './scripts/output-set.ts';

// `npm run build:lib`: the <flankline-map> web component as one ES module, dist-lib/flankline-map.js, with the
// basemap (public/geo) and the current data (public/data) copied beside it. Styles and the MapLibre worker are
// inlined into the module, so a page needs one script tag.
export default defineConfig({
  base: './',
  plugins: [leaveOutOutputSets()],
  // Library mode leaves process.env alone (a library's user usually bundles it again); this file is used as is.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: 'dist-lib',
    copyPublicDir: true,
    chunkSizeWarningLimit: 5000,
    lib: {
      entry: resolve(import.meta.dirname, 'src/app/component/flankline-map.ts'),
      formats: ['es'],
      fileName: () => 'flankline-map.js',
    },
    rollupOptions: { output: { codeSplitting: false } as object },
  },
});
