// `npm run export:html -- [CORPUS_DIR] --out report-map.html [--time 2025-09-15] [--data DIR | --events F --documents F]`:
// one self-contained HTML file (code, styles, basemap, events, documents and MapLibre's worker inlined) that opens
// from disk with no server and no network, for attaching to a report. CORPUS_DIR: a corpus folder, run through geocode
// with its corrections first (as `npm run build -- DIR` does).
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import { INLINED_ELEMENT_ID, type InlinedBundle } from '../src/app/export/inlined.ts';
import { geocodeCorpusTo } from './corpus-data.ts';

const ROOT = resolve(import.meta.dirname, '..');

function fail(message: string): never {
  console.error(`export:html: ${message}`);
  process.exit(2);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string' }, time: { type: 'string' }, data: { type: 'string' },
    events: { type: 'string' }, documents: { type: 'string' },
  },
});
if (!values.out) fail('--out FILE.html is required');
if (values.time !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.time)) fail(`--time ${values.time} is not a date like 2025-09-15`);
if (positionals.length > 1) fail(`one corpus folder at a time (got ${positionals.join(', ')})`);
const corpusData = positionals[0] ? mkdtempSync(join(tmpdir(), 'flankline-export-data-')) : null;
if (corpusData) {
  const problem = geocodeCorpusTo(resolve(positionals[0]), corpusData);
  if (problem) fail(problem);
}
const dataDir = corpusData ?? values.data ?? join(ROOT, 'public/data');
const eventsFile = values.events ?? join(dataDir, 'events.geojson');
const documentsFile = values.documents ?? join(dataDir, 'documents.json');
if (!existsSync(eventsFile)) fail(`${eventsFile} is missing (run npm run geocode, or pass --data DIR)`);

const readJson = (file: string): unknown => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    return fail(`${file} is not valid JSON: ${(e as Error).message}`);
  }
};

/** Keeps inlined text from ending its <script> element early. */
const scriptSafe = (js: string) => js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
const jsonSafe = (json: string) => json.replace(/</g, '\\u003c');

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The page's Content-Security-Policy forbids inline code; the exported file's own inlined script and styles, and
 * nothing else, are allowed by their hashes, so the policy keeps its meaning. */
function allowInlined(html: string, scripts: string[], styles: string[]): string {
  return html.replace(/(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")/i, (_, open: string, policy: string, close: string) => {
    const directives = policy.split(';').map((d) => d.trim()).filter(Boolean);
    const add = (name: string, sources: string[]) => {
      const i = directives.findIndex((d) => d.split(/\s+/)[0] === name);
      if (i >= 0) directives[i] = `${directives[i]} ${sources.join(' ')}`;
      else directives.push(`${name} 'self' ${sources.join(' ')}`);
    };
    add('script-src', scripts);
    add('style-src', styles);
    // From file:// (origin 'null') MapLibre turns its worker into a data: URL before starting it.
    add('worker-src', ['data:']);
    add('child-src', ['data:']);
    return `${open}${directives.join('; ')}${close}`;
  });
}

const outDir = mkdtempSync(join(tmpdir(), 'flankline-export-'));
try {
  await build({
    // Not vite.config.ts: one input (the app, not embed.html) so the whole app can be one script. codeSplitting
    // false also folds in what the app imports lazily (deck.gl, src/app/deck-views.ts): a file:// page can fetch no chunk.
    root: ROOT, configFile: false, base: './', logLevel: 'warn',
    build: {
      outDir, emptyOutDir: true, cssCodeSplit: false, modulePreload: false, chunkSizeWarningLimit: 10_000,
      rollupOptions: { input: join(ROOT, 'index.html'), output: { codeSplitting: false } as object },
    },
  });
  let html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const asset = (href: string) => readFileSync(join(outDir, href.replace(/^\.\//, '')), 'utf8');
  const scriptHashes: string[] = [];
  const styleHashes: string[] = [];
  html = html.replace(/<script type="module"[^>]*\ssrc="([^"]+)"[^>]*><\/script>/g, (_, src: string) => {
    const js = scriptSafe(asset(src));
    scriptHashes.push(sha256(js));
    return `<script type="module">${js}</script>`;
  });
  html = html.replace(/<link rel="stylesheet"[^>]*\shref="([^"]+)"[^>]*>/g, (_, href: string) => {
    const css = asset(href).replace(/<\/style/gi, '<\\/style');
    styleHashes.push(sha256(css));
    return `<style>${css}</style>`;
  });
  html = allowInlined(html, scriptHashes, styleHashes);
  html = html.replace(/<link rel="modulepreload"[^>]*>/g, '');
  if (/\s(src|href)="\.?\/?assets\//.test(html)) fail('the build left a reference to a file in assets/');

  const files: Record<string, unknown> = {
    'data/events.geojson': readJson(eventsFile),
  };
  if (existsSync(documentsFile)) files['data/documents.json'] = readJson(documentsFile);
  for (const name of readdirSync(join(ROOT, 'public/geo'))) {
    if (name.endsWith('.geojson') || name.endsWith('.json')) files[`geo/${name}`] = readJson(join(ROOT, 'public/geo', name));
  }
  const bundle: InlinedBundle = {
    files,
    worker: readFileSync(join(ROOT, 'node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs'), 'utf8'),
    view: values.time ? `time=${values.time}` : undefined,
  };
  const data = `<script id="${INLINED_ELEMENT_ID}" type="application/json">${jsonSafe(JSON.stringify(bundle))}</script>`;
  html = html.replace('</head>', `${data}\n</head>`);
  writeFileSync(values.out, html);
  console.log(`export:html: wrote ${values.out} (${(Buffer.byteLength(html) / 1e6).toFixed(1)} MB${values.time ? `, opens at ${values.time}` : ''})`);
} finally {
  rmSync(outDir, { recursive: true, force: true });
  if (corpusData) rmSync(corpusData, { recursive: true, force: true });
}
