import { describe, expect, test } from 'vitest';
import { decodeColumnar, encodeFeatures } from '../../../src/scale/columnar.ts';
import { buildColumnarTable } from '../../../src/app/large/columnar-table.ts';
import { buildEventsTable, categoryCounts, isLightFeature } from '../../../src/app/state/events-table.ts';
import { event } from '../posture/helpers.ts';

const FEATURES = [
  event({ id: 'late', start: '2022-03-01', end: '2022-03-31', category: 'strike', place: { name: 'Rzeszów' }, lonlat: [22, 50], title: 'Strike near Rzeszów' }),
  event({ id: 'held', start: '2022-01-05', category: 'deployment', persists: true, place: { name: 'Tapa' }, lonlat: [25.9, 59.2] }),
  event({ id: 'ended', start: '2022-01-01', category: 'mission', persists: true, until: '2022-02-01', place: { name: 'Riga' } }),
  event({ id: 'early', start: '2022-01-10', precision: 'month', end: '2022-01-31', place: { name: 'Tallinn' } }),
];

describe('the events table of a large dataset (from events.bin)', () => {
  const table = buildColumnarTable(decodeColumnar(encodeFeatures(FEATURES)));
  const small = buildEventsTable(FEATURES);

  test('has the same rows, day columns and categories as the small table of the same events', () => {
    expect(table.mode).toBe('large');
    expect(table.length).toBe(4);
    expect([...table.start]).toEqual([...small.start]);
    expect([...table.end]).toEqual([...small.end]);
    expect([...table.persistsUntil]).toEqual([...small.persistsUntil]);
    expect([...table.category]).toEqual([...small.category]);
    expect([...categoryCounts(table)]).toEqual([...categoryCounts(small)]);
  });

  test('feature(i) is a light feature: id, title, dates, category, place name and position, no sources', () => {
    for (let i = 0; i < table.length; i++) {
      const light = table.feature(i);
      const full = small.feature(i);
      expect(isLightFeature(light)).toBe(true);
      expect(light.id).toBe(full.id);
      const { title, category, start, end, precision, persists, until } = full.properties;
      expect(light.properties).toMatchObject({ title, category, start, end, precision, persists, until });
      expect(light.properties.place.name).toBe(full.properties.place.name);
      expect(light.geometry.coordinates[0]).toBeCloseTo(full.geometry.coordinates[0], 4);
      expect(light.geometry.coordinates[1]).toBeCloseTo(full.geometry.coordinates[1], 4);
    }
    expect(table.feature(2)).toBe(table.feature(2));
  });

  test('rowOf finds every id, with or without a feature built first, and nothing for an unknown one', () => {
    const fresh = buildColumnarTable(decodeColumnar(encodeFeatures(FEATURES)));
    for (const f of FEATURES) expect(fresh.rowOf(f.id)).toBe(small.rowOf(f.id));
    expect(fresh.rowOf('lat')).toBeUndefined();
    expect(fresh.rowOf('latex')).toBeUndefined();
    expect(fresh.rowOf('')).toBeUndefined();
    expect(table.rowOf(table.feature(3).id)).toBe(3);
  });

  test('builds no feature until one is asked for, and keeps only a bounded number built', () => {
    const many = Array.from({ length: 50 }, (_, i) => event({ id: `e${String(i).padStart(2, '0')}`, start: '2022-01-01' }));
    const t = buildColumnarTable(decodeColumnar(encodeFeatures(many)), { cachedFeatures: 5, cachedRows: 5 });
    const first = t.feature(0);
    for (let i = 1; i < 50; i++) t.feature(i);
    expect(t.feature(0)).not.toBe(first);
    expect(t.feature(0)).toEqual(first);
    expect(t.rowOf('e07')).toBe(7);
  });
});
