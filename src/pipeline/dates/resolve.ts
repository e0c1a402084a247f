// Places an Expression on the calendar against a reference day (the day the document was written).
import type { DateInterval } from '../types.ts';
import { addMonths, dayInterval, dayNumber, isRealDay, monthInterval, parseIso, weekdayOf, yearInterval } from './calendar.ts';
import type { Expression, Modifier, Part } from './expression.ts';
import { holidayDay } from './holidays.ts';
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

/**
 * A holiday near the reference day, as a weekday is: "last"/"next" the one before/after it, "this" the one of its
 * year; otherwise the next one for a clause that looks ahead, the nearer one in the present of a schedule, and the
 * latest one on or before it for a report or a clause with no sign of tense.
 */
function holidayNear(ref: ReturnType<typeof parseIso>, holiday: number, modifier: Modifier, tense: Tense): number {
  if (modifier === 'this') return holidayDay(holiday, ref.year);
  const days = [ref.year - 1, ref.year, ref.year + 1].map((y) => holidayDay(holiday, y));
  if (modifier === 'last') return days.filter((d) => d < ref.dayNum).at(-1)!;
  if (modifier === 'next') return days.find((d) => d > ref.dayNum)!;
  const last = days.filter((d) => d <= ref.dayNum).at(-1)!;
  const next = days.find((d) => d >= ref.dayNum)!;
  if (tense === 'future') return next;
  if (tense === 'present' || tense === 'schedule') return next - ref.dayNum < ref.dayNum - last ? next : last;
  return last;
}

/**
 * The Saturday of a weekend near the reference day: "last weekend" the latest one over by then, "next weekend" the
 * first to begin after it; "over the weekend" and "this weekend" the one the reference day is in, or else the latest
 * one for a report and the coming one for a clause that looks ahead.
 */
function weekendSaturday(refDay: number, offset: -1 | 0 | 1 | null, tense: Tense): number {
  const latest = refDay - ((weekdayOf(refDay) + 1) % 7); // the Saturday on or before the reference day
  const inWeekend = refDay - latest <= 1;
  if (offset === -1) return inWeekend ? latest - 7 : latest;
  if (offset === 1) return latest + 7;
  if (inWeekend) return latest;
  return tense === 'future' || tense === 'schedule' || (tense === 'present' && offset === 0) ? latest + 7 : latest;
}

/**
 * Part of an interval: a third of a whole month ("mid-March": the 11th to the 20th) or of a whole year ("late 2024":
 * September to December), a half of either, a quarter of a year, at month precision; a third or a half of a week,
 * Monday to Sunday ("early next week": Monday to Wednesday), at day precision. A day ("late Tuesday") or any other
 * span is itself.
 */
function partOf(iv: DateInterval, part: Part): DateInterval {
  const s = parseIso(iv.start);
  const e = parseIso(iv.end);
  const third = part === 'early' || part === 'half1' ? 0 : part === 'mid' ? 1 : part === 'late' || part === 'half2' ? 2 : -1;
  if (iv.precision === 'year' && s.year === e.year) {
    const [first, last] = part.startsWith('q') ? [3 * Number(part[1]) - 2, 3 * Number(part[1])] : part === 'half1' ? [1, 6] : part === 'half2' ? [7, 12] : [1 + 4 * third, 4 + 4 * third];
    return monthInterval(s.year, first, s.year, last);
  }
  if (third < 0) return iv;
  if (iv.precision === 'month' && s.year === e.year && s.month === e.month && s.day === 1 && iv.end === monthInterval(s.year, s.month).end) {
    const [from, to] = part === 'half1' ? [1, 15] : part === 'half2' ? [16, e.day] : [1 + 10 * third, third === 2 ? e.day : 10 + 10 * third];
    return { ...dayInterval(dayNumber(s.year, s.month, from), dayNumber(s.year, s.month, to)), precision: 'month' };
  }
  // a week, or the rest of one ("later this week" looking ahead: from the reference day to Sunday)
  if (iv.precision === 'day' && e.dayNum - s.dayNum >= 2 && e.dayNum - s.dayNum <= 6 && weekdayOf(e.dayNum) === 0) {
    const monday = e.dayNum - 6;
    const [from, to] = third === 0 ? [monday, monday + 2] : third === 1 ? [monday + 1, monday + 3] : [monday + 3, e.dayNum];
    return to < s.dayNum ? iv : dayInterval(Math.max(from, s.dayNum), to);
  }
  return iv;
}

export function resolveExpression(e: Expression, ref: Reference, tense: Tense): DateInterval | null {
  if (e.kind === 'absolute') return e.interval;
  if (e.kind === 'part' || e.kind === 'lasting') {
    const iv = resolveExpression(e.of, ref, tense);
    if (iv === null) return null;
    if (e.kind === 'part') return partOf(iv, e.part);
    // "the three-day summit that opened Tuesday": a day, then the days it lasts; "... ends on Thursday": the days before
    if (iv.precision !== 'day' || iv.start !== iv.end) return iv;
    const day = parseIso(iv.start).dayNum;
    return e.days > 0 ? dayInterval(day, day + e.days - 1) : dayInterval(day + e.days + 1, day);
  }
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
    case 'dayOfMonth': {
      // this month's, or the month before's for a report when the day is still to come (and after for a plan)
      const months = [-2, -1, 0, 1, 2].map((k) => addMonths(r.year, r.month, k)).filter((m) => isRealDay(m.year, m.month, e.day)).map((m) => dayNumber(m.year, m.month, e.day));
      const last = months.filter((d) => d <= r.dayNum).at(-1)!;
      const next = months.find((d) => d >= r.dayNum)!;
      const day = tense === 'future' ? next : (tense === 'present' || tense === 'schedule') && next - r.dayNum < r.dayNum - last ? next : last;
      return dayInterval(day);
    }
    case 'holiday': {
      const day = holidayNear(r, e.holiday, e.modifier, tense);
      return e.days ? dayInterval(day + e.days[0], day + e.days[0] + e.days[1] - 1) : dayInterval(day);
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
      if (s.kind === 'weekend') {
        const saturday = weekendSaturday(r.dayNum, s.offset, tense);
        return dayInterval(saturday, saturday + 1);
      }
      if (s.kind === 'seasonOfYear') return monthInterval(r.year + s.offset, s.firstMonth, r.year + s.offset, s.firstMonth + 2);
      if (s.kind === 'seasonOf') return { ...monthInterval(s.year, s.firstMonth, s.year, s.firstMonth + 2) };
      if (s.kind === 'season') return seasonInterval(r, s.firstMonth, s.offset);
      // the week (Monday to Sunday), month or year holding the reference day, before or after it; "later this week"
      // said on a weekend is the coming week, as "this week" looking ahead is
      if (s.unit === 'week') {
        const monday = r.dayNum - ((weekdayOf(r.dayNum) + 6) % 7);
        if (s.kind === 'sinceStart') return dayInterval(monday, r.dayNum);
        return weekdayOf(r.dayNum) === 0 || weekdayOf(r.dayNum) === 6 ? dayInterval(monday + 7, monday + 13) : dayInterval(r.dayNum, monday + 6);
      }
      const whole = s.unit === 'month' ? monthInterval(r.year, r.month) : yearInterval(r.year);
      const precision = s.unit;
      return s.kind === 'sinceStart'
        ? { ...dayInterval(parseIso(whole.start).dayNum, r.dayNum), precision }
        : { ...dayInterval(r.dayNum, parseIso(whole.end).dayNum), precision };
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
