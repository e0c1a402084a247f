import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { describeSizes, firstLoadSizes } from '../../scripts/build-size.ts';

// A tiny dist laid out as vite builds it: the page's entry, a preloaded chunk, MapLibre's worker named by the entry,
// a lazy chunk the entry imports dynamically (and one that chunk imports), a worker of the app's own started on demand,
// and another page's entry.
const FILES: Record<string, string> = {
  'index.html': '<!doctype html><html><head>\n'
    + '<script type="module" crossorigin src="./assets/index-AbCd1234.js"></script>\n'
    + '<link rel="modulepreload" crossorigin href="./assets/shared-EfGh5678.js">\n'
    + '<link rel="stylesheet" crossorigin href="./assets/index-IjKl9012.css">\n</head><body></body></html>',
  'assets/index-AbCd1234.js': `import "./shared-EfGh5678.js";const w=new URL(\`maplibre-gl-worker-MnOp3456.mjs\`,import.meta.url).href;`
    + `const d=["./deck-views-QrSt7890.js"];const v=new URL(\`data-worker-CdEf9012.js\`,import.meta.url);import(\`./deck-views-QrSt7890.js\`);${'entry code;'.repeat(200)}`,
  'assets/shared-EfGh5678.js': `export const shared=1;${'shared code;'.repeat(50)}`,
  'assets/index-IjKl9012.css': 'body{margin:0}',
  'assets/maplibre-gl-worker-MnOp3456.mjs': `self.onmessage=()=>{};${'worker code;'.repeat(300)}`,
  'assets/deck-views-QrSt7890.js': `import{shared}from"./shared-EfGh5678.js";import"./luma-UvWx1234.js";${'deck code;'.repeat(500)}`,
  'assets/data-worker-CdEf9012.js': `self.onmessage=()=>{};${'data worker;'.repeat(20)}`,
  'assets/luma-UvWx1234.js': `export const luma=1;${'luma code;'.repeat(100)}`,
  'assets/embed-YzAb5678.js': `location.replace("index.html");${'embed code;'.repeat(100)}`,
};
const gz = (name: string) => gzipSync(Buffer.from(FILES[name]), { level: 9 }).length;

let dist: string;
beforeAll(() => {
  dist = mkdtempSync(join(tmpdir(), 'flankline-build-size-'));
  for (const [name, text] of Object.entries(FILES)) {
    mkdirSync(join(dist, name, '..'), { recursive: true });
    writeFileSync(join(dist, name), text);
  }
});
afterAll(() => { if (dist) rmSync(dist, { recursive: true, force: true }); });

describe('firstLoadSizes', () => {
  test('counts the entry, its preloads and the map worker, gzipped at level 9, and not the lazy chunks', () => {
    const s = firstLoadSizes(dist);
    expect(s.entry.map((f) => f.file)).toEqual(['assets/index-AbCd1234.js']);
    expect(s.preloaded.map((f) => f.file)).toEqual(['assets/shared-EfGh5678.js']);
    expect(s.worker?.file).toBe('assets/maplibre-gl-worker-MnOp3456.mjs');
    expect(s.entry[0].gzBytes).toBe(gz('assets/index-AbCd1234.js'));
    expect(s.entry[0].bytes).toBe(FILES['assets/index-AbCd1234.js'].length);
    expect(s.firstLoadGzBytes).toBe(gz('assets/index-AbCd1234.js') + gz('assets/shared-EfGh5678.js') + gz('assets/maplibre-gl-worker-MnOp3456.mjs'));
  });

  test('the lazy chunks are those the first load reaches by name, transitively, other workers too; another page\'s entry is neither', () => {
    const s = firstLoadSizes(dist);
    expect(s.lazy.map((f) => f.file).sort()).toEqual(['assets/data-worker-CdEf9012.js', 'assets/deck-views-QrSt7890.js', 'assets/luma-UvWx1234.js']);
    expect(s.lazy[0].file).toBe('assets/deck-views-QrSt7890.js'); // largest first
    expect(s.lazyGzBytes).toBe(gz('assets/deck-views-QrSt7890.js') + gz('assets/luma-UvWx1234.js') + gz('assets/data-worker-CdEf9012.js'));
    const all = [...s.entry, ...s.preloaded, ...s.lazy, s.worker].map((f) => f?.file);
    expect(all).not.toContain('assets/embed-YzAb5678.js');
  });

  test('describeSizes prints one line with the breakdown in KB', () => {
    const line = describeSizes(firstLoadSizes(dist));
    expect(line).toMatch(/^first load: \d+\.\d KB gzipped JS \(entry \d+\.\d, preloaded \d+\.\d, map worker \d+\.\d\); lazy: \d+\.\d KB in 3 chunks, loaded after first paint \(deck-views \d+\.\d, (luma|data-worker) \d+\.\d, (luma|data-worker) \d+\.\d\)$/);
  });
});
