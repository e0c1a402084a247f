import { describe, expect, test } from 'vitest';
import { CATEGORIES } from '../../../src/model/index.ts';
import { tableOfFeatures } from '../../../src/app/state/columnar-table.ts';
import { binByDay, binColumns, binSpans, columnAlpha } from '../../../src/app/timeline/day-bins.ts';
import { dayOf } from '../../../src/model/day.ts';
import { event } from '../posture/helpers.ts';

const table = tableOfFeatures([
  event({ id: 'a', start: '2022-01-01', category: 'strike' }),
  event({ id: 'b', start: '2022-01-01', category: 'strike' }),
  event({ id: 'c', start: '2022-01-01', category: 'meeting' }),
  event({ id: 'd', start: '2022-01-03', category: 'strike', precision: 'month', end: '2022-01-31' }),
  event({ id: 'e', start: '2022-01-10', category: 'aid' }),
]);
const day0 = dayOf('2022-01-01');
const at = (bins: ReturnType<typeof binByDay>, category: string, iso: string) =>
  bins.counts[CATEGORIES.indexOf(category as never) * bins.days + dayOf(iso) - bins.firstDay];

describe('day bins of the timeline strip', () => {
  test('count events per category and start day, from the first start to the last', () => {
    const bins = binByDay(table);
    expect(bins.firstDay).toBe(day0);
    expect(bins.days).toBe(10);
    expect(at(bins, 'strike', '2022-01-01')).toBe(2);
    expect(at(bins, 'meeting', '2022-01-01')).toBe(1);
    expect(at(bins, 'strike', '2022-01-03')).toBe(1);
    expect(at(bins, 'aid', '2022-01-10')).toBe(1);
    expect(bins.counts.reduce((s, c) => s + c, 0)).toBe(5);
  });

  test('leave out rows the search does not match', () => {
    const matches = Uint8Array.from([1, 0, 1, 1, 0]);
    const bins = binByDay(table, matches);
    expect(at(bins, 'strike', '2022-01-01')).toBe(1);
    expect(at(bins, 'aid', '2022-01-10')).toBe(0);
  });

  test('an empty table has no bins', () => {
    expect(binByDay(tableOfFeatures([])).days).toBe(0);
  });

  test('pixel columns sum the days they cover: several days a pixel, or a day over several pixels', () => {
    const bins = binByDay(table);
    const strike = CATEGORIES.indexOf('strike');
    // Five days a pixel: days 0-4 in column 0, days 5-9 in column 1.
    const narrow = binColumns(bins, (d) => (d - day0) / 5, 2);
    expect(narrow.sums[strike * 2]).toBe(3);
    expect(narrow.sums[strike * 2 + 1]).toBe(0);
    expect(narrow.sums[CATEGORIES.indexOf('aid') * 2 + 1]).toBe(1);
    expect(narrow.max).toBe(3);
    // Ten pixels a day: day 0 fills columns 0-9, and columns out of view are dropped.
    const wide = binColumns(bins, (d) => (d - day0) * 10, 25);
    expect([...wide.sums.subarray(strike * 25, strike * 25 + 25)]).toEqual([
      ...Array(10).fill(2), ...Array(10).fill(0), ...Array(5).fill(1)]);
    expect(wide.max).toBe(2);
  });

  test('binSpans() counts each event on every day of its span, as a bar, and leaves out search misses', () => {
    const bins = binSpans(table);
    expect(bins.firstDay).toBe(day0);
    expect(bins.days).toBe(31);
    // d, a month-precision strike from 3 to 31 January, is on every day of it; a and b only on the first.
    expect(at(bins, 'strike', '2022-01-01')).toBe(2);
    expect(at(bins, 'strike', '2022-01-02')).toBe(0);
    for (const day of ['2022-01-03', '2022-01-17', '2022-01-31']) expect(at(bins, 'strike', day)).toBe(1);
    expect(at(bins, 'aid', '2022-01-10')).toBe(1);
    expect(at(bins, 'aid', '2022-01-11')).toBe(0);
    const withoutD = binSpans(table, Uint8Array.from([1, 1, 1, 0, 1]));
    expect(at(withoutD, 'strike', '2022-01-17')).toBe(0);
    expect(binSpans(tableOfFeatures([])).days).toBe(0);
  });

  test('a column is more opaque the more events it has, never invisible when it has one', () => {
    expect(columnAlpha(0, 10)).toBe(0);
    expect(columnAlpha(1, 1000)).toBeGreaterThanOrEqual(0.3);
    expect(columnAlpha(10, 10)).toBe(1);
    expect(columnAlpha(5, 10)).toBeLessThan(columnAlpha(9, 10));
  });
});
