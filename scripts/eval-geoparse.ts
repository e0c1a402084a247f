// Measures place recognition and resolution on the three development corpora kept outside the project
// (../shared/eval/geoparse: GeoWebNews, LGL, GeoVirus): runs ingest, segment, recognise, resolve on every document,
// writes predictions to a temporary file, prints the shared scorer's report and one SUMMARY line per corpus, then
// sorts what went wrong into the classes of issue 13 (see geo/README.md, "Figures").
//   npm run eval:geoparse [-- --corpus lgl-dev] [-- --errors]   (--errors also lists each error with its class)
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadGazetteer } from './gazetteer-load.ts';
import { ingest } from '../src/pipeline/ingest.ts';
import { recognise, RECOGNISE_DEFAULTS } from '../src/pipeline/recognise.ts';
import { resolve, RESOLVE_DEFAULTS } from '../src/pipeline/resolve.ts';
import { segment } from '../src/pipeline/segment.ts';
import { distanceKm } from '../src/util/geo.ts';
import type { Gazetteer } from '../src/pipeline/gazetteer.ts';
import type { GazetteerEntry } from '../src/pipeline/types.ts';

const ROOT = resolvePath(dirname(fileURLToPath(import.meta.url)), '..');
const EVAL_DIR = resolvePath(ROOT, '../shared/eval/geoparse');
const SCORER = join(EVAL_DIR, 'score.mjs');

/**
 * The corpora and the one convention in which their annotations differ: GeoWebNews and LGL count adjectival forms
 * ("French engineer", "Russian troops") as toponyms, GeoVirus does not.
 */
const CORPORA = [
  { dir: 'gwn-dev', label: 'GeoWebNews', demonyms: true },
  { dir: 'lgl-dev', label: 'LGL', demonyms: true },
  { dir: 'geovirus-dev', label: 'GeoVirus', demonyms: false },
];

/** The three corpora place "eastern Ukraine" at Ukraine's point: they annotate the country, not a part of it. */
const EVAL_RESOLVE = { ...RESOLVE_DEFAULTS, directionalRegions: false };

const args = process.argv.slice(2);
const only = args.includes('--corpus') ? args[args.indexOf('--corpus') + 1] : null;
const listErrors = args.includes('--errors');

if (!existsSync(SCORER)) {
  console.error(`eval-geoparse: the evaluation sets are not there (looked for ${SCORER}).`);
  console.error('They live beside the project in ../shared/eval/geoparse; nothing to measure without them.');
  process.exit(2);
}

const t0 = performance.now();
const gazetteer = loadGazetteer(join(ROOT, 'geo/build/gazetteer.json'));
console.log(`gazetteer loaded in ${(performance.now() - t0).toFixed(0)} ms`);

interface Prediction {
  start: number; end: number; text: string; lat: number | null; lon: number | null; id: string | null; candidates: string[];
}
interface Gold { start: number; end: number; text: string; lat: number; lon: number; type?: string; fcode?: string }

const summaries: string[] = [];
// The classes below are constants declared after this loop: it runs once the module is read.
queueMicrotask(() => {
for (const corpus of CORPORA) {
  if (only && corpus.dir !== only) continue;
  const dir = join(EVAL_DIR, corpus.dir);
  if (!existsSync(join(dir, 'docs'))) {
    console.error(`eval-geoparse: ${dir}/docs is missing; skipped`);
    continue;
  }
  const predictions: { doc: string; mentions: Prediction[] }[] = [];
  const t1 = performance.now();
  let chars = 0;
  const opts = { ...RECOGNISE_DEFAULTS, demonyms: corpus.demonyms };
  for (const file of readdirSync(join(dir, 'docs')).filter((f) => f.endsWith('.txt')).sort()) {
    const doc = ingest(file, readFileSync(join(dir, 'docs', file)));
    chars += doc.text.length;
    const resolved = resolve(recognise(doc, segment(doc), gazetteer, opts), doc, gazetteer, EVAL_RESOLVE);
    predictions.push({
      doc: file.replace(/\.txt$/, ''),
      // A mention resolve found no place for is not offered as a toponym.
      mentions: resolved.filter((m) => m.entry).map((m) => ({
        start: m.start, end: m.end, text: m.text, lat: m.entry?.lat ?? null, lon: m.entry?.lon ?? null, id: m.entry?.id ?? null,
        candidates: m.candidates,
      })),
    });
  }
  const runMs = performance.now() - t1;
  const out = join(mkdtempSync(join(tmpdir(), 'flankline-geoparse-')), 'predictions.json');
  writeFileSync(out, JSON.stringify(predictions));
  console.log(`\n== ${corpus.label} (${corpus.dir}): ${predictions.length} documents (${(chars / 1000).toFixed(0)} k chars) ` +
    `recognised and resolved in ${runMs.toFixed(0)} ms (${(predictions.length / (runMs / 1000)).toFixed(0)} documents/s)`);
  const report = execFileSync(process.execPath, [SCORER, dir, out], { encoding: 'utf8' }).trimEnd();
  // The scorer's own SUMMARY line is printed once for all corpora at the end, with the median error beside it.
  console.log(report.split('\n').filter((l) => !l.startsWith('SUMMARY')).join('\n'));
  const gold: { doc: string; toponyms: Gold[]; ignore?: Gold[] }[] = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8'));
  const errors = classify(gold, predictions, gazetteer);
  printClasses(errors);
  if (listErrors) for (const e of errors) console.log(`  ${e.cls.padEnd(22)} ${e.line}`);
  const median = /error_km_median_matched (\S+)/.exec(report)?.[1] ?? 'nan';
  const summary = /SUMMARY (.*)/.exec(report)?.[1] ?? '';
  summaries.push(`SUMMARY ${corpus.dir.padEnd(12)} ${summary.split(' ').slice(0, 3).join(' ')} median_km=${median} ${summary.split(' ').slice(3).join(' ')}`);
}
console.log(`\n${summaries.join('\n')}`);
});

// ---- error classes (issue 13, "What goes wrong") ----
interface ClassifiedError { cls: string; line: string }

const CLASSES = [
  ['point', 'the right place at another convention\'s point (a country, a subdivision)'],
  ['missing-admin', 'a county, state or province the gazetteer lacks or does not offer for the name'],
  ['missing-feature', 'a river, lake, sea, island, mountain, region or facility the gazetteer lacks'],
  ['missing-other', 'another place the gazetteer does not offer for the name (a village, a district)'],
  ['namesake', 'a namesake chosen over the place meant (the right one was a candidate)'],
  ['directional', '"eastern X" chosen where the text says "X", or the reverse'],
  ['not-a-place', 'a name recognised as a place where the corpus has none (persons, organisations, words)'],
  ['missed', 'a toponym not recognised at all'],
] as const;

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
const ADMIN = /\b(?:County|Parish|Province|State|Oblast|Region|District|Prefecture|Governorate|Department|Township|Borough)\b/;
const FEATURE = /\b(?:River|Lake|Sea|Gulf|Bay|Strait|Ocean|Island|Islands|Mountains?|Mount|Range|Valley|Airport|Canal|Creek|Desert|Peninsula|Park)\b/i;

function classOfMissing(g: Gold): string {
  if ((g.fcode && /^ADM[1-3]|^PCL/.test(g.fcode)) || ADMIN.test(g.text)) return 'missing-admin';
  if ((g.fcode && !/^(PPL|ADM|PCL)/.test(g.fcode)) || FEATURE.test(g.text)) return 'missing-feature';
  return 'missing-other';
}

function classify(gold: { doc: string; toponyms: Gold[]; ignore?: Gold[] }[], predictions: { doc: string; mentions: Prediction[] }[],
  gz: Gazetteer): ClassifiedError[] {
  const out: ClassifiedError[] = [];
  const byDoc = new Map(predictions.map((p) => [p.doc, p.mentions]));
  for (const g of gold) {
    const preds = byDoc.get(g.doc) ?? [];
    for (const t of g.toponyms) {
      const p = preds.find((x) => overlaps(x, t));
      if (!p) {
        out.push({ cls: 'missed', line: `${g.doc} ${t.text}` });
        continue;
      }
      if (p.lat === null || p.lon === null) continue;
      const km = distanceKm(t, { lat: p.lat, lon: p.lon });
      if (km <= 161) continue;
      const candidates = p.candidates.map((id) => gz.byId(id)).filter((e): e is GazetteerEntry => !!e);
      const near = candidates.filter((e) => distanceKm(t, e) <= 161);
      const closest = candidates.reduce<GazetteerEntry | null>((best, e) => (!best || distanceKm(t, e) < distanceKm(t, best) ? e : best), null);
      let cls: string;
      if (p.id?.startsWith('dir:') || near.some((e) => e.id.startsWith('dir:'))) cls = 'directional';
      else if (near.length) cls = 'namesake';
      else if (closest?.id === p.id && (closest.kind === 'country' || closest.kind === 'region')) cls = 'point';
      else cls = classOfMissing(t);
      out.push({ cls, line: `${g.doc} ${t.text} -> ${p.id} (${Math.round(km)} km; gold ${t.lat.toFixed(2)},${t.lon.toFixed(2)}` +
        `${t.fcode ? ` ${t.fcode}` : ''}${t.type ? ` ${t.type}` : ''})` });
    }
    for (const p of preds) {
      if (!g.toponyms.some((t) => overlaps(p, t)) && !(g.ignore ?? []).some((t) => overlaps(p, t))) {
        out.push({ cls: 'not-a-place', line: `${g.doc} ${p.text} -> ${p.id}` });
      }
    }
  }
  return out;
}

function printClasses(errors: readonly ClassifiedError[]) {
  const counts = new Map<string, number>();
  for (const e of errors) counts.set(e.cls, (counts.get(e.cls) ?? 0) + 1);
  console.log('errors by class (resolution errors are matched toponyms placed beyond 161 km):');
  for (const [cls, what] of CLASSES) console.log(`  by_class ${cls.padEnd(16)} ${String(counts.get(cls) ?? 0).padStart(5)}  ${what}`);
}
