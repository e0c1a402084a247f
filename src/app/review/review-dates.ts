// The re-date form's values -> the contract's interval: a day, a month, a year, or a range of days.
import type { Precision } from '../../model/index.ts';
import { isIsoDate } from '../../model/index.ts';

export type DateChoice = 'day' | 'month' | 'year' | 'range';

export interface Interval { start: string; end: string; precision: Precision }

const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * `a` and `b` as the form's inputs give them: day "2025-09-10"; month "2025-09"; year "2025"; range two days.
 * Returns the interval, or a sentence saying what is wrong.
 */
export function intervalOf(choice: DateChoice, a: string, b = ''): Interval | string {
  if (choice === 'day') return isIsoDate(a) ? { start: a, end: a, precision: 'day' } : 'Give a day (YYYY-MM-DD).';
  if (choice === 'month') {
    const m = /^(\d{4})-(\d{2})$/.exec(a);
    if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return 'Give a month (YYYY-MM).';
    const last = String(lastDayOfMonth(Number(m[1]), Number(m[2]))).padStart(2, '0');
    return { start: `${a}-01`, end: `${a}-${last}`, precision: 'month' };
  }
  if (choice === 'year') return /^\d{4}$/.test(a) ? { start: `${a}-01-01`, end: `${a}-12-31`, precision: 'year' } : 'Give a year (YYYY).';
  if (!isIsoDate(a) || !isIsoDate(b)) return 'Give the first and the last day of the range (YYYY-MM-DD).';
  if (b < a) return 'The range ends before it starts.';
  return { start: a, end: b, precision: 'day' };
}

/** The form's choice and inputs for an event's current dates (the inverse of intervalOf). */
export function choiceOf(i: Interval): { choice: DateChoice; a: string; b: string } {
  if (i.precision === 'year') return { choice: 'year', a: i.start.slice(0, 4), b: '' };
  if (i.precision === 'month') return { choice: 'month', a: i.start.slice(0, 7), b: '' };
  return i.start === i.end ? { choice: 'day', a: i.start, b: '' } : { choice: 'range', a: i.start, b: i.end };
}
