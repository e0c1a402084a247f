// `npm run export:html -- [CORPUS_DIR] --out report-map.html [--time 2025-09-15] [--data DIR | --events F --documents F]`:
// one self-contained HTML file (code, styles, basemap, events, documents and MapLibre's worker inlined) that opens
// from disk with no server and no network, for attaching to a report. CORPUS_DIR: a corpus folder, run through geocode
// with its corrections first (as `npm run build -- DIR` does).
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import type { InlinedBundle } from '../src/app/export/inlined.ts';
import { checkExcerpts, isIsoDate, readCorpusInfo, validateDocuments, validateEvents } from '../src/model/index.ts';
import { assemblePage, verifyExport } from './export-page.ts';
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
if (values.time !== undefined && !isIsoDate(values.time)) fail(`--time ${values.time} is not a real date written YYYY-MM-DD, like 2025-09-15`);
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

// The page would open on a red banner: say so here, and write nothing.
const events = readJson(eventsFile);
const checkedEvents = validateEvents(events);
if (!checkedEvents.ok) fail(`${eventsFile} does not follow the event data contract: ${checkedEvents.errors[0]}`);
const documents = existsSync(documentsFile) ? readJson(documentsFile) : undefined;
if (documents !== undefined) {
  const checkedDocuments = validateDocuments(documents);
  if (!checkedDocuments.ok) fail(`${documentsFile} does not follow the contract: ${checkedDocuments.errors[0]}`);
  const mismatched = checkExcerpts(checkedEvents.value, checkedDocuments.value);
  if (mismatched.length) fail(`${eventsFile} does not match ${documentsFile}: ${mismatched[0]}`);
}

// The corpus's title, beside the events as the app looks for it; a bad field is said and left out, as the app does.
const corpusFile = join(dirname(eventsFile), 'corpus.json');
const corpus = existsSync(corpusFile) ? readCorpusInfo(readJson(corpusFile), corpusFile) : null;
for (const problem of corpus?.problems ?? []) console.error(`export:html: ${problem}`);

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
  const built = readFileSync(join(outDir, 'index.html'), 'utf8');
  const asset = (href: string) => readFileSync(join(outDir, href.replace(/^\.\//, '')), 'utf8');
  const files: Record<string, unknown> = { 'data/events.geojson': events };
  if (documents !== undefined) files['data/documents.json'] = documents;
  if (corpus) files['data/corpus.json'] = corpus.info;
  for (const name of readdirSync(join(ROOT, 'public/geo'))) {
    if (name.endsWith('.geojson') || name.endsWith('.json')) files[`geo/${name}`] = readJson(join(ROOT, 'public/geo', name));
  }
  const bundle: InlinedBundle = {
    files,
    worker: readFileSync(join(ROOT, 'node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs'), 'utf8'),
    view: values.time ? `time=${values.time}` : undefined,
  };
  const page = assemblePage(built, asset, bundle);
  // Read back what is about to be written, as the browser will: anything lost or doubled on the way is a bug here.
  const problems = verifyExport(page.html, page, bundle);
  if (problems.length) throw new Error(`the page came out wrong, nothing written: ${problems.join('; ')}`);
  writeFileSync(values.out, page.html);
  console.log(`export:html: wrote ${values.out} (${(Buffer.byteLength(page.html) / 1e6).toFixed(1)} MB${values.time ? `, opens at ${values.time}` : ''})`);
} catch (error) {
  console.error(`export:html: ${(error as Error).message}`);
  process.exitCode = 2;
} finally {
  rmSync(outDir, { recursive: true, force: true });
  if (corpusData) rmSync(corpusData, { recursive: true, force: true });
}
