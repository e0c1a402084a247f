import { describe, expect, test } from 'vitest';
import { csvParseRows } from 'd3';
import { datasetOfFeatures } from '../../../src/app/data/features-dataset.ts';
import { csvOf, geojsonOf, safeCell, visibleRows } from '../../../src/app/list/export-visible.ts';
import { dayOf } from '../../../src/model/day.ts';
import { event } from '../posture/helpers.ts';

const { table } = datasetOfFeatures([
  event({ id: 'a', category: 'incursion', start: '2025-09-10', title: 'Drones, "many", over Poland' }),
  event({ id: 'b', category: 'meeting', start: '2025-09-12', title: '=HYPERLINK("http://x")' }),
  event({ id: 'c', category: 'incursion', start: '2025-10-01', precision: 'month', end: '2025-10-31' }),
]);

describe('export of the visible events', () => {
  test('visibleRows() takes the events started by t that pass the filter', () => {
    expect(visibleRows(table, dayOf('2025-09-30')).map((r) => table.feature(r).id)).toEqual(['a', 'b']);
    const incursions = (row: number) => table.feature(row).properties.category === 'incursion';
    expect(visibleRows(table, dayOf('2025-10-02'), incursions).map((r) => table.feature(r).id)).toEqual(['a', 'c']);
  });

  test('csvOf() writes a header and one quoted row per event, and defuses formulas', () => {
    const rows = csvParseRows(csvOf(table, visibleRows(table, dayOf('2025-10-02'))).trim());
    expect(rows).toHaveLength(4);
    expect(rows[0].slice(0, 4)).toEqual(['id', 'title', 'category', 'start']);
    expect(rows[1][1]).toBe('Drones, "many", over Poland');
    expect(rows[2][1]).toBe('\'=HYPERLINK("http://x")');
    expect(rows[3].slice(3, 6)).toEqual(['2025-10-01', '2025-10-31', 'month']);
  });

  test('geojsonOf() writes one point feature per event with its dates and place', () => {
    const fc = JSON.parse(geojsonOf(table, [0, 2]));
    expect(fc.features.map((f: { id: string }) => f.id)).toEqual(['a', 'c']);
    expect(fc.features[1].properties).toMatchObject({ start: '2025-10-01', precision: 'month', category: 'incursion' });
    expect(fc.features[0].geometry.type).toBe('Point');
  });

  test('safeCell() leaves ordinary text alone', () => {
    expect(safeCell('Tapa')).toBe('Tapa');
    expect(safeCell('-5 degrees')).toBe('\'-5 degrees');
  });
});

describe('why a search matched', () => {
  test('whyMatched() names the place, the title or a source\'s text', async () => {
    const { whyMatched } = await import('../../../src/app/list/event-list.ts');
    expect(whyMatched('poland', 'Russian drones cross into Polish airspace', 'Poland')).toBe('Matches the place');
    expect(whyMatched('drones', 'Russian drones cross into Polish airspace', 'Poland')).toBe('Matches the title');
    expect(whyMatched('shot', 'Russian drones cross into Polish airspace', 'Poland')).toBe('Matches a source\'s text');
    expect(whyMatched('drones poland', 'Russian drones cross into Polish airspace', 'Poland')).toBe('Matches the place and the title');
    // Found by its country's name: said so, and not blamed on a source's text.
    expect(whyMatched('poland', 'Drones shot down', 'Rzeszów', 'PL')).toBe('Placed in Poland');
    expect(whyMatched('drones poland', 'Drones shot down', 'Rzeszów', 'PL')).toBe('Matches the title; placed in Poland');
    expect(whyMatched('poland', 'Drones shot down over Poland', 'Rzeszów', 'PL')).toBe('Matches the title');
    expect(whyMatched('jets', 'Drones shot down', 'Rzeszów', 'PL')).toBe('Matches a source\'s text');
  });
});
