import { describe, expect, it } from 'vitest';
import { checkExcerpts, isIsoDate, validateDocuments, validateEvents } from '../../src/model/index.ts';

const text = 'NATO defence ministers met in Brussels on Wednesday.';
const documents = [{ file: 'a.txt', title: 'A', credit: null, published: '2025-10-15', text }];

function feature(overrides: Record<string, unknown> = {}) {
  return {
    type: 'Feature',
    id: 'meeting-brussels-2025-10-15',
    geometry: { type: 'Point', coordinates: [4.35, 50.85] },
    properties: {
      title: 'Defence ministers meet in Brussels',
      category: 'meeting',
      start: '2025-10-15',
      end: '2025-10-15',
      precision: 'day',
      persists: false,
      until: null,
      place: { name: 'Brussels', kind: 'city', country: 'BE', geonameId: 2800866, gazetteer: 'geonames' },
      actors: [],
      confidence: 0.9,
      sources: [{
        doc: 'a.txt', title: 'A', published: '2025-10-15', excerpt: text, start: 0, end: text.length,
        highlights: [{ start: 30, end: 38, kind: 'place' }],
      }],
      ...overrides,
    },
  };
}
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

describe('the event contract', () => {
  it('isIsoDate() accepts real days and refuses impossible ones', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-02-30')).toBe(false);
    expect(isIsoDate('2025-9-01')).toBe(false);
  });

  it('validateEvents() accepts a well-formed collection', () => {
    const result = validateEvents(collection(feature()));
    expect(result.ok).toBe(true);
  });

  it('validateEvents() names the field and the problem', () => {
    const result = validateEvents(collection(feature({ start: '2025-10-16', end: '2025-10-15' }), feature({ category: 'parade' })));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.join('\n')).toMatch(/features\[0\]\.properties\.start: start is after end/);
    expect(result.errors.join('\n')).toMatch(/features\[1\]\.properties\.category/);
  });

  it('validateEvents() refuses coordinates off the globe and duplicate ids', () => {
    const offGlobe = { ...feature(), geometry: { type: 'Point', coordinates: [200, 50] } };
    expect(validateEvents(collection(offGlobe)).ok).toBe(false);
    expect(validateEvents(collection(feature(), feature())).ok).toBe(false);
  });

  it('validateEvents() refuses a highlight outside its excerpt', () => {
    const f = feature();
    f.properties.sources[0].highlights = [{ start: 40, end: 90, kind: 'date' }];
    expect(validateEvents(collection(f)).ok).toBe(false);
  });

  it('validateDocuments() refuses a published date that does not exist', () => {
    const result = validateDocuments([{ ...documents[0], published: '2025-02-30' }]);
    expect(result.ok).toBe(false);
  });

  it('checkExcerpts() reports an excerpt that is not the document text at its offsets', () => {
    const ok = validateEvents(collection(feature()));
    if (!ok.ok) throw new Error(ok.errors.join('\n'));
    expect(checkExcerpts(ok.value, documents)).toEqual([]);
    const shifted = { ...documents[0], text: ` ${text.slice(1)}.` };
    expect(checkExcerpts(ok.value, [shifted])[0]).toMatch(/excerpt differs from a\.txt/);
    expect(checkExcerpts(ok.value, [])[0]).toMatch(/a\.txt is not in documents\.json/);
  });
});
