// Tunes the ranker's weights (RESOLVE_DEFAULTS) on the three development corpora together, never on one: a
// coordinate search that keeps a change only when the mean accuracy within 161 km over GeoWebNews, LGL and GeoVirus
// rises. Recognition runs once; each trial re-runs resolve only. Prints the weights it found: copying them into
// RESOLVE_DEFAULTS is a decision for a person, who reads the per-corpus figures beside them.
//   npx tsx scripts/tune-resolve.ts [--rounds 2]
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadGazetteer } from './gazetteer-load.ts';
import { ingest } from '../src/pipeline/ingest.ts';
import { recognise, RECOGNISE_DEFAULTS } from '../src/pipeline/recognise.ts';
import { resolve, RESOLVE_DEFAULTS, type ResolveOptions } from '../src/pipeline/resolve.ts';
import { segment } from '../src/pipeline/segment.ts';
import { distanceKm } from '../src/util/geo.ts';
import type { IngestedDocument, PlaceMention } from '../src/pipeline/types.ts';

const ROOT = resolvePath(dirname(fileURLToPath(import.meta.url)), '..');
const EVAL_DIR = resolvePath(ROOT, '../shared/eval/geoparse');
const CORPORA = [
  { dir: 'gwn-dev', demonyms: true },
  { dir: 'lgl-dev', demonyms: true },
  { dir: 'geovirus-dev', demonyms: false },
];
const rounds = process.argv.includes('--rounds') ? Number(process.argv[process.argv.indexOf('--rounds') + 1]) : 2;

interface Gold { start: number; end: number; lat: number; lon: number }
interface Case { doc: IngestedDocument; mentions: PlaceMention[]; gold: Gold[] }

const gazetteer = loadGazetteer(join(ROOT, 'geo/build/gazetteer.json'));
const corpora: Case[][] = CORPORA.map(({ dir, demonyms }) => {
  const gold: { doc: string; toponyms: Gold[] }[] = JSON.parse(readFileSync(join(EVAL_DIR, dir, 'gold.json'), 'utf8'));
  const byDoc = new Map(gold.map((g) => [g.doc, g.toponyms]));
  return readdirSync(join(EVAL_DIR, dir, 'docs')).filter((f) => f.endsWith('.txt')).map((file) => {
    const doc = ingest(file, readFileSync(join(EVAL_DIR, dir, 'docs', file)));
    const mentions = recognise(doc, segment(doc), gazetteer, { ...RECOGNISE_DEFAULTS, demonyms });
    return { doc, mentions, gold: byDoc.get(file.replace(/\.txt$/, '')) ?? [] };
  });
});

/** Accuracy within 161 km over gold toponyms an offered (resolved) mention overlaps, as the shared scorer counts it. */
function accuracy(cases: readonly Case[], opts: ResolveOptions): number {
  let matched = 0;
  let hits = 0;
  for (const c of cases) {
    const offered = resolve(c.mentions, c.doc, gazetteer, opts).filter((m) => m.entry);
    for (const g of c.gold) {
      const m = offered.find((x) => x.start < g.end && g.start < x.end);
      if (!m) continue;
      matched++;
      if (distanceKm(g, m.entry!) <= 161) hits++;
    }
  }
  return matched ? hits / matched : 0;
}

const scoreOf = (opts: ResolveOptions) => {
  const each = corpora.map((cases) => accuracy(cases, opts));
  return { mean: each.reduce((a, b) => a + b, 0) / each.length, each };
};

type Path = [string] | [string, string];
const get = (o: ResolveOptions, [a, b]: Path) => (b ? (o as unknown as Record<string, Record<string, number>>)[a][b] : (o as unknown as Record<string, number>)[a]);
function set(o: ResolveOptions, [a, b]: Path, v: number): ResolveOptions {
  const copy = structuredClone(o);
  if (b) (copy as unknown as Record<string, Record<string, number>>)[a][b] = v;
  else (copy as unknown as Record<string, number>)[a] = v;
  return copy;
}
const PARAMETERS: Path[] = [
  ['populationWeight'], ['alternateNamePenalty'], ['documentCountryBonus'], ['proximityBonus'], ['proximityKm'],
  ['containerBonus'], ['regionBonus'], ['regionMaxPlaces'], ['regionWeakShare'], ['anchorMargin'], ['listBonus'], ['seatNamesakePenalty'],
  ['coherenceBonus'], ['coherenceKm'],
  ['featureWeight', 'PCLI'], ['featureWeight', 'ADM1'], ['featureWeight', 'PPLC'], ['featureWeight', 'PPLA'], ['featureWeight', 'PPLA2'],
];
const STEPS = [0.5, 0.75, 1.25, 1.5];

// As eval-geoparse measures: the corpora place "eastern Ukraine" at Ukraine's point.
let best = { ...structuredClone(RESOLVE_DEFAULTS), directionalRegions: false };
let bestScore = scoreOf(best);
const show = (s: { mean: number; each: number[] }) => `mean ${s.mean.toFixed(4)} (${s.each.map((x, i) => `${CORPORA[i].dir} ${x.toFixed(3)}`).join(', ')})`;
console.log(`start: ${show(bestScore)}`);
for (let r = 0; r < rounds; r++) {
  for (const p of PARAMETERS) {
    const v0 = get(best, p);
    for (const f of STEPS) {
      const v = v0 === 0 ? f - 1 : v0 * f;
      const trial = set(best, p, Math.round(v * 100) / 100);
      const s = scoreOf(trial);
      if (s.mean > bestScore.mean + 1e-4) {
        [best, bestScore] = [trial, s];
        console.log(`${p.join('.')} ${v0} -> ${get(best, p)}: ${show(s)}`);
      }
    }
  }
}
console.log(`best: ${show(bestScore)}`);
console.log(JSON.stringify(Object.fromEntries(PARAMETERS.map((p) => [p.join('.'), get(best, p)]))));
