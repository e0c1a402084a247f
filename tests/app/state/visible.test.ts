import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import type { EventFeature } from '../../../src/model/index.ts';
import { tableOfFeatures } from '../../../src/app/state/columnar-table.ts';
import { dataExtent } from '../../../src/app/state/events-table.ts';
import { countStartedBy, strengthAt } from '../../../src/app/state/visible.ts';
import { dayOf } from '../../../src/model/day.ts';

function event(id: string, start: string, end: string, persists = false, until: string | null = null): EventFeature {
  return {
    type: 'Feature', id, geometry: { type: 'Point', coordinates: [24, 54] },
    properties: {
      title: id, category: 'other', start, end, precision: 'day', persists, until,
      place: { name: 'X', kind: 'city', country: 'PL', gazetteer: 'geonames' }, actors: [], confidence: 1,
      sources: [{ doc: 'd', title: 't', published: null, excerpt: 'x', start: 0, end: 1, highlights: [] }],
    },
  };
}

describe('the time-window semantics', () => {
  const table = tableOfFeatures([
    event('late', '2022-03-01', '2022-03-31'),
    event('early', '2022-01-10', '2022-01-10'),
    event('held', '2022-01-05', '2022-01-05', true, null),
    event('ended', '2022-01-01', '2022-01-01', true, '2022-02-01'),
  ]);
  const at = (iso: string, window = 30) => Array.from({ length: table.length }, (_, i) => table.feature(i)).map((f, i) => `${f.id}:${strengthAt(table, i, dayOf(iso), window)}`);

  test('tableOfFeatures() sorts events by start', () => {
    expect(Array.from({ length: table.length }, (_, i) => table.feature(i).id)).toEqual(['ended', 'held', 'early', 'late']);
    expect(table.rowOf('late')).toBe(3);
  });

  test('countStartedBy() counts the events with start <= t, the start day included', () => {
    expect(countStartedBy(table.start, dayOf('2021-12-31'))).toBe(0);
    expect(countStartedBy(table.start, dayOf('2022-01-01'))).toBe(1);
    expect(countStartedBy(table.start, dayOf('2022-01-10'))).toBe(3);
    expect(countStartedBy(table.start, dayOf('2030-01-01'))).toBe(4);
  });

  test('strengthAt() hides events before their start and fades them 30 days after their end', () => {
    expect(at('2022-01-09')).toEqual(['ended:full', 'held:full', 'early:hidden', 'late:hidden']);
    expect(at('2022-02-09')).toEqual(['ended:faded', 'held:full', 'early:full', 'late:hidden']);
    expect(at('2022-02-10')).toEqual(['ended:faded', 'held:full', 'early:faded', 'late:hidden']);
  });

  test('strengthAt() keeps a persisting item at full strength until its until date, and forever while it holds', () => {
    expect(at('2022-02-01')[0]).toBe('ended:full');
    expect(at('2022-02-02')[0]).toBe('ended:faded');
    expect(at('2029-01-01')[1]).toBe('held:full');
  });

  test('strengthAt() measures the window from the end of a month-long event, and honours another window', () => {
    expect(at('2022-04-30')[3]).toBe('late:full');
    expect(at('2022-05-01')[3]).toBe('late:faded');
    expect(at('2022-04-05', 3)[3]).toBe('late:faded');
  });

  test('dataExtent() runs from the first start to the latest end or until', () => {
    expect(dataExtent(table)).toEqual([dayOf('2022-01-01'), dayOf('2022-03-31')]);
    expect(dataExtent(tableOfFeatures([]))).toBeNull();
  });

  test('countStartedBy() agrees with counting every start for any days and any t', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -500, max: 500 })), fc.integer({ min: -600, max: 600 }), (days, t) => {
      const sorted = Int32Array.from(days).sort();
      expect(countStartedBy(sorted, t)).toBe(days.filter((d) => d <= t).length);
    }));
  });
});
