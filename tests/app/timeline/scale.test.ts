import { describe, expect, test } from 'vitest';
import { dayAtX, timeDomain, timeScale, xOfDay, TIME_SCALE_DEFAULTS } from '../../../src/app/timeline/scale.ts';
import { dayOf } from '../../../src/model/day.ts';

describe('the time scale', () => {
  test('timeDomain() stops at 9999-12-31, the last day the data contract can name', () => {
    const last = dayOf('9999-12-31');
    expect(timeDomain([dayOf('9999-01-01'), last], 0)[1]).toBe(last);
  });

  test('timeDomain() pads the data extent so Home is before the first event and End after the last', () => {
    const extent: [number, number] = [dayOf('2017-04-01'), dayOf('2025-09-30')];
    const [lo, hi] = timeDomain(extent, 0);
    expect(lo).toBeLessThan(extent[0]);
    expect(hi).toBeGreaterThan(extent[1]);
    expect(extent[0] - lo).toBe(Math.round((extent[1] - extent[0]) * TIME_SCALE_DEFAULTS.padFraction));
  });

  test('timeDomain() gives a single-day dataset room on both sides', () => {
    const day = dayOf('2023-04-13');
    expect(timeDomain([day, day], 0)).toEqual([day - TIME_SCALE_DEFAULTS.minPadDays, day + TIME_SCALE_DEFAULTS.minPadDays]);
  });

  test('timeDomain() shows the last year up to today for an empty dataset', () => {
    const today = dayOf('2026-01-10');
    expect(timeDomain(null, today)).toEqual([today - 365, today]);
  });

  test('timeScale() maps the domain ends to the range ends and days linearly between', () => {
    const domain: [number, number] = [dayOf('2020-01-01'), dayOf('2020-01-11')];
    const scale = timeScale(domain, [100, 200]);
    expect(xOfDay(scale, domain[0])).toBe(100);
    expect(xOfDay(scale, domain[1])).toBe(200);
    expect(xOfDay(scale, dayOf('2020-01-06'))).toBe(150);
  });

  test('dayAtX() rounds to the nearest day and clamps to the domain', () => {
    const domain: [number, number] = [dayOf('2020-01-01'), dayOf('2020-01-11')];
    const scale = timeScale(domain, [100, 200]);
    expect(dayAtX(scale, 150, domain)).toBe(dayOf('2020-01-06'));
    expect(dayAtX(scale, 154, domain)).toBe(dayOf('2020-01-06'));
    expect(dayAtX(scale, 156, domain)).toBe(dayOf('2020-01-07'));
    expect(dayAtX(scale, -50, domain)).toBe(domain[0]);
    expect(dayAtX(scale, 900, domain)).toBe(domain[1]);
  });

  test('dayAtX() inverts xOfDay() on a zoomed-in scale', () => {
    const domain: [number, number] = [dayOf('2017-01-01'), dayOf('2026-01-01')];
    const scale = timeScale(domain, [0, 1000]).copy().domain([new Date('2022-01-01'), new Date('2022-03-01')]);
    for (const iso of ['2022-01-01', '2022-02-24', '2022-03-01']) expect(dayAtX(scale, xOfDay(scale, dayOf(iso)), domain)).toBe(dayOf(iso));
  });
});
