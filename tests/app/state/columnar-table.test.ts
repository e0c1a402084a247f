import { describe, expect, test } from 'vitest';
import { CATEGORIES } from '../../../src/model/index.ts';
import { decodeColumnar, encodeFeatures } from '../../../src/model/columnar.ts';
import { dayOf } from '../../../src/model/day.ts';
import { buildColumnarTable, tableOfFeatures } from '../../../src/app/state/columnar-table.ts';
import { categoryCounts, categoryOf, dataExtent, isLightFeature, placeExtent } from '../../../src/app/state/events-table.ts';
import { event } from '../posture/helpers.ts';

const FEATURES = [
  event({ id: 'late', start: '2022-03-01', end: '2022-03-31', category: 'strike', place: { name: 'Rzeszów' }, lonlat: [22, 50], title: 'Strike near Rzeszów' }),
  event({ id: 'held', start: '2022-01-05', category: 'deployment', persists: true, place: { name: 'Tapa' }, lonlat: [25.9, 59.2] }),
  event({ id: 'ended', start: '2022-01-01', category: 'mission', persists: true, until: '2022-02-01', place: { name: 'Riga' } }),
  event({ id: 'early', start: '2022-01-10', precision: 'month', end: '2022-01-31', place: { name: 'Tallinn' } }),
  event({ id: 'b', start: '2022-03-01', category: 'strike' }),
];
/** The features in row order: start, then id. */
const ROWS = [...FEATURES].sort((a, b) => a.properties.start.localeCompare(b.properties.start) || a.id.localeCompare(b.id));

describe('the events table, from the columnar form', () => {
  const table = tableOfFeatures(FEATURES);

  test('tableOfFeatures() has a row per event in start then id order, with absolute day columns and categories', () => {
    expect(table.length).toBe(5);
    expect(ROWS.map((f) => f.id)).toEqual(['ended', 'held', 'early', 'b', 'late']);
    for (let i = 0; i < ROWS.length; i++) {
      const p = ROWS[i].properties;
      expect(table.start[i]).toBe(dayOf(p.start));
      expect(table.end[i]).toBe(dayOf(p.end));
      expect(table.persistsUntil[i]).toBe(!p.persists ? -Infinity : p.until === null ? Infinity : dayOf(p.until));
      expect(categoryOf(table, i)).toBe(p.category);
    }
    const counts = categoryCounts(table);
    expect(counts[CATEGORIES.indexOf('strike')]).toBe(2);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(5);
    expect(dataExtent(table)).toEqual([dayOf('2022-01-01'), dayOf('2022-03-31')]);
  });

  test('feature(i) is a light feature: id, title, dates, category, place name and position, no sources', () => {
    for (let i = 0; i < table.length; i++) {
      const light = table.feature(i);
      const full = ROWS[i];
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
    const fresh = tableOfFeatures(FEATURES);
    ROWS.forEach((f, row) => {
      expect(fresh.rowOf(f.id)).toBe(row);
    });
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

  test('an empty dataset is an empty table without an extent', () => {
    const empty = tableOfFeatures([]);
    expect(empty.length).toBe(0);
    expect(dataExtent(empty)).toBeNull();
    expect(placeExtent(empty)).toBeNull();
  });

  test('placeExtent() is where the events are, a town widened to its region, a stray namesake abroad left out', () => {
    const at = (lonlat: [number, number], i: number) => event({ id: `e${i}`, start: '2022-01-01', lonlat });
    // One town: 4 degrees around it
    expect(placeExtent(tableOfFeatures([at([-83, 40], 0)]))).toEqual([[-85, 38], [-81, 42]]);
    // Two towns far apart, and few events: all of them
    expect(placeExtent(tableOfFeatures([at([-83, 40], 0), at([24, 50], 1)]))).toEqual([[-83, 40], [24, 50]]);
    // Fifty events in Ohio and one in Dublin, Ireland: Ohio
    const ohio = Array.from({ length: 50 }, (_, i) => at([-84 + (i % 10) * 0.3, 39 + Math.floor(i / 10) * 0.5], i));
    const [[west, south], [east, north]] = placeExtent(tableOfFeatures([...ohio, at([-6.26, 53.35], 99)]))!;
    // Ohio's events span 2.7 by 2 degrees, widened to 4 around their middle
    expect(west).toBeCloseTo(-84.65, 3);
    expect(east).toBeCloseTo(-80.65, 3);
    expect([south, north]).toEqual([38, 42]);
  });
});
