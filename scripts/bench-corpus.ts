// A seeded corpus of generated news-sized documents (about 2.8 KB, a wire story's length) for the pipeline benches:
// every run measures the same text. Dense on purpose: about 15 event reports a document, several times real news.
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { GazetteerData } from '../src/pipeline/gazetteer.ts';
import { GAZETTEER_PATH } from './gazetteer-load.ts';
import type { PipelineInput } from '../src/pipeline/index.ts';
import { seededRandom } from './seeded-random.ts';

export const CORPUS_DEFAULTS = {
  /** Documents in the generated corpus. */
  documents: 1000,
  /** Sentences per document: about 3,000 characters, a typical wire story. */
  sentencesPerDocument: 30,
  /** PRNG seed; change it to measure another corpus of the same shape. */
  seed: 20251015,
  /** Cities below this population are not drawn (a reader would not know them either). */
  minPopulation: 100_000,
  /**
   * Share of sentences drawn from the templates that report an event; null draws from all templates alike (half of
   * them report one: about 15 event reports a document, the throughput bench's dense corpus). 0.12 gives about 4 a
   * document, as the seed corpus has per article.
   */
  eventShare: null as number | null,
};

/** The first EVENT_TEMPLATES templates report an event; the others are filler a wire story also has. */
const EVENT_TEMPLATES = 8;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const TEMPLATES = [
  'Defence ministers met in {city} on {date} to discuss air defence and ammunition production.',
  'Officials said drones violated {adj} airspace overnight before turning back toward the border.',
  'A cargo plane crashed near {city} on {weekday}, and investigators have not ruled out sabotage.',
  'Airstrikes hit power stations in {city} and {city2}, cutting electricity to thousands of homes.',
  'Troops advanced toward {city} after weeks of fighting, according to a report published on {date}.',
  'The alliance deployed a new battlegroup to {country} in {month} {year}, officials confirmed.',
  'A new mission headquartered in {city} will coordinate training and supplies from {month}.',
  '{country} pledged a further aid package worth 400 million euros on {date}.',
  'The minister said the talks had been constructive and that work would continue next year.',
  'Analysts cautioned that the situation remained fluid and that more reporting was needed.',
  'Residents of {city} described long queues at petrol stations and shops closing early.',
  'The government in {city} declined to comment on the reports when contacted by reporters.',
  'Prices for grain and fertiliser rose sharply after the announcement, traders in {city} said.',
  'Opposition lawmakers called for an inquiry, saying parliament had not been consulted.',
  'The ministry of defence of {country} said its air defences had been placed on high alert.',
  'Observers noted that similar incidents had been reported in {country} and {country2} earlier in {year}.',
];

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** The corpus, one document at a time (a million need not fit in memory). */
export function* generatedCorpus(data: GazetteerData, opts = CORPUS_DEFAULTS): Generator<PipelineInput> {
  const random = seededRandom(opts.seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const cities: string[] = [];
  const countries: string[] = [];
  // The index stores text columns as lines of one string (older formats: arrays); read either.
  const column = (c: string | string[]) => (Array.isArray(c) ? c : c.split('\n'));
  const names = column(data.names as string | string[]);
  for (let i = 0; i < names.length; i++) {
    if (data.kinds[i] === 'c' && data.population[i] >= opts.minPopulation && /^[A-Z][a-z]+( [A-Z][a-z]+)?$/.test(names[i])) cities.push(names[i]);
    if (data.kinds[i] === 'C' && /^[A-Z][a-z]+$/.test(names[i])) countries.push(names[i]);
  }
  if (cities.length < 100) throw new Error(`only ${cities.length} cities read from ${GAZETTEER_PATH}: has its format changed?`);
  const adjectives = ['Polish', 'Estonian', 'Romanian', 'Latvian', 'Lithuanian', 'Finnish', 'German', 'Danish', 'Norwegian', 'Moldovan'];
  const width = Math.max(4, String(opts.documents - 1).length);
  for (let d = 0; d < opts.documents; d++) {
    const year = 2015 + Math.floor(random() * 11);
    const month = Math.floor(random() * 12);
    const published = `${year}-${String(month + 1).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    const fill = (t: string) => t
      .replace('{city}', pick(cities)).replace('{city2}', pick(cities)).replace('{country}', pick(countries))
      .replace('{country2}', pick(countries)).replace('{adj}', pick(adjectives)).replace('{weekday}', pick(WEEKDAYS))
      .replace('{date}', `${1 + Math.floor(random() * 28)} ${MONTHS[month]} ${year}`).replace('{month}', pick(MONTHS)).replace('{year}', String(year));
    const template = () => opts.eventShare === null ? pick(TEMPLATES)
      : random() < opts.eventShare ? pick(TEMPLATES.slice(0, EVENT_TEMPLATES)) : pick(TEMPLATES.slice(EVENT_TEMPLATES));
    const sentences = Array.from({ length: opts.sentencesPerDocument }, () => fill(template()));
    const paragraphs: string[] = [];
    for (let s = 0; s < sentences.length; s += 3) paragraphs.push(sentences.slice(s, s + 3).join(' '));
    const file = `bench-${String(d).padStart(width, '0')}.txt`;
    const text = `${fill('Tension rises around {city}')}\n\n${paragraphs.join('\n\n')}\n`;
    yield { file, bytes: new TextEncoder().encode(text), meta: { file, title: '', credit: null, published } };
  }
}


/** Writes the corpus as a folder a user would have: one .txt file a document and a manifest.json with their dates. */
export function writeCorpusFolder(dir: string, data: GazetteerData, opts = CORPUS_DEFAULTS): number {
  mkdirSync(dir, { recursive: true });
  const entries: { file: string; title: string; published: string | null }[] = [];
  for (const input of generatedCorpus(data, opts)) {
    writeFileSync(join(dir, input.file), input.bytes);
    entries.push({ file: input.file, title: input.meta!.title, published: input.meta!.published });
  }
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ documents: entries }));
  return entries.length;
}

/** Writes the corpus as one JSON Lines file of articles (text, title, published, url), as news archives export them. */
export function writeCorpusJsonl(path: string, data: GazetteerData, opts = CORPUS_DEFAULTS): number {
  const fd = openSync(path, 'w');
  let n = 0;
  try {
    for (const input of generatedCorpus(data, opts)) {
      const article = { url: `https://example.org/${input.file.replace(/\.txt$/, '')}`, title: input.meta!.title, published: input.meta!.published, text: new TextDecoder().decode(input.bytes) };
      writeSync(fd, `${JSON.stringify(article)}\n`);
      n++;
    }
  } finally {
    closeSync(fd);
  }
  return n;
}
