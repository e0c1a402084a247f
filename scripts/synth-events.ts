// A deterministic synthetic corpus (npm run synth, scripts/synth.ts) of any size over Europe and several years, for scale tests and benchmarks.
// Each event is drawn from its own seeded stream (seed, index), so event i is the same whether one or a million are
// made, columns and GeoJSON agree, and a million events need no million objects at once.
import { CATEGORIES, PRECISIONS, type Category, type EventFeature, type SourceDocument } from '../src/model/index.ts';
import { FLAG_PERSISTS, NO_UNTIL, type ColumnarInput } from '../src/model/columnar.ts';
import { codeOfAlpha2 } from '../src/model/country-code.ts';
import { dayOf, isoOf, spanOf } from '../src/model/day.ts';
import { seededRandom } from './seeded-random.ts';

export interface SynthOptions {
  events: number;
  seed: number;
  /** First and last possible start day, ISO. */
  from: string;
  to: string;
}

export const SYNTH_DEFAULTS: SynthOptions = { events: 10_000, seed: 1, from: '2019-01-01', to: '2025-12-31' };

/** Relative frequency of each category, as in wire news about the eastern flank (most are one-off incidents). */
const CATEGORY_WEIGHTS: Record<Category, number> = {
  incident: 22, incursion: 15, strike: 15, advance: 8, meeting: 10, aid: 9, other: 11, deployment: 6, mission: 3, headquarters: 1,
};
/** Share of each category that is a lasting state rather than a one-off. */
const PERSIST_SHARE: Partial<Record<Category, number>> = { deployment: 0.25, mission: 0.5, headquarters: 0.8 };
const TITLE_VERBS: Record<Category, readonly string[]> = {
  meeting: ['Ministers meet in', 'Talks held in'], incursion: ['Airspace violation near', 'Drone crosses border near'],
  deployment: ['Troops deployed to', 'Air-defence battery moved to'], mission: ['Mission launched from', 'Patrol mission based in'],
  headquarters: ['Headquarters opened in', 'Command post set up in'], incident: ['Debris found near', 'Cable damaged near'],
  strike: ['Missile strike on', 'Drone strike on'], advance: ['Forces advance near', 'Front moves near'],
  aid: ['Aid package delivered to', 'Supplies arrive in'], other: ['Exercise reported near', 'Statement issued in'],
};
const ACTORS = ['PL', 'DE', 'EE', 'LV', 'LT', 'FI', 'RO', 'UA', 'RU', 'GB', 'US', 'FR', 'SE', 'NO'];

/** [name, country, lon, lat]: places events cluster around, as real reporting does. */
const PLACES: readonly (readonly [string, string, number, number])[] = [
  ['Warsaw', 'PL', 21.012, 52.23], ['Rzeszów', 'PL', 22.005, 50.041], ['Gdańsk', 'PL', 18.646, 54.352], ['Kraków', 'PL', 19.945, 50.065],
  ['Tallinn', 'EE', 24.754, 59.437], ['Tapa', 'EE', 25.959, 59.261], ['Narva', 'EE', 28.19, 59.377], ['Riga', 'LV', 24.105, 56.946],
  ['Ādaži', 'LV', 24.324, 57.075], ['Vilnius', 'LT', 25.279, 54.687], ['Rukla', 'LT', 24.378, 55.031], ['Helsinki', 'FI', 24.938, 60.17],
  ['Kotka', 'FI', 26.945, 60.466], ['Bucharest', 'RO', 26.102, 44.427], ['Constanța', 'RO', 28.634, 44.181], ['Galați', 'RO', 28.05, 45.435],
  ['Kyiv', 'UA', 30.524, 50.45], ['Kharkiv', 'UA', 36.231, 49.994], ['Odesa', 'UA', 30.723, 46.482], ['Lviv', 'UA', 24.03, 49.839],
  ['Dnipro', 'UA', 35.046, 48.465], ['Zaporizhzhia', 'UA', 35.139, 47.838], ['Berlin', 'DE', 13.405, 52.52], ['Ramstein', 'DE', 7.6, 49.437],
  ['Brussels', 'BE', 4.352, 50.847], ['Stockholm', 'SE', 18.069, 59.329], ['Gotland', 'SE', 18.5, 57.5], ['Oslo', 'NO', 10.752, 59.914],
  ['Copenhagen', 'DK', 12.568, 55.676], ['Chișinău', 'MD', 28.864, 47.011], ['Bratislava', 'SK', 17.107, 48.149], ['Budapest', 'HU', 19.04, 47.498],
  ['Sofia', 'BG', 23.322, 42.698], ['Varna', 'BG', 27.915, 43.214], ['Prague', 'CZ', 14.438, 50.076], ['London', 'GB', -0.128, 51.507],
  ['Paris', 'FR', 2.352, 48.857], ['Rome', 'IT', 12.496, 41.903], ['Madrid', 'ES', -3.704, 40.417], ['Athens', 'GR', 23.728, 37.984],
];

const DOC_SENTENCES: readonly string[][] = [
  ['Officials reported new airspace violations along the eastern border.', 'Fighters were scrambled twice during the night.',
    'The defence ministry said the drones came from the east.', 'No damage was reported on the ground.'],
  ['Allied ministers met to discuss support for the region.', 'A new aid package was agreed after long talks.',
    'Deliveries are expected to begin within weeks.', 'The statement named air defence as the first priority.'],
  ['A multinational battlegroup took up its post this spring.', 'Its headquarters opened in a former barracks.',
    'The mission will run until further notice.', 'Rotations are planned every six months.'],
  ['Missile strikes hit several cities overnight.', 'Emergency services worked through the morning.',
    'Forces were reported to advance near the river.', 'Debris fell across a wide area.'],
  ['Undersea cables were damaged in the sea this week.', 'Investigators examined a ship that left port days earlier.',
    'Patrols in the area were reinforced.', 'Officials called the incident deliberate.'],
];

export const SYNTH_DOCUMENTS: readonly SourceDocument[] = DOC_SENTENCES.map((sentences, d) => ({
  file: `synthetic-${String(d + 1).padStart(2, '0')}.txt`,
  title: `SYNTHETIC: wire report ${d + 1}`,
  credit: 'Flankline synthetic data (scripts/synth.ts)',
  published: null,
  text: `SYNTHETIC DOCUMENT, generated for scale tests.\n\n${sentences.join(' ')}\n`,
}));

/** [doc, start, end] of every sentence, so an excerpt is always the document's text at its offsets. */
const SENTENCE_SPANS: readonly (readonly [number, number, number])[] = DOC_SENTENCES.flatMap((sentences, d) =>
  sentences.map((s) => {
    const start = SYNTH_DOCUMENTS[d].text.indexOf(s);
    return [d, start, start + s.length] as const;
  }));


function streamFor(seed: number, i: number): () => number {
  return seededRandom(Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(i + 1, 0xc2b2ae35));
}

const CATEGORY_CUMULATIVE = (() => {
  const total = CATEGORIES.reduce((s, c) => s + CATEGORY_WEIGHTS[c], 0);
  let acc = 0;
  return CATEGORIES.map((c) => (acc += CATEGORY_WEIGHTS[c] / total));
})();

interface Draw {
  category: number; precision: number; start: number; end: number; persists: boolean; until: number;
  place: number; lon: number; lat: number; sources: number; confidence: number; title: string;
}

/** A few bursts of reporting (crises) on top of a steady flow: real corpora are not uniform in time. */
function burstsFor(options: SynthOptions): Float64Array {
  const r = seededRandom(options.seed);
  const from = dayOf(options.from);
  const span = dayOf(options.to) - from;
  const bursts = new Float64Array(6);
  for (let k = 0; k < bursts.length; k++) bursts[k] = from + r() * span;
  return bursts;
}

function draw(options: SynthOptions, bursts: Float64Array, i: number): Draw {
  const r = streamFor(options.seed, i);
  const from = dayOf(options.from);
  const to = dayOf(options.to);
  const u = r();
  let category = 0;
  while (CATEGORY_CUMULATIVE[category] < u) category++;
  const name = CATEGORIES[category];
  let day = r() < 0.7 ? from + r() * (to - from) : bursts[Math.floor(r() * bursts.length)] + (r() + r() + r() - 1.5) * 40;
  day = Math.min(to, Math.max(from, Math.floor(day)));
  const p = r();
  const precision = p < 0.78 ? 0 : p < 0.94 ? 1 : 2;
  const [start, spanEnd] = spanOf(day, PRECISIONS[precision]);
  const end = precision === 0 && r() < 0.1 ? day + 1 + Math.floor(r() * 4) : spanEnd;
  const persists = r() < (PERSIST_SHARE[name] ?? 0);
  const until = !persists || r() < 0.4 ? NO_UNTIL : end + 30 + Math.floor(r() * 900);
  const place = Math.floor(r() * PLACES.length);
  const [placeName, , lon0, lat0] = PLACES[place];
  const spread = r() < 0.8 ? 0.08 : 0.6;
  const lon = Math.round((lon0 + (r() + r() - 1) * spread) * 1e4) / 1e4;
  const lat = Math.round((lat0 + (r() + r() - 1) * spread * 0.6) * 1e4) / 1e4;
  const s = r();
  const sources = s < 0.7 ? 1 : s < 0.92 ? 2 : 3;
  const verbs = TITLE_VERBS[name];
  const title = `${verbs[Math.floor(r() * verbs.length)]} ${placeName}`;
  return { category, precision, start, end, persists, until, place, lon, lat, sources, confidence: Math.round((0.5 + r() * 0.49) * 100) / 100, title };
}

export interface SynthDataset {
  readonly options: SynthOptions;
  readonly documents: readonly SourceDocument[];
  readonly count: number;
  /** Event i as a contract feature (built on demand). */
  featureAt(i: number): EventFeature;
  /** All events as encoder input, without building features. */
  columns(): ColumnarInput;
}

export function synthesize(opts: Partial<SynthOptions> = {}): SynthDataset {
  const options = { ...SYNTH_DEFAULTS, ...opts };
  if (!Number.isInteger(options.events) || options.events < 0) throw new Error(`synth: --events must be a whole number >= 0, got ${options.events}`);
  if (!(dayOf(options.from) <= dayOf(options.to))) throw new Error(`synth: from ${options.from} is not before to ${options.to}`);
  const bursts = burstsFor(options);
  const idOf = (i: number) => `syn-${options.seed}-${i.toString(36)}`;
  return {
    options,
    documents: SYNTH_DOCUMENTS,
    count: options.events,
    featureAt(i) {
      const d = draw(options, bursts, i);
      const r = streamFor(options.seed ^ 0x5bd1e995, i);
      const [placeName, country] = PLACES[d.place];
      const actors = r() < 0.3 ? [] : [ACTORS[Math.floor(r() * ACTORS.length)]];
      const sources = [];
      for (let k = 0; k < d.sources; k++) {
        const [doc, start, end] = SENTENCE_SPANS[Math.floor(r() * SENTENCE_SPANS.length)];
        const document = SYNTH_DOCUMENTS[doc];
        const excerpt = document.text.slice(start, end);
        const word = excerpt.indexOf(' ');
        sources.push({
          doc: document.file, title: document.title, published: null, excerpt, start, end,
          highlights: [{ start, end: start + (word > 0 ? word : excerpt.length), kind: 'trigger' as const }],
        });
      }
      return {
        type: 'Feature',
        id: idOf(i),
        geometry: { type: 'Point', coordinates: [d.lon, d.lat] },
        properties: {
          title: d.title, category: CATEGORIES[d.category], start: isoOf(d.start), end: isoOf(d.end),
          precision: PRECISIONS[d.precision], persists: d.persists, until: d.until === NO_UNTIL ? null : isoOf(d.until),
          place: { name: placeName, kind: 'city', country, gazetteer: 'curated' },
          actors, confidence: d.confidence, sources,
        },
      };
    },
    columns() {
      const n = options.events;
      const c = {
        count: n, start: new Int32Array(n), end: new Int32Array(n), until: new Int32Array(n), lon: new Float64Array(n),
        lat: new Float64Array(n), category: new Uint8Array(n), precision: new Uint8Array(n), flags: new Uint8Array(n),
        sourceCount: new Uint8Array(n), title: new Array<string>(n), id: new Array<string>(n), place: new Array<string>(n),
        country: new Uint16Array(n),
      };
      for (let i = 0; i < n; i++) {
        const d = draw(options, bursts, i);
        c.start[i] = d.start; c.end[i] = d.end; c.until[i] = d.until; c.lon[i] = d.lon; c.lat[i] = d.lat;
        c.category[i] = d.category; c.precision[i] = d.precision; c.flags[i] = d.persists ? FLAG_PERSISTS : 0;
        c.sourceCount[i] = d.sources; c.title[i] = d.title; c.id[i] = idOf(i);
        c.place[i] = PLACES[d.place][0];
        c.country[i] = codeOfAlpha2(PLACES[d.place][1]);
      }
      return c;
    },
  };
}
