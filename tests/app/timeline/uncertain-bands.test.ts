import { describe, expect, test } from 'vitest';
import { tableOfFeatures } from '../../../src/app/state/columnar-table.ts';
import { binSpans } from '../../../src/app/timeline/day-bins.ts';
import { bandAlpha, progressThrough, uncertainBands, UNCERTAIN_BANDS_DEFAULTS } from '../../../src/app/timeline/uncertain-bands.ts';
import { prepareEvents, FLAG_UNCERTAIN_DATE } from '../../../src/app/data/prepared-events.ts';
import { decodeColumnar, encodeFeatures, FLAG_PERSISTS } from '../../../src/model/columnar.ts';
import { dayOf } from '../../../src/model/day.ts';
import { event } from '../posture/helpers.ts';

const FEATURES = [
  event({ id: 'day', start: '2025-09-10', category: 'incursion' }),
  event({ id: 'sept-a', start: '2025-09-01', end: '2025-09-30', precision: 'month', category: 'incursion' }),
  event({ id: 'sept-b', start: '2025-09-01', end: '2025-09-30', precision: 'month', category: 'incursion' }),
  event({ id: 'sept-c', start: '2025-09-01', end: '2025-09-30', precision: 'month', category: 'strike' }),
  event({ id: 'year', start: '2019-01-01', end: '2019-12-31', precision: 'year', category: 'incursion' }),
  event({ id: 'held', start: '2017-06-01', end: '2017-06-30', precision: 'month', category: 'deployment', persists: true }),
];
const table = tableOfFeatures(FEATURES);

describe('uncertain dates on the timeline strip and the map', () => {
  test('uncertainBands() groups the month- and year-precision events by category and interval, never a day-precision one', () => {
    const b = uncertainBands(table);
    const bands = Array.from({ length: b.count }, (_, k) => [b.category[k], b.start[k], b.end[k], b.events[k]].join(' '));
    expect(b.count).toBe(4);
    const incursion = table.category[table.rowOf('sept-a')!];
    expect(bands).toContain(`${incursion} ${dayOf('2025-09-01')} ${dayOf('2025-09-30')} 2`);
    expect(bands).toContain(`${incursion} ${dayOf('2019-01-01')} ${dayOf('2019-12-31')} 1`);
    // The search's misses are left out.
    const matches = new Uint8Array(table.length);
    matches[table.rowOf('sept-a')!] = 1;
    expect(uncertainBands(table, matches).events[0]).toBe(1);
  });

  test('binSpans(…, daysOnly) leaves the uncertain events to the bands: no solid bar over their month', () => {
    const all = binSpans(table);
    const days = binSpans(table, null, true);
    const k = table.category[table.rowOf('day')!];
    const at = (bins: typeof all, iso: string) => bins.counts[k * bins.days + dayOf(iso) - bins.firstDay];
    expect(at(all, '2025-09-20')).toBe(2);
    expect(at(days, '2025-09-20')).toBe(0);
    expect(at(days, '2025-09-10')).toBe(1);
  });

  test('bandAlpha() grows as the cursor goes through the interval, as OpenHistoricalMap draws uncertain dates', () => {
    const [s, e] = [dayOf('2025-09-01'), dayOf('2025-09-30')];
    const { minAlpha, maxAlpha } = UNCERTAIN_BANDS_DEFAULTS;
    expect(bandAlpha(s - 10, s, e)).toBe(minAlpha);
    expect(progressThrough(s + 14, s, e)).toBeCloseTo(0.5, 5);
    expect(bandAlpha(s + 14, s, e)).toBeGreaterThan(minAlpha);
    expect(bandAlpha(s + 14, s, e)).toBeLessThan(maxAlpha);
    expect(bandAlpha(e, s, e)).toBe(maxAlpha);
    expect(bandAlpha(e + 100, s, e)).toBe(maxAlpha);
  });

  test('prepareEvents() marks month- and year-precision rows FLAG_UNCERTAIN_DATE for the markers, keeping the file\'s bits', () => {
    const e = prepareEvents(decodeColumnar(encodeFeatures(FEATURES)));
    const row = (id: string) => table.rowOf(id)!;
    expect(e.flags[row('day')]).toBe(0);
    expect(e.flags[row('sept-a')]).toBe(FLAG_UNCERTAIN_DATE);
    expect(e.flags[row('year')]).toBe(FLAG_UNCERTAIN_DATE);
    expect(e.flags[row('held')]).toBe(FLAG_UNCERTAIN_DATE | FLAG_PERSISTS);
    // The lane of states carries the same style.
    expect(Array.from(e.lanes[0].flags)).toEqual([FLAG_UNCERTAIN_DATE | FLAG_PERSISTS]);
  });
});
