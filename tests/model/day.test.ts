import { describe, expect, test } from 'vitest';
import { addMonths, dayOf, dayOfYmd, isoOf, spanOf } from '../../src/model/day.ts';

describe('day numbers', () => {
  test('dayOf() counts whole UTC days from 1970-01-01', () => {
    expect(dayOf('1970-01-01')).toBe(0);
    expect(dayOf('1970-01-02')).toBe(1);
    expect(dayOf('2022-02-24') - dayOf('2022-02-23')).toBe(1);
    expect(dayOf('2024-03-01') - dayOf('2024-02-28')).toBe(2); // a leap year
  });

  test('isoOf() inverts dayOf() across centuries', () => {
    for (const iso of ['1900-01-01', '1999-12-31', '2000-02-29', '2025-09-30', '2100-03-01']) expect(isoOf(dayOf(iso))).toBe(iso);
  });

  test('addMonths() keeps the day of the month and clamps at the month end', () => {
    expect(isoOf(addMonths(dayOf('2022-01-15'), 1))).toBe('2022-02-15');
    expect(isoOf(addMonths(dayOf('2022-01-31'), 1))).toBe('2022-02-28');
    expect(isoOf(addMonths(dayOf('2024-03-31'), -1))).toBe('2024-02-29');
    expect(isoOf(addMonths(dayOf('2022-12-10'), 1))).toBe('2023-01-10');
  });
});

describe('spans of a precision', () => {
  test('spanOf() gives the day, the whole month or the whole year a date stands for', () => {
    const d = dayOf('2024-02-17');
    expect(spanOf(d, 'day').map(isoOf)).toEqual(['2024-02-17', '2024-02-17']);
    expect(spanOf(d, 'month').map(isoOf)).toEqual(['2024-02-01', '2024-02-29']);
    expect(spanOf(dayOf('2023-12-31'), 'month').map(isoOf)).toEqual(['2023-12-01', '2023-12-31']);
    expect(spanOf(d, 'year').map(isoOf)).toEqual(['2024-01-01', '2024-12-31']);
  });

  test('dayOfYmd() agrees with dayOf() and rolls day 0 back to the previous month\'s end', () => {
    expect(dayOfYmd(2022, 2, 24)).toBe(dayOf('2022-02-24'));
    expect(isoOf(dayOfYmd(2024, 3, 0))).toBe('2024-02-29');
  });
});
