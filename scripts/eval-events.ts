// Scores event extraction on the development set kept outside the project (../shared/eval/events-dev) and on the
// bundled seeds, with the shared scorer (check.mjs: one-to-one matching of features to gold events), and prints a
// calibration table: how often events at each confidence answer a gold event.
//   npm run eval:events [-- --details]   (--details also prints the scorer's FOUND / MISSED / EXTRA lines)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadGazetteer } from './gazetteer-load.ts';
import { runPipeline, type PipelineInput } from '../src/pipeline/index.ts';
import { readManifest } from '../src/pipeline/manifest.ts';
import { write } from '../src/pipeline/write.ts';
import type { EventCollection } from '../src/model/event.ts';
import { loadLexicon } from './lexicon-load.ts';

const ROOT = resolvePath(dirname(fileURLToPath(import.meta.url)), '..');
const EVAL = resolvePath(ROOT, '../shared/eval');
const SETS = [
  { name: 'events-dev', docs: join(EVAL, 'events-dev/docs'), manifest: join(EVAL, 'events-dev/manifest.json'), gold: join(EVAL, 'events-dev/gold.json') },
  { name: 'seeds', docs: join(ROOT, 'seeds'), manifest: join(ROOT, 'seeds/manifest.json'), gold: join(EVAL, 'seeds/gold.json') },
];
const SCORER = join(EVAL, 'events-dev/check.mjs');
const details = process.argv.includes('--details');

if (!existsSync(SCORER)) {
  console.error(`eval-events: the scorer is not there (looked for ${SCORER}); the development sets live beside the project in ../shared/eval.`);
  process.exit(2);
}

const resources = { gazetteer: loadGazetteer(join(ROOT, 'geo/build/gazetteer.json')), lexicon: loadLexicon(join(ROOT, 'lexicon/build/events.json')) };

interface Gold { doc: string; lat: number; lon: number; km: number; from: string; to: string }

function readSet(docsDir: string, manifestPath: string): PipelineInput[] {
  const entries = existsSync(manifestPath) ? readManifest(readFileSync(manifestPath, 'utf8'), manifestPath).entries : [];
  const byFile = new Map(entries.map((e) => [e.file, e]));
  return readdirSync(docsDir).filter((f) => f.endsWith('.txt')).sort().map((file) => ({ file, bytes: readFileSync(join(docsDir, file)), meta: byFile.get(file) }));
}

function km(a: [number, number], b: [number, number]): number {
  const rad = Math.PI / 180;
  const h = Math.sin(((b[1] - a[1]) * rad) / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(((b[0] - a[0]) * rad) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}

/** Which features answer a gold event, one to one as check.mjs matches them (augmenting paths). */
function matched(collection: EventCollection, gold: Gold[]): Set<number> {
  const feats = collection.features;
  const answers = (f: EventCollection['features'][number], g: Gold) =>
    f.properties.end >= g.from && f.properties.start <= g.to && f.properties.sources.some((s) => s.doc === basename(g.doc)) &&
    km(f.geometry.coordinates, [g.lon, g.lat]) <= g.km;
  const options = gold.map((g) => feats.map((f, i) => (answers(f, g) ? i : -1)).filter((i) => i >= 0));
  const goldOf = new Array<number>(feats.length).fill(-1);
  const augment = (gi: number, seen: Set<number>): boolean => {
    for (const fi of options[gi]) {
      if (seen.has(fi)) continue;
      seen.add(fi);
      if (goldOf[fi] < 0 || augment(goldOf[fi], seen)) { goldOf[fi] = gi; return true; }
    }
    return false;
  };
  for (let gi = 0; gi < gold.length; gi++) augment(gi, new Set());
  return new Set(goldOf.map((g, i) => (g >= 0 ? i : -1)).filter((i) => i >= 0));
}

const BINS = [0, 0.2, 0.4, 0.6, 0.8, 1.0001];
for (const set of SETS) {
  const t0 = performance.now();
  const inputs = readSet(set.docs, set.manifest);
  const result = runPipeline(inputs, resources);
  const failed = result.outcomes.filter((o) => o.error !== null);
  for (const o of failed) console.error(`eval-events: ${o.error}`);
  const files = write(result.events, result.documents, result.mentions);
  const ms = performance.now() - t0;
  const out = join(mkdtempSync(join(tmpdir(), `flankline-${set.name}-`)), 'events.geojson');
  writeFileSync(out, files.events);
  let report: string;
  try {
    report = execFileSync(process.execPath, [SCORER, out, set.gold], { encoding: 'utf8' });
  } catch (error) {
    report = (error as { stdout?: string }).stdout ?? '';
  }
  const lines = report.trimEnd().split('\n');
  console.log(`\n## ${set.name}: ${inputs.length} documents in ${ms.toFixed(0)} ms (${out})`);
  if (details) console.log(lines.slice(0, -1).join('\n'));
  console.log(`SUMMARY ${set.name} ${lines[lines.length - 1]}${failed.length ? `, ${failed.length} documents FAILED` : ''}`);

  const collection = JSON.parse(files.events) as EventCollection;
  const gold = (JSON.parse(readFileSync(set.gold, 'utf8')) as { events: Gold[] }).events;
  const stems = new Set(gold.map((g) => g.doc));
  const scored = collection.features.map((f, i) => ({ f, i })).filter(({ f }) => f.properties.sources.some((s) => stems.has(s.doc)));
  const hits = matched(collection, gold);
  console.log('confidence   features  answer gold   share');
  for (let b = 0; b < BINS.length - 1; b++) {
    const inBin = scored.filter(({ f }) => f.properties.confidence >= BINS[b] && f.properties.confidence < BINS[b + 1]);
    const good = inBin.filter(({ i }) => hits.has(i)).length;
    const label = `${BINS[b].toFixed(1)}-${Math.min(1, BINS[b + 1]).toFixed(1)}`;
    console.log(`${label.padEnd(12)} ${String(inBin.length).padStart(8)}  ${String(good).padStart(11)}   ${inBin.length ? `${Math.round((100 * good) / inBin.length)}%` : '-'}`);
  }
}
