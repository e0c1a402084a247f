import { describe, expect, test } from 'vitest';
import { formatDay, formatEventDate, formatPublished } from '../../../src/app/format/date.ts';

describe('date formatting', () => {
  test('formatDay() writes a day out in words without a leading zero', () => {
    expect(formatDay('2022-02-04')).toBe('4 February 2022');
    expect(formatDay('2025-12-31')).toBe('31 December 2025');
  });

  test('formatDay() writes the last day of year 9999, and a day past it as a Date writes it, in words', () => {
    expect(formatDay('9999-12-31')).toBe('31 December 9999');
    expect(formatDay(new Date(Date.UTC(10000, 0, 15)).toISOString())).toBe('15 January 10000');
  });

  test('formatEventDate() writes a month-precision event as its month', () => {
    expect(formatEventDate('2025-09-01', '2025-09-30', 'month')).toBe('September 2025');
    expect(formatEventDate('2025-09-01', '2025-11-30', 'month')).toBe('September–November 2025');
    expect(formatEventDate('2024-12-01', '2025-01-31', 'month')).toBe('December 2024 – January 2025');
  });

  test('formatEventDate() writes a year-precision event as its year', () => {
    expect(formatEventDate('2019-01-01', '2019-12-31', 'year')).toBe('2019');
    expect(formatEventDate('2019-01-01', '2020-12-31', 'year')).toBe('2019–2020');
  });

  test('formatEventDate() writes day-precision spans without repeating the month or year', () => {
    expect(formatEventDate('2022-02-24', '2022-02-24', 'day')).toBe('24 February 2022');
    expect(formatEventDate('2022-02-16', '2022-02-17', 'day')).toBe('16–17 February 2022');
    expect(formatEventDate('2022-02-28', '2022-03-01', 'day')).toBe('28 February – 1 March 2022');
    expect(formatEventDate('2022-12-31', '2023-01-01', 'day')).toBe('31 December 2022 – 1 January 2023');
  });

  test('formatPublished() admits an unknown publication date', () => {
    expect(formatPublished(null)).toBe('publication date unknown');
    expect(formatPublished('2023-04-14')).toBe('published 14 April 2023');
  });
});
