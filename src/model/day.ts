// Dates as whole UTC day numbers (days since 1970-01-01): exact in Int32Array and in 32-bit floats, unlike epoch ms.
// The one conversion between the contract's ISO dates and day numbers, for the app, the columnar files and the tools.
import type { Precision } from './event.ts';

export const MS_PER_DAY = 86_400_000;

/** Day number of an ISO date `YYYY-MM-DD` (UTC). */
export function dayOf(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY);
}

/** ISO date `YYYY-MM-DD` of a day number. */
export function isoOf(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function dateOf(day: number): Date {
  return new Date(day * MS_PER_DAY);
}

/** Day number of a Date, rounded down to its UTC day. */
export function dayOfDate(date: Date): number {
  return Math.floor(date.getTime() / MS_PER_DAY);
}

/** Day number of a calendar date; `month` 1..12, and days past the month's end roll over as Date.UTC does. */
export function dayOfYmd(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** The same day of the month `months` later, clamped to the month's last day (31 January + 1 month = 28/29 February). */
export function addMonths(day: number, months: number): number {
  const d = dateOf(day);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return dayOfDate(new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), last))));
}

/**
 * The first and last day (inclusive) a date known to `precision` stands for: the day itself, its month, or its year.
 * An event dated "March 2022" runs from 1 to 31 March, as the contract's start and end say.
 */
export function spanOf(day: number, precision: Precision): [number, number] {
  if (precision === 'day') return [day, day];
  const d = dateOf(day);
  const y = d.getUTCFullYear();
  if (precision === 'year') return [dayOfYmd(y, 1, 1), dayOfYmd(y, 12, 31)];
  const m = d.getUTCMonth() + 1;
  return [dayOfYmd(y, m, 1), dayOfYmd(y, m + 1, 0)];
}
