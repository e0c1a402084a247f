// Places an Expression on the calendar against a reference day (the day the document was written).
import type { DateInterval } from '../types.ts';
import { addMonths, dayInterval, dayNumber, isRealDay, monthInterval, parseIso, weekdayOf, yearInterval } from './calendar.ts';
import type { Expression, Modifier } from './expression.ts';
import type { Tense } from './tense.ts';

/** What an expression is resolved against. */
export interface Reference {
  /** The reference day, ISO; null when the document gives none. */
  day: string | null;
  /**
   * The latest event days named earlier in the document, for "day two of the meeting": a span ("the 16-17
   * February meeting", `end` set) or a first day ("the meeting opened on 16 February", `end` null).
   */
  event: { start: string; end: string | null } | null;
}

/**
 * A weekday near the reference day. Explicit words win ("last Monday": the one before; "next Monday": the one
 * after). A bare weekday is the reference day itself when the names match; otherwise the coming one when the clause
 * looks ahead ("are meeting on Thursday"), the latest past one when it reports ("met on Monday"), and with no sign
 * of tense ("Ministers meet Thursday") the nearer of the two, as a reader of that day's paper would take it.
 */
function weekdayDay(refDay: number, weekday: number, modifier: Modifier, tense: Tense): number {
  const ahead = (weekday - weekdayOf(refDay) + 7) % 7;
  const back = (weekdayOf(refDay) - weekday + 7) % 7;
  if (modifier === 'last') return refDay - (back || 7);
  if (modifier === 'next') return refDay + (ahead || 7);
  if (modifier === 'this' || tense === 'future') return refDay + ahead;
  if (tense === 'schedule') return back <= 1 ? refDay - back : refDay + ahead;
  if ((tense === 'unknown' || tense === 'present') && ahead < back) return refDay + ahead;
  return refDay - back;
}

/**
 * The year of a month (and day) given without one: the latest such date on or before the reference day, or for a
 * clause that looks ahead ("will meet ... from June 15") the first on or after it. In the present of a schedule
 * ("ministers meet from June 15") the nearer of the two: a headline's present reports yesterday, a programme's
 * announces next month. Without a sign of tense, past: news mostly reports what happened.
 */
function yearFor(ref: ReturnType<typeof parseIso>, month: number, day: number | null, tense: Tense): number {
  const sameYear = day === null ? month * 100 : month * 100 + day;
  const refKey = day === null ? ref.month * 100 : ref.month * 100 + ref.day;
  const next = sameYear >= refKey ? ref.year : ref.year + 1;
  const last = sameYear <= refKey ? ref.year : ref.year - 1;
  if (tense === 'future') return next;
  if ((tense === 'present' || tense === 'schedule') && next !== last) {
    const days = (year: number) => Math.abs(dayNumber(year, month, day ?? 1) - ref.dayNum);
    return days(next) < days(last) ? next : last;
  }
  return last;
}

/**
 * "Friday, April 6": of the years around the reference day, the nearest in which that day is that weekday (a wrong or
 * missing publication date, or a tense read wrongly, would otherwise move it a year); null when none of them agrees.
 */
function yearOfWeekday(ref: ReturnType<typeof parseIso>, month: number, day: number, weekday: number): number | null {
  const agreeing = [ref.year, ref.year - 1, ref.year + 1].filter((y) => isRealDay(y, month, day) && weekdayOf(dayNumber(y, month, day)) === weekday);
  return agreeing.sort((a, b) => Math.abs(dayNumber(a, month, day) - ref.dayNum) - Math.abs(dayNumber(b, month, day) - ref.dayNum))[0] ?? null;
}

/**
 * A season counted from the reference day: "last fall" is the latest fall over by then, "next spring" the first one
 * to begin after it, "this summer" the one the reference day is in, or else the one of its year (a winter runs from
 * December into the next year).
 */
function seasonInterval(ref: ReturnType<typeof parseIso>, firstMonth: 3 | 6 | 9 | 12, offset: -1 | 0 | 1): DateInterval {
  const of = (year: number) => monthInterval(year, firstMonth, firstMonth === 12 ? year + 1 : year, firstMonth === 12 ? 2 : firstMonth + 2);
  const day = (iso: string) => parseIso(iso).dayNum;
  const years = [ref.year - 2, ref.year - 1, ref.year, ref.year + 1];
  if (offset === -1) return of(years.filter((y) => day(of(y).end) < ref.dayNum).at(-1)!);
  if (offset === 1) return of(years.find((y) => day(of(y).start) > ref.dayNum)!);
  const holding = years.find((y) => day(of(y).start) <= ref.dayNum && ref.dayNum <= day(of(y).end));
  return of(holding ?? (firstMonth === 12 && ref.month <= 2 ? ref.year - 1 : ref.year));
}

export function resolveExpression(e: Expression, ref: Reference, tense: Tense): DateInterval | null {
  if (e.kind === 'absolute') return e.interval;
  if (e.kind === 'meetingDay') {
    // The document is written during the event ("On day two of the meeting..."), so day N is the reference day,
    // unless an earlier sentence named the event's days ("the 16-17 February meeting", "opened on 16 February"):
    // then its first day + (N - 1), within the span when the span is known.
    if (ref.event) {
      const first = parseIso(ref.event.start).dayNum;
      const last = ref.event.end === null ? null : parseIso(ref.event.end).dayNum;
      const dayNum = e.day === 'last' ? last : first + e.day - 1;
      if (dayNum !== null && (last === null || dayNum <= last)) return dayInterval(dayNum);
    }
    return ref.day ? dayInterval(parseIso(ref.day).dayNum) : null;
  }
  if (ref.day === null) return null;
  const r = parseIso(ref.day);
  switch (e.kind) {
    case 'weekday': {
      const start = weekdayDay(r.dayNum, e.weekday, e.modifier, tense);
      return dayInterval(start, start + ((e.endWeekday - e.weekday + 7) % 7));
    }
    case 'monthDay': {
      const year = e.weekday === undefined ? yearFor(r, e.month, e.day, tense) : yearOfWeekday(r, e.month, e.day, e.weekday) ?? yearFor(r, e.month, e.day, tense);
      const endYear = e.endMonth * 100 + e.endDay < e.month * 100 + e.day ? year + 1 : year;
      if (!isRealDay(year, e.month, e.day) || !isRealDay(endYear, e.endMonth, e.endDay)) return null;
      return dayInterval(dayNumber(year, e.month, e.day), dayNumber(endYear, e.endMonth, e.endDay));
    }
    case 'month': {
      const year =
        e.modifier === 'last' ? (e.month < r.month ? r.year : r.year - 1)
        : e.modifier === 'next' ? (e.month > r.month ? r.year : r.year + 1)
        : e.modifier === 'this' ? r.year
        : yearFor(r, e.month, null, tense);
      return monthInterval(year, e.month, e.endMonth < e.month ? year + 1 : year, e.endMonth);
    }
    case 'period': {
      const s = e.span;
      if (s.kind === 'span') {
        const iv = dayInterval(r.dayNum + s.from, r.dayNum + s.to);
        return { ...iv, precision: s.precision };
      }
      if (s.kind === 'week') {
        // Monday to Sunday of the week holding the reference day, shifted by whole weeks; "this week" said looking
        // ahead on a weekend is the coming one (the working week a Sunday statement announces)
        const weekend = weekdayOf(r.dayNum) === 0 || weekdayOf(r.dayNum) === 6;
        const offset = s.offset === 0 && tense === 'future' && weekend ? 1 : s.offset;
        const monday = r.dayNum - ((weekdayOf(r.dayNum) + 6) % 7) + 7 * offset;
        return s.offset === 0 && tense === 'future' && !weekend ? dayInterval(r.dayNum, monday + 6) : dayInterval(monday, monday + 6);
      }
      if (s.kind === 'seasonOf') return { ...monthInterval(s.year, s.firstMonth, s.year, s.firstMonth + 2) };
      if (s.kind === 'season') return seasonInterval(r, s.firstMonth, s.offset);
      if (s.kind === 'sinceMonthStart') return { ...dayInterval(dayNumber(r.year, r.month, 1), r.dayNum), precision: 'month' };
      return { ...dayInterval(dayNumber(r.year, 1, 1), r.dayNum), precision: 'year' };
    }
    case 'relative': {
      if (e.unit === 'day') return dayInterval(r.dayNum + e.amount);
      if (e.unit === 'month') {
        const m = addMonths(r.year, r.month, e.amount);
        return monthInterval(m.year, m.month);
      }
      return yearInterval(r.year + e.amount);
    }
  }
}
