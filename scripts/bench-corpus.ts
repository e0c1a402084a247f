// The seeded corpus the pipeline benchmarks read: wire-story sentences over real place names from the gazetteer.
import { GAZETTEER_PATH } from '../src/pipeline/gazetteer-load.ts';
import type { GazetteerData } from '../src/pipeline/gazetteer.ts';
import type { PipelineInput } from '../src/pipeline/index.ts';
import { seededRandom } from '../src/util/seeded-random.ts';

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

export interface CorpusShape {
  documents: number;
  sentencesPerDocument: number;
  seed: number;
  minPopulation: number;
}

/** Documents of wire-story sentences over real place names, the same for the same seed. */
export function benchCorpus(data: GazetteerData, opts: CorpusShape): PipelineInput[] {
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
  const inputs: PipelineInput[] = [];
  for (let d = 0; d < opts.documents; d++) {
    const year = 2015 + Math.floor(random() * 11);
    const month = Math.floor(random() * 12);
    const published = `${year}-${String(month + 1).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    // Replacer functions: a place name is data, never a replacement pattern.
    const fill = (t: string) => t
      .replace('{city}', () => pick(cities)).replace('{city2}', () => pick(cities)).replace('{country}', () => pick(countries))
      .replace('{country2}', () => pick(countries)).replace('{adj}', () => pick(adjectives)).replace('{weekday}', () => pick(WEEKDAYS))
      .replace('{date}', () => `${1 + Math.floor(random() * 28)} ${MONTHS[month]} ${year}`).replace('{month}', () => pick(MONTHS))
      .replace('{year}', () => String(year));
    const sentences = Array.from({ length: opts.sentencesPerDocument }, () => fill(pick(TEMPLATES)));
    const paragraphs: string[] = [];
    for (let s = 0; s < sentences.length; s += 3) paragraphs.push(sentences.slice(s, s + 3).join(' '));
    const file = `bench-${String(d).padStart(4, '0')}.txt`;
    const text = `${fill('Tension rises around {city}')}\n\n${paragraphs.join('\n\n')}\n`;
    inputs.push({ file, bytes: new TextEncoder().encode(text), meta: { file, title: '', credit: null, published } });
  }
  return inputs;
}
