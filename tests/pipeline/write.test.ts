import { describe, expect, it } from 'vitest';
import { baseId, collectionChunks, toCollection, write } from '../../src/pipeline/write.ts';
import type { MergedEvent } from '../../src/pipeline/merge.ts';
import { validateEvents } from '../../src/model/validate.ts';
import type { GazetteerEntry } from '../../src/pipeline/types.ts';

const TEXT = 'NATO defence ministers met in Brussels on Wednesday. Drones violated Polish airspace.';
const DOCS = [{ file: 'b.txt', title: 'B', credit: null, published: '2025-10-15', text: TEXT }];
const BRUSSELS: GazetteerEntry = { id: 'gn:2800866', name: 'Brussels', kind: 'city', country: 'BE', lat: 50.850449999, lon: 4.348780001, population: 1, featureCode: 'PPLC', geonameId: 2800866, gazetteer: 'geonames' };
const LONDON_GB: GazetteerEntry = { id: 'gn:2643743', name: 'London', kind: 'city', country: 'GB', lat: 51.50853, lon: -0.12574, population: 1, featureCode: 'PPLC', geonameId: 2643743, gazetteer: 'geonames' };
const LONDON_CA: GazetteerEntry = { id: 'gn:6058560', name: 'London', kind: 'city', country: 'CA', lat: 42.98339, lon: -81.23304, population: 1, featureCode: 'PPL', geonameId: 6058560, gazetteer: 'geonames' };
const POLAND: GazetteerEntry = { id: 'ne:PL', name: 'Poland', kind: 'country', country: 'PL', lat: 52.1, lon: 19.4, population: 1, featureCode: 'PCLI', gazetteer: 'naturalearth' };

function event(over: Partial<MergedEvent> = {}): MergedEvent {
  const end = TEXT.indexOf('.') + 1;
  return {
    category: 'meeting', title: 'NATO defence ministers meet in Brussels', start: '2025-10-15', end: '2025-10-15', precision: 'day',
    persists: false, status: 'happened', dateSource: 'clause', reason: "date: 'on Wednesday' (same clause)", entry: BRUSSELS, actors: [], confidence: 0.9,
    sources: [{ doc: 'b.txt', title: 'B', published: '2025-10-15', excerpt: TEXT.slice(0, end), start: 0, end, highlights: [{ start: 30, end: 38, kind: 'place' }] }],
    ...over,
  };
}
function incursion(): MergedEvent {
  const start = TEXT.indexOf('Drones');
  return event({
    category: 'incursion', title: 'Drones violate Polish airspace', entry: POLAND, start: '2025-09-01', end: '2025-09-30', precision: 'month',
    sources: [{ doc: 'b.txt', title: 'B', published: '2025-10-15', excerpt: TEXT.slice(start), start, end: TEXT.length, highlights: [] }],
  });
}

describe('write', () => {
  it('write() derives ids from category, place identity and start date', () => {
    expect(baseId(event())).toBe('meeting-gn2800866-2025-10-15');
    expect(toCollection([event(), incursion()]).features.map((f) => f.id)).toEqual(['incursion-ne-pl-2025-09-01', 'meeting-gn2800866-2025-10-15']);
  });

  it('write() keeps an event\'s id when a document about another place of the same name is added (issue 12)', () => {
    const england = event({ entry: LONDON_GB, title: 'Meeting in London' });
    const before = toCollection([england]).features[0].id;
    const ontario = event({ entry: LONDON_CA, title: 'Meeting in London, Ontario' });
    const after = toCollection([ontario, england]).features;
    expect(after.find((f) => f.properties.place.geonameId === 2643743)!.id).toBe(before);
    expect(after.find((f) => f.properties.place.geonameId === 6058560)!.id).not.toBe(before);
  });

  it('write() gives byte-identical output whatever order the events come in', () => {
    const a = write([event(), incursion()], DOCS, []);
    const b = write([incursion(), event()], DOCS, []);
    expect(b.events).toBe(a.events);
    expect(validateEvents(JSON.parse(a.events)).ok).toBe(true);
  });

  it('write() writes properties in the contract order with rounded coordinates', () => {
    const [feature] = JSON.parse(write([event()], DOCS, []).events).features;
    expect(Object.keys(feature)).toEqual(['type', 'id', 'geometry', 'properties']);
    expect(Object.keys(feature.properties)).toEqual(['title', 'category', 'start', 'end', 'precision', 'persists', 'until', 'place', 'actors', 'confidence', 'status', 'dateSource', 'reason', 'sources']);
    expect(feature.geometry.coordinates).toEqual([4.34878, 50.85045]);
    expect(feature.properties.place).toEqual({ name: 'Brussels', kind: 'city', country: 'BE', geonameId: 2800866, gazetteer: 'geonames' });
  });

  it('write() gives two events of one category, place and day each a hash of its own sources: neither takes the plain id', () => {
    const other = event({ sources: [{ ...event().sources[0], highlights: [] }], title: 'Another' });
    other.sources[0] = { ...other.sources[0], excerpt: TEXT.slice(0, 4), end: 4 };
    const ids = toCollection([event(), other]).features.map((f) => f.id);
    expect(new Set(ids).size).toBe(2);
    expect(ids.every((id) => /^meeting-gn2800866-2025-10-15-[0-9a-z]+$/.test(id))).toBe(true);
    expect(toCollection([other, event()]).features.map((f) => f.id).sort()).toEqual([...ids].sort());
  });

  it('write() leaves out an event whose excerpt does not match the document text and says why', () => {
    const broken = event();
    broken.sources[0] = { ...broken.sources[0], excerpt: 'NATO defence ministers met in Paris on Wednesday.' };
    const written = write([broken, incursion()], DOCS, []);
    expect(JSON.parse(written.events).features.map((f: { id: string }) => f.id)).toEqual(['incursion-ne-pl-2025-09-01']);
    expect(written.dropped).toHaveLength(1);
    expect(written.dropped[0]).toMatch(/^meeting-gn2800866-2025-10-15: .*excerpt differs/);
  });

  it('write() leaves out an event with an impossible interval', () => {
    const written = write([event({ start: '2025-10-16', end: '2025-10-15' })], DOCS, []);
    expect(JSON.parse(written.events).features).toEqual([]);
    expect(written.dropped[0]).toMatch(/start is after end/);
  });

  it('write() writes documents.json with exactly the contract keys, sorted by file', () => {
    const docs = [{ ...DOCS[0], file: 'z.txt', extra: 1 }, DOCS[0]];
    const written = JSON.parse(write([event()], docs, []).documents);
    expect(written.map((d: { file: string }) => d.file)).toEqual(['b.txt', 'z.txt']);
    expect(Object.keys(written[0])).toEqual(['file', 'title', 'credit', 'published', 'text']);
  });

  it('write() writes mentions.json with null coordinates for unresolved mentions', () => {
    const mentions = [{ doc: 'b.txt', mentions: [{ start: 30, end: 38, text: 'Brussels', name: null, lat: null, lon: null, country: null }] }];
    expect(JSON.parse(write([], DOCS, mentions).mentions)).toEqual(mentions);
  });

  it('collectionChunks() joined is byte for byte JSON.stringify(collection, null, 2), for none, one and several features', () => {
    for (const events of [[], [event()], [event(), incursion()]]) {
      const collection = toCollection(events);
      expect([...collectionChunks(collection.features, 2)].join('')).toBe(`${JSON.stringify(collection, null, 2)}\n`);
    }
    expect(write([event(), incursion()], DOCS, []).events).toBe(`${JSON.stringify(toCollection([event(), incursion()]), null, 2)}\n`);
  });
});
