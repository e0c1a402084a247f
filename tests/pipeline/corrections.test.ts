import { beforeAll, describe, expect, it } from 'vitest';
import { loadResources } from './resources.ts';
import { runPipeline, type PipelineResult } from '../../src/pipeline/index.ts';
import { applyCorrections, currentId, type CorrectedEvent } from '../../src/pipeline/corrections.ts';
import { contentHash } from '../../src/pipeline/content-hash.ts';
import { write } from '../../src/pipeline/write.ts';
import { parseCorrections, correctionsText, type Anchor, type Correction } from '../../src/model/correction.ts';
import type { SourceDocument } from '../../src/model/document.ts';

const A = 'Drones over Poland\n\nRussian drones violated Polish airspace on 10 September 2025, the government in Warsaw said. '
  + 'Russian forces shelled Kharkiv and Sumy on 11 September 2025.\n\nNATO defence ministers met in Brussels on 12 September 2025.';
const B = 'Ministers convene\n\nNATO defence ministers convened in Brussels on 12 September 2025 to discuss the drones.';
const bytes = (t: string) => new TextEncoder().encode(t);
const meta = (file: string, title: string) => ({ file, title, credit: null, published: '2025-09-12' });

let result: PipelineResult;
beforeAll(() => {
  result = runPipeline([{ file: 'a.txt', bytes: bytes(A), meta: meta('a.txt', 'Drones') }, { file: 'b.txt', bytes: bytes(B), meta: meta('b.txt', 'Ministers') }], loadResources());
});

const eventAt = (events: readonly CorrectedEvent[], place: string) => {
  const found = events.filter((e) => e.entry.name === place);
  expect(found).toHaveLength(1);
  return found[0];
};
/** An anchor at an event's first source in `docs`, as the workbench makes it. */
function anchorOf(e: CorrectedEvent, docs: readonly SourceDocument[], i = 0): Anchor {
  const s = e.sources[i];
  const doc = docs.find((d) => d.file === s.doc)!;
  return { doc: s.doc, sha256: contentHash(doc.text), start: s.start, end: s.end, quote: doc.text.slice(s.start, s.end) };
}
let n = 0;
function correction(e: CorrectedEvent, docs: readonly SourceDocument[], rest: object): Correction {
  return {
    id: `c${++n}`, event: currentId(e), anchor: anchorOf(e, docs), by: 'Ana', at: '2025-10-20T10:00:00.000Z',
    was: { title: e.title, category: e.category, place: e.entry.name, start: e.start }, ...rest,
  } as Correction;
}
const WARSAW = { id: 'gn:756135', name: 'Warsaw', kind: 'city' as const, country: 'PL', lat: 52.22977, lon: 21.01178, geonameId: 756135, gazetteer: 'geonames' as const };

describe('applyCorrections', () => {
  it('applyCorrections() moves, re-dates, retitles and rejects the anchored events, and each keeps the id it had', () => {
    const docs = result.documents;
    const poland = eventAt(result.events, 'Poland');
    const brussels = eventAt(result.events, 'Brussels');
    const kharkiv = eventAt(result.events, 'Kharkiv');
    const ids = [currentId(poland), currentId(brussels), currentId(kharkiv)];
    const corrections = [
      correction(poland, docs, { action: 'move', from: {}, to: { place: WARSAW } }),
      correction(brussels, docs, { action: 'redate', from: {}, to: { date: { start: '2025-09-11', end: '2025-09-12', precision: 'day' } } }),
      correction(brussels, docs, { action: 'retitle', from: {}, to: { title: 'Defence ministers meet on the drones' } }),
      correction(kharkiv, docs, { action: 'reject', reason: 'shelling is not in scope' }),
    ];
    const out = applyCorrections(result.events, docs, corrections);
    expect(out.orphans).toEqual([]);
    expect(out.applied).toBe(4);
    const moved = eventAt(out.events, 'Warsaw');
    expect([moved.id, moved.entry.lat, moved.review?.state, moved.review?.by]).toEqual([ids[0], 52.22977, 'corrected', 'Ana']);
    const met = out.events.find((e) => e.id === ids[1])!;
    expect([met.start, met.end, met.title]).toEqual(['2025-09-11', '2025-09-12', 'Defence ministers meet on the drones']);
    const rejected = out.events.find((e) => e.id === ids[2])!;
    expect(rejected.review).toEqual({ state: 'rejected', by: 'Ana', at: '2025-10-20T10:00:00.000Z', reason: 'shelling is not in scope' });
    // Sumy shares Kharkiv's sentence and is left alone.
    expect(eventAt(out.events, 'Sumy').review).toBeUndefined();
    // the written features keep the ids (a move would otherwise change "incursion-poland-…")
    const features = JSON.parse(write(out.events, docs, []).events).features as { id: string; properties: { review?: { state: string } } }[];
    expect(features.map((f) => f.id)).toEqual(expect.arrayContaining(ids));
    expect(features.find((f) => f.id === ids[2])!.properties.review!.state).toBe('rejected');
  });

  it('applyCorrections() reports a correction on an edited or removed document as orphaned and applies the rest', () => {
    const docs = result.documents;
    const poland = eventAt(result.events, 'Poland');
    const brussels = eventAt(result.events, 'Brussels');
    const corrections = [
      correction(poland, docs, { action: 'move', from: {}, to: { place: WARSAW } }),
      // anchored in b.txt, which stays as it was
      { ...correction(brussels, docs, { action: 'accept' }), anchor: anchorOf(brussels, docs, 1) },
    ];
    const edited = docs.map((d) => (d.file === 'a.txt' ? { ...d, text: d.text.replace('Russian drones', 'Drones') } : d));
    const out = applyCorrections(result.events, edited, corrections);
    expect(out.orphans.map((o) => [o.correction.id, o.reason])).toEqual([[corrections[0].id, 'a.txt has changed since: its text is not the one this correction was made on']]);
    expect(out.events.some((e) => e.entry.name === 'Warsaw')).toBe(false);
    expect(out.applied).toBe(1);
    const removed = applyCorrections(result.events, docs.filter((d) => d.file !== 'a.txt'), corrections);
    expect(removed.orphans[0].reason).toBe('a.txt is not in the corpus any more');
  });

  it('applyCorrections() never guesses between events of one sentence when neither id nor summary tells them apart', () => {
    const docs = result.documents;
    const kharkiv = eventAt(result.events, 'Kharkiv');
    const c = { ...correction(kharkiv, docs, { action: 'accept' }), event: 'some-old-id', was: undefined };
    const out = applyCorrections(result.events, docs, [c]);
    expect(out.orphans).toHaveLength(1);
    expect(out.orphans[0].reason).toMatch(/^2 events share this sentence/);
  });

  it('applyCorrections() merges two events into one and splits a source off into a new event with its given id', () => {
    const docs = result.documents;
    const poland = eventAt(result.events, 'Poland');
    const sumy = eventAt(result.events, 'Sumy');
    const brussels = eventAt(result.events, 'Brussels');
    const merge = correction(poland, docs, { action: 'merge', other: anchorOf(sumy, docs), otherEvent: currentId(sumy) });
    const split = correction(brussels, docs, { action: 'split', sources: [anchorOf(brussels, docs, 1)], newEvent: 'meeting-brussels-b' });
    const out = applyCorrections(result.events, docs, [merge, split]);
    expect(out.orphans).toEqual([]);
    expect(out.events.some((e) => e.entry.name === 'Sumy')).toBe(false);
    expect(eventAt(out.events, 'Poland').sources.map((s) => s.start)).toEqual([poland.sources[0].start, sumy.sources[0].start]);
    const parts = out.events.filter((e) => e.entry.name === 'Brussels');
    expect(parts.map((e) => [e.id, e.sources.map((s) => s.doc)])).toEqual([[currentId(brussels), ['a.txt']], ['meeting-brussels-b', ['b.txt']]]);
  });

  it('applyCorrections() adds an event at a selected sentence, with the document as its source', () => {
    const docs = result.documents;
    const a = docs.find((d) => d.file === 'a.txt')!;
    const start = a.text.indexOf('the government in Warsaw');
    const quote = 'the government in Warsaw said.';
    const add = {
      id: 'c-add', action: 'add', event: 'other-warsaw-2025-09-10', by: 'Ana', at: '2025-10-20T10:00:00.000Z',
      anchor: { doc: 'a.txt', sha256: contentHash(a.text), start, end: start + quote.length, quote },
      to: { title: 'Polish government statement', category: 'other', place: WARSAW, date: { start: '2025-09-10', end: '2025-09-10', precision: 'day' } },
    } as Correction;
    const out = applyCorrections(result.events, docs, [add]);
    const added = out.events.find((e) => e.id === 'other-warsaw-2025-09-10')!;
    expect(added.review?.state).toBe('added');
    expect(added.sources).toEqual([{ doc: 'a.txt', title: 'Drones', published: '2025-09-12', excerpt: quote, start, end: start + quote.length, highlights: [] }]);
    const written = JSON.parse(write(out.events, docs, []).events);
    expect(written.features.map((f: { id: string }) => f.id)).toContain('other-warsaw-2025-09-10');
  });

  it('parseCorrections() reads what correctionsText() writes and names the entry of a bad one', () => {
    const docs = result.documents;
    const c = correction(eventAt(result.events, 'Poland'), docs, { action: 'accept' });
    const text = correctionsText({ revision: 3, corrections: [c] });
    const parsed = parseCorrections(text);
    expect(parsed.ok && parsed.value.corrections[0]).toEqual(c);
    expect(parseCorrections('{"revision": 1, "corrections": [{"action": "move"}]}')).toMatchObject({ ok: false, error: expect.stringMatching(/^corrections\.json: corrections\[0\]/) });
    expect(parseCorrections('{"revision": ')).toMatchObject({ ok: false, error: expect.stringMatching(/^corrections\.json is not valid JSON/) });
  });
});
