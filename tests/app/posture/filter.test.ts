import { describe, expect, test } from 'vitest';
import { buildEventsTable } from '../../../src/app/state/events-table.ts';
import { matchQuery, passesFilters, searchTexts } from '../../../src/app/posture/filter.ts';
import { event } from './helpers.ts';

describe('filters', () => {
  const table = buildEventsTable([
    event({ id: 'a', category: 'incursion', start: '2025-09-10', title: 'Russian drones cross into Polish airspace' }),
    event({ id: 'b', category: 'mission', start: '2025-09-12', title: 'NATO launches Eastern Sentry' }),
  ]);
  const texts = searchTexts(table);
  const out = new Uint8Array(table.length);

  test('matchQuery() matches every word, case-insensitive, in the title or an excerpt; empty matches all', () => {
    expect(matchQuery(texts, 'polish DRONES', out)).toBe(1);
    expect([...out]).toEqual([1, 0]);
    expect(matchQuery(texts, '', out)).toBe(2);
    expect(matchQuery(texts, 'x', out)).toBe(2); // the helper's excerpt is "x"
    expect(matchQuery(texts, 'sentry drones', out)).toBe(0);
  });

  test('passesFilters() hides switched-off categories and non-matches', () => {
    matchQuery(texts, 'nato', out);
    expect([0, 1].map((i) => passesFilters(table, i, [], out))).toEqual([false, true]);
    expect([0, 1].map((i) => passesFilters(table, i, ['mission'], out))).toEqual([false, false]);
  });
});
