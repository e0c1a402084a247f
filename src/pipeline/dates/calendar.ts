// Calendar arithmetic on day numbers (days since 1970-01-01, UTC): no Date objects in loops, no clock, no time zone.
import type { DateInterval } from '../types.ts';

const MS_PER_DAY = 86_400_000;

export function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function isoOf(dayNum: number): string {
  return new Date(dayNum * MS_PER_DAY).toISOString().slice(0, 10);
}

export function parseIso(iso: string): { year: number; month: number; day: number; dayNum: number } {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const day = Number(iso.slice(8, 10));
  return { year, month, day, dayNum: dayNumber(year, month, day) };
}

/** 0 = Sunday ... 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(dayNum: number): number {
  return (((dayNum + 4) % 7) + 7) % 7;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isRealDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function dayInterval(startDay: number, endDay = startDay): DateInterval {
  return { start: isoOf(startDay), end: isoOf(Math.max(startDay, endDay)), precision: 'day' };
}

export function monthInterval(year: number, month: number, endYear = year, endMonth = month): DateInterval {
  return {
    start: isoOf(dayNumber(year, month, 1)),
    end: isoOf(dayNumber(endYear, endMonth, daysInMonth(endYear, endMonth))),
    precision: 'month',
  };
}

export function yearInterval(year: number, endYear = year): DateInterval {
  return { start: `${String(year).padStart(4, '0')}-01-01`, end: `${String(endYear).padStart(4, '0')}-12-31`, precision: 'year' };
}

/** Adds months to a (year, month) pair: (2025, 1) + -2 = (2024, 11). */
export function addMonths(year: number, month: number, months: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}
