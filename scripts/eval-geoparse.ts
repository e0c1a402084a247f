// Measures place recognition and resolution on the GeoWebNews development set kept outside the project
// (../shared/eval/geoparse): runs ingest, segment, recognise, resolve on every document, writes predictions to a
// temporary file and prints the shared scorer's report.
//   npm run eval:geoparse [-- --errors]   (--errors also lists misses, false positives and far resolutions)
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadGazetteer } from '../src/pipeline/gazetteer-load.ts';
import { ingest } from '../src/pipeline/ingest.ts';
import { recognise } from '../src/pipeline/recognise.ts';
import { resolve } from '../src/pipeline/resolve.ts';
import { segment } from '../src/pipeline/segment.ts';
import { distanceKm } from '../src/util/geo.ts';

const ROOT = resolvePath(dirname(fileURLToPath(import.meta.url)), '..');
const EVAL_DIR = resolvePath(ROOT, '../shared/eval/geoparse');
const CORPUS = join(EVAL_DIR, 'gwn-dev');
const SCORER = join(EVAL_DIR, 'score.mjs');

if (!existsSync(join(CORPUS, 'docs')) || !existsSync(SCORER)) {
  console.error(`eval-geoparse: the evaluation set is not there (looked for ${CORPUS}/docs and ${SCORER}).`);
  console.error('It lives beside the project in ../shared/eval/geoparse; nothing to measure without it.');
  process.exit(2);
}

const t0 = performance.now();
const gazetteer = loadGazetteer(join(ROOT, 'geo/build/gazetteer.json'));
const loadMs = performance.now() - t0;

interface Prediction { start: number; end: number; text: string; lat: number | null; lon: number | null; id: string | null }
const predictions: { doc: string; mentions: Prediction[] }[] = [];
const t1 = performance.now();
let chars = 0;
for (const file of readdirSync(join(CORPUS, 'docs')).filter((f) => f.endsWith('.txt')).sort()) {
  const doc = ingest(file, readFileSync(join(CORPUS, 'docs', file)));
  chars += doc.text.length;
  const resolved = resolve(recognise(doc, segment(doc), gazetteer), doc, gazetteer);
  predictions.push({
    doc: file.replace(/\.txt$/, ''),
    // A mention resolve found no place for is not offered as a toponym.
    mentions: resolved.filter((m) => m.entry).map((m) => ({
      start: m.start, end: m.end, text: m.text, lat: m.entry?.lat ?? null, lon: m.entry?.lon ?? null, id: m.entry?.id ?? null,
    })),
  });
}
const runMs = performance.now() - t1;

const out = join(mkdtempSync(join(tmpdir(), 'flankline-geoparse-')), 'predictions.json');
writeFileSync(out, JSON.stringify(predictions));
console.log(`gazetteer loaded in ${loadMs.toFixed(0)} ms; ${predictions.length} documents (${(chars / 1000).toFixed(0)} k chars) ` +
  `recognised and resolved in ${runMs.toFixed(0)} ms`);
console.log(execFileSync(process.execPath, [SCORER, CORPUS, out], { encoding: 'utf8' }).trimEnd());

if (process.argv.includes('--errors')) printErrors();

/** Misses, false positives and resolutions beyond 161 km, for looking at what the method gets wrong. */
function printErrors() {
  interface Gold { start: number; end: number; text: string; lat: number; lon: number; type?: string }
  const gold: { doc: string; toponyms: Gold[]; ignore?: Gold[] }[] = JSON.parse(readFileSync(join(CORPUS, 'gold.json'), 'utf8'));
  const km = distanceKm;
  const lines: string[] = [];
  for (const g of gold) {
    const preds = predictions.find((p) => p.doc === g.doc)?.mentions ?? [];
    const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
    for (const t of g.toponyms) {
      const p = preds.find((x) => overlap(x, t));
      if (!p) lines.push(`MISS ${g.doc} ${t.text} [${t.type ?? '?'}]`);
      else if (p.start !== t.start || p.end !== t.end) lines.push(`SPAN ${g.doc} gold=${t.text} pred=${p.text}`);
      if (p && p.lat !== null && km(t, { lat: p.lat, lon: p.lon! }) > 161) {
        // The gold point and type say whether the referent or the convention differs (a state for its capital,
        // a country's conventional centre).
        lines.push(`FAR  ${g.doc} ${t.text} -> ${p.id} (${Math.round(km(t, { lat: p.lat, lon: p.lon! }))} km; ` +
          `gold ${t.lat.toFixed(2)},${t.lon.toFixed(2)} [${t.type ?? '?'}])`);
      }
    }
    for (const p of preds) {
      if (!g.toponyms.some((t) => overlap(p, t)) && !(g.ignore ?? []).some((t) => overlap(p, t))) lines.push(`FP   ${g.doc} ${p.text} -> ${p.id}`);
    }
  }
  console.log(lines.join('\n'));
}
