import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findDates } from '../../../src/pipeline/date.ts';
import { extractEvents } from '../../../src/pipeline/events/extract.ts';
import { ingest } from '../../../src/pipeline/ingest.ts';
import { analyseSentence, tenseAt, type SentenceGrammar } from '../../../src/pipeline/language/clauses.ts';
import { DocumentGrammars } from '../../../src/pipeline/language/grammars.ts';
import { tagSentences, type Token } from '../../../src/pipeline/language/tagger.ts';
import { recognise } from '../../../src/pipeline/recognise.ts';
import { resolve } from '../../../src/pipeline/resolve.ts';
import { segment } from '../../../src/pipeline/segment.ts';
import { loadResources } from '../resources.ts';

// One long document: every seed article one after another (a few hundred sentences, headlines, datelines, lists).
const seeds = readdirSync('seeds').filter((f) => f.endsWith('.txt')).sort();
const text = seeds.map((f) => readFileSync(`seeds/${f}`, 'utf8')).join('\n\n');
const doc = ingest('seeds.txt', new TextEncoder().encode(text), { file: 'seeds.txt', title: 'Seeds', credit: null, published: '2025-10-15' });
const sentences = segment(doc);
const wanted = sentences.map((s) => s.isContent);

/** The grammars both ways: held compactly (what the pipeline does), and as plain objects, all of them at once. */
function bothWays() {
  const store = new DocumentGrammars(sentences.length);
  const plain: (SentenceGrammar | null)[] = sentences.map(() => null);
  tagSentences(doc.text, sentences, wanted, (i, tokens) => {
    plain[i] = analyseSentence(tokens.map((t) => ({ ...t })));
    store.add(i, tokens);
  });
  return { store: store.seal(), plain };
}

describe('DocumentGrammars', () => {
  it('DocumentGrammars.at() gives each sentence the grammar analyseSentence made, and null for sentences not tagged', () => {
    const { store, plain } = bothWays();
    expect(plain.filter(Boolean).length).toBeGreaterThan(100);
    for (let i = 0; i < sentences.length; i++) expect(store.at(i)).toEqual(plain[i]);
    expect(store.at(sentences.length)).toBeNull();
  });

  it('DocumentGrammars gives back a document longer than one chunk of its columns (16,384 tokens) as it was given', () => {
    const tagged = bothWays().plain.filter((g): g is SentenceGrammar => g !== null);
    const tokens = tagged.reduce((n, g) => n + g.tokens.length, 0);
    // The seeds' sentences again and again, to about 40,000 tokens: three chunks, the last one part full.
    const copies = Math.ceil(40_000 / tokens);
    const store = new DocumentGrammars(tagged.length * copies);
    for (let c = 0; c < copies; c++) for (const [j, g] of tagged.entries()) store.add(c * tagged.length + j, g.tokens);
    store.seal();
    for (let k = 0; k < tagged.length * copies; k++) expect(store.at(k)).toEqual(tagged[k % tagged.length]);
  });

  it('DocumentGrammars gives back tokens whose values outgrow a byte or 16 bits (a 100,000-character token, 200,000 distinct words)', () => {
    const sentence = (i: number) => Array.from({ length: 10 }, (_, k): Token => {
      const start = 200_000 * i + 20 * k;
      const word = `w${i}x${k}`;
      return { start, end: k === 9 && i === 3 ? start + 100_000 : start + 5, text: word.toUpperCase(), lower: word, lemma: `${word}l`, pos: k % 2 ? 'NOUN' : 'VERB' };
    });
    const count = 7_000;
    const store = new DocumentGrammars(count);
    for (let i = 0; i < count; i++) store.add(i, sentence(i));
    store.seal();
    for (let i = 0; i < count; i++) expect(store.at(i)).toEqual(analyseSentence(sentence(i)));
  });

  it('DocumentGrammars.at() gives the same verb groups (the objects, not copies) every time a sentence is read', () => {
    const { store } = bothWays();
    const i = sentences.findIndex((_, k) => (store.at(k)?.verbs.length ?? 0) > 0);
    const verbs = store.at(i)!.verbs;
    store.at(i + 1);
    expect(store.at(i)!.verbs[0]).toBe(verbs[0]);
  });

  it('extractEvents() finds the same events, byte for byte, from the compact grammars as from grammars held whole', () => {
    const { gazetteer, lexicon } = loadResources();
    const { store, plain } = bothWays();
    const dates = findDates(sentences, doc.published, undefined, (i, start, end) => (plain[i] ? tenseAt(plain[i]!, start, end) : null));
    const mentions = resolve(recognise(doc, sentences, gazetteer), doc, gazetteer);
    const input = { doc, sentences, mentions, dates, lexicon, places: gazetteer };
    const held = extractEvents({ ...input, grammars: plain });
    const compact = extractEvents({ ...input, grammars: store });
    expect(held.events.length).toBeGreaterThan(10);
    expect(JSON.stringify(compact)).toBe(JSON.stringify(held));
  });
});
