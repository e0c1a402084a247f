import { describe, expect, test } from 'vitest';
import { CATEGORIES } from '../../../src/model/index.ts';
import { buildEventsTable, categoryCounts, categoryOf, isLightFeature } from '../../../src/app/state/events-table.ts';
import { event } from '../posture/helpers.ts';

describe('the events table of a small dataset', () => {
  const features = [
    event({ id: 'b', start: '2022-03-01', category: 'strike' }),
    event({ id: 'a', start: '2022-03-01', category: 'meeting' }),
    event({ id: 'c', start: '2021-01-01', category: 'strike', persists: true }),
  ];
  const table = buildEventsTable(features);

  test('feature(i) is the feature itself, in start then id order, and rowOf finds its row', () => {
    expect([0, 1, 2].map((i) => table.feature(i).id)).toEqual(['c', 'a', 'b']);
    expect(table.feature(table.rowOf('b')!)).toBe(features[0]);
    expect(table.rowOf('nope')).toBeUndefined();
    expect(table.mode).toBe('small');
    expect(isLightFeature(table.feature(0))).toBe(false);
  });

  test('the category column and its counts', () => {
    expect([0, 1, 2].map((i) => categoryOf(table, i))).toEqual(['strike', 'meeting', 'strike']);
    const counts = categoryCounts(table);
    expect(counts[CATEGORIES.indexOf('strike')]).toBe(2);
    expect(counts[CATEGORIES.indexOf('meeting')]).toBe(1);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(3);
  });
});
