import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { CATEGORIES, checkExcerpts, validateDocuments, validateEvents } from '../../src/model/index.ts';

describe('the fixture dataset', () => {
  const events = validateEvents(JSON.parse(readFileSync('tests/fixtures/fixture-events.geojson', 'utf8')));
  const documents = validateDocuments(JSON.parse(readFileSync('tests/fixtures/fixture-documents.json', 'utf8')));

  test('validateEvents() and validateDocuments() accept it, and every excerpt is its document text at its offsets', () => {
    expect(events.ok && documents.ok).toBe(true);
    if (events.ok && documents.ok) expect(checkExcerpts(events.value, documents.value)).toEqual([]);
  });

  test('it covers month and year precision, persisting items and events sharing a spot', () => {
    if (!events.ok) throw new Error('fixture invalid');
    const props = events.value.features.map((f) => f.properties);
    expect(new Set(props.map((p) => p.precision))).toEqual(new Set(['day', 'month', 'year']));
    expect(props.some((p) => p.persists && p.until === null)).toBe(true);
    expect(props.some((p) => p.persists && p.until !== null)).toBe(true);
    expect(new Set(props.map((p) => p.category)).size).toBeGreaterThanOrEqual(CATEGORIES.length - 3);
    const spots = events.value.features.map((f) => f.geometry.coordinates.join());
    expect(new Set(spots).size).toBeLessThan(spots.length);
  });
});
