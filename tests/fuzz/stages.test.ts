// Property-based tests over the date resolver, the gazetteer matcher, the contract validator and the whole
// pipeline: random and mutated text never throws an unexpected error, never takes long, and never yields a span
// or excerpt that is not the text at its offsets. Bounded runs with a fixed seed (tests/fuzz/mutate.ts).
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { findDates } from '../../src/pipeline/date.ts';
import { recognise } from '../../src/pipeline/recognise.ts';
import { loadGazetteer } from '../../scripts/gazetteer-load.ts';
import { loadResources } from '../pipeline/resources.ts';
import { ingest } from '../../src/pipeline/ingest.ts';
import { segment } from '../../src/pipeline/segment.ts';
import { markupSpans } from '../../src/pipeline/boilerplate.ts';
import { runPipeline } from '../../src/pipeline/index.ts';
import { toCollection, toDocumentList } from '../../src/pipeline/write.ts';
import { PipelineInputError } from '../../src/pipeline/errors.ts';
import { checkExcerpts, isIsoDate, validateEvents } from '../../src/model/index.ts';
import type { Gazetteer } from '../../src/pipeline/gazetteer.ts';
import { bounded, FUZZ_RUNS, FUZZ_SEED, mutatedText, published, seedSentences } from './mutate.ts';

const SEEDS = seedSentences();
const run = { seed: FUZZ_SEED, endOnFailure: true };
let gazetteer: Gazetteer;

beforeAll(() => { gazetteer = loadGazetteer(); }, 60_000);

/** The document a file with this text becomes, or null when ingest refuses it (binary, empty) with its own error. */
function ingestOrNull(file: string, text: string) {
  try {
    return ingest(file, new TextEncoder().encode(text));
  } catch (error) {
    if (error instanceof PipelineInputError) return null;
    throw error;
  }
}

describe('fuzz', { timeout: 60_000 }, () => {
  it('findDates() on mutated sentences gives mentions that are the text at their offsets, with real intervals', () => {
    expect(SEEDS.length).toBeGreaterThan(20);
    fc.assert(fc.property(mutatedText(SEEDS), published, (text, day) => {
      const sentence = { start: 0, end: text.length, text, isContent: true };
      const mentions = bounded(2000, 'findDates', () => findDates([sentence], day));
      for (const m of mentions) {
        expect(m.start).toBeGreaterThanOrEqual(0);
        expect(m.end).toBeLessThanOrEqual(text.length);
        expect(m.start).toBeLessThan(m.end);
        expect(text.slice(m.start, m.end)).toBe(m.text);
        if (m.interval) {
          expect(isIsoDate(m.interval.start) && isIsoDate(m.interval.end), `${m.interval.start}..${m.interval.end}`).toBe(true);
          expect(m.interval.start <= m.interval.end, `${m.text}: ${m.interval.start}..${m.interval.end}`).toBe(true);
        }
      }
    }), { ...run, numRuns: 300 * FUZZ_RUNS });
  });

  it('recognise() with the real gazetteer on mutated documents gives mentions that are the text at their offsets', () => {
    fc.assert(fc.property(fc.array(mutatedText(SEEDS), { minLength: 1, maxLength: 4 }), (paragraphs) => {
      const doc = ingestOrNull('fuzz.txt', paragraphs.join('\n'));
      if (!doc) return;
      const sentences = segment(doc);
      for (const s of sentences) expect(doc.text.slice(s.start, s.end)).toBe(s.text);
      const mentions = bounded(2000, 'recognise', () => recognise(doc, sentences, gazetteer));
      for (const m of mentions) {
        expect(m.start >= 0 && m.start < m.end && m.end <= doc.text.length, `${m.start}..${m.end}`).toBe(true);
        expect(doc.text.slice(m.start, m.end)).toBe(m.text);
      }
    }), { ...run, numRuns: 150 * FUZZ_RUNS });
  });

  it('markupSpans() and segment() on text mixed with HTML give sorted spans inside the text and sentences that are its slices', () => {
    const tag = fc.constantFrom('<p>', '</p>', '<script>', '</script>', '<style>', '<!--', '-->', '<b onclick="x">', '<img src=x>', '<br/>', '<title>', '</title>', '<a href="', '<div', '>', '<');
    const html = fc.array(fc.oneof(mutatedText(SEEDS, 2), tag), { minLength: 1, maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(fc.property(html, (text) => {
      const spans = bounded(1000, 'markupSpans', () => markupSpans(text));
      let last = 0;
      for (const s of spans) {
        expect(s.start >= last && s.start < s.end && s.end <= text.length, `${s.start}..${s.end}`).toBe(true);
        last = s.end;
      }
      const doc = ingestOrNull('fuzz.txt', text);
      if (!doc) return;
      for (const s of bounded(1000, 'segment', () => segment(doc))) expect(doc.text.slice(s.start, s.end)).toBe(s.text);
    }), { ...run, numRuns: 200 * FUZZ_RUNS });
  });

  it('validateEvents() answers any JSON with ok or a list of messages, never by throwing', () => {
    const valid = JSON.parse(readFileSync('tests/fixtures/fixture-events.geojson', 'utf8'));
    // A valid collection with one value somewhere replaced by random JSON.
    const mutated = fc.tuple(fc.nat(), fc.nat(), fc.jsonValue({ maxDepth: 3 })).map(([f, k, value]) => {
      const copy = structuredClone(valid);
      const feature = copy.features[f % copy.features.length];
      const keys = ['id', 'type', 'geometry', ...Object.keys(feature.properties).map((p) => `properties.${p}`)];
      const key = keys[k % keys.length];
      if (key.startsWith('properties.')) feature.properties[key.slice(11)] = value;
      else feature[key] = value;
      return copy;
    });
    fc.assert(fc.property(fc.oneof(fc.jsonValue({ maxDepth: 4 }), mutated), (json) => {
      const result = bounded(1000, 'validateEvents', () => validateEvents(json));
      if (!result.ok) {
        expect(result.errors.length).toBeGreaterThan(0);
        for (const e of result.errors) expect(typeof e).toBe('string');
      }
    }), { ...run, numRuns: 300 * FUZZ_RUNS });
  });

  it('runPipeline() over mutated documents writes only events whose excerpts are their document\'s text at their offsets', () => {
    let events = 0;
    fc.assert(fc.property(fc.array(fc.array(mutatedText(SEEDS, 4), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 3 }), published, (docs, day) => {
      const inputs = docs.map((paragraphs, i) => ({
        file: `fuzz-${i}.txt`,
        bytes: new TextEncoder().encode(paragraphs.join('\n')),
        meta: { file: `fuzz-${i}.txt`, title: `Fuzz ${i}`, credit: null, published: day },
      }));
      // A hang detector, not a speed test: up to 3 documents with the linguistic layer on a shared 2-core machine
      const result = bounded(15000, 'runPipeline', () => runPipeline(inputs, loadResources()));
      // Failures are only ever bad input (binary, empty), never an internal error in a stage.
      for (const o of result.outcomes) if (o.error) expect(o.error).not.toMatch(/internal error/);
      const collection = toCollection(result.events);
      events += collection.features.length;
      const checked = validateEvents(collection);
      expect(checked.ok ? [] : checked.errors).toEqual([]);
      expect(checkExcerpts(collection, toDocumentList(result.documents))).toEqual([]);
      for (const f of collection.features) {
        for (const s of f.properties.sources) {
          for (const h of s.highlights) expect(h.start >= s.start && h.end <= s.end && h.start < h.end, `${f.id} ${h.kind} ${h.start}..${h.end}`).toBe(true);
        }
      }
    }), { ...run, numRuns: 60 * FUZZ_RUNS });
    // Mutated seed sentences still read as events often enough for the excerpt checks to mean something.
    expect(events).toBeGreaterThan(10);
  });
});
