// Finds every time expression in a document's sentences and places it on the calendar against the day the
// document was written ("on Wednesday", "in September", "deployed in 2017", "day two of the meeting").
import { chronoDates } from './dates/chrono-dates.ts';
import { dayListDates } from './dates/day-lists.ts';
import { dayOfMonthDates } from './dates/day-of-month.ts';
import { dottedDates } from './dates/dotted-dates.ts';
import { holidayDates } from './dates/holidays.ts';
import { withLength } from './dates/lasting.ts';
import { periodPartDates, withParts } from './dates/parts.ts';
import type { FullDate } from './dates/dateline-day.ts';
import type { RawDate } from './dates/expression.ts';
import { meetingDayDates } from './dates/meeting-day.ts';
import { periodDates } from './dates/periods.ts';
import { resolveExpression, type Reference } from './dates/resolve.ts';
import { tenseAround, type Tense } from './dates/tense.ts';
import { dateWindows } from './dates/windows.ts';
import { yearDates } from './dates/years.ts';
import type { DateInterval, DateMention, Sentence } from './types.ts';

export const DATE_DEFAULTS = {
  /** Earliest four-digit number read as a year ("in 1991"); below it, "in 1500 cases" stays a number. */
  minYear: 1800,
  /** Latest four-digit number read as a year. */
  maxYear: 2100,
  /** Characters chrono sees before a date word: enough for "the 17th of" or "last" before it. */
  windowBeforeChars: 32,
  /** Characters chrono sees after a date word: enough for " 17, 2024" or "-17 February 2022". */
  windowAfterChars: 48,
  /** Longest text handed to chrono at once: its cost grows with the date words in one call. */
  maxWindowChars: 160,
  /** Most chrono calls per sentence; a sentence with more date words is a table or junk, and the rest is skipped. */
  maxWindowsPerSentence: 24,
  /** Most time expressions kept per sentence, for the same reason (prose has a handful at most). */
  maxMentionsPerSentence: 32,
  /** Longest span, in days, that "day two of ..." may count from: a meeting or summit, not a season. */
  maxEventDays: 7,
  /**
   * Content sentences at the top of an undated document searched for a dateline ("BRUSSELS, 17 October 2024").
   * A full date further down is a past event's, not the writing day.
   */
  datelineSentences: 3,
  /** How far before and after an expression the clause's tense is looked for, in characters. */
  tenseWindowChars: 100,
};

// A sentence that opens an event on a day: "The summit opened on 9 July", "Talks began on Monday".
const EVENT_START = /\b(began|begins|opened|opens|started|starts|kicked off|kicks off|got under way|gets under way)\b/i;

// An embedded post ends with its author and date: "— Name (@handle) October 17, 2024". Its "Today" is that day.
const POST_ATTRIBUTION = /\(@\w{1,30}\)\s*(.{6,40})$/;

function rawDates(sentence: Sentence, opts: typeof DATE_DEFAULTS): RawDate[] {
  const found: RawDate[] = [];
  dayListDates(sentence.text, sentence.start, opts.maxEventDays, found);
  holidayDates(sentence.text, sentence.start, found);
  dayOfMonthDates(sentence.text, sentence.start, found);
  periodDates(sentence.text, sentence.start, found);
  periodPartDates(sentence.text, sentence.start, found);
  dottedDates(sentence.text, sentence.start, found);
  for (const w of dateWindows(sentence.text, opts)) {
    if (found.length >= opts.maxMentionsPerSentence) break;
    chronoDates(sentence.text, sentence.start, w.start, w.end, found);
  }
  if (found.length < opts.maxMentionsPerSentence) yearDates(sentence.text, sentence.start, found, opts, found);
  meetingDayDates(sentence.text, sentence.start, found);
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  // Readers may overlap ("day two" inside a chrono reading): the first, longest reading wins.
  const kept: RawDate[] = [];
  for (const raw of found) {
    if (kept.length >= opts.maxMentionsPerSentence) break;
    if (kept.length === 0 || raw.start >= kept[kept.length - 1].end) kept.push(raw);
  }
  return withLength(sentence.text, sentence.start, withParts(sentence.text, sentence.start, joinWeekdays(kept, sentence)), opts.maxEventDays);
}

/**
 * "Sunday night, March 29": a weekday, then the day it names, is one date, the day's (its weekday choosing the year),
 * not a Sunday near the writing day beside a March 29. So is a holiday and the day it names ("Memorial Day, Monday,
 * May 25"): the written day, whatever year the tense would give the holiday; and "between Monday and Wednesday".
 */
function joinWeekdays(dates: RawDate[], sentence: Sentence): RawDate[] {
  const out: RawDate[] = [];
  const commaBetween = (a: RawDate, b: RawDate) => /^\s*,\s*$/.test(sentence.text.slice(a.end - sentence.start, b.start - sentence.start));
  const joined = (a: RawDate, b: RawDate) => ({ start: a.start, end: b.end, text: sentence.text.slice(a.start - sentence.start, b.end - sentence.start) });
  for (const d of dates) {
    const before = out[out.length - 1];
    if (before?.expression.kind === 'weekday' && d.expression.kind === 'monthDay' && d.expression.weekday === undefined && commaBetween(before, d)) {
      const expression = d.expression.endDay === d.expression.day && d.expression.endMonth === d.expression.month
        ? { ...d.expression, weekday: before.expression.weekday } : d.expression;
      out[out.length - 1] = { ...joined(before, d), expression };
    } else if (before?.expression.kind === 'weekday' && d.expression.kind === 'weekday' && before.expression.endWeekday === before.expression.weekday
      && /^\s+and\s+$/.test(sentence.text.slice(before.end - sentence.start, d.start - sentence.start)) && /\bbetween\s+$/i.test(sentence.text.slice(0, before.start - sentence.start))) {
      // "between Monday and Wednesday": one span, as chrono reads "from Monday to Wednesday"
      out[out.length - 1] = { ...joined(before, d), expression: { ...before.expression, endWeekday: d.expression.weekday } };
    } else out.push(d);
    const [holiday, day] = out.slice(-2);
    if (out.length >= 2 && holiday.expression.kind === 'holiday' && (day.expression.kind === 'monthDay' || day.expression.kind === 'absolute') && commaBetween(holiday, day)) {
      out.splice(-2, 2, { ...joined(holiday, day), expression: day.expression });
    }
  }
  return out;
}

/** The day an embedded post's attribution line gives, if `sentence` is one. */
function postDay(sentence: Sentence | undefined): string | null {
  const m = sentence && POST_ATTRIBUTION.exec(sentence.text);
  if (!m) return null;
  const found: RawDate[] = [];
  const from = sentence.text.length - m[1].length;
  chronoDates(sentence.text, 0, from, sentence.text.length, found);
  const e = found[0]?.expression;
  return e?.kind === 'absolute' && e.interval.precision === 'day' ? e.interval.start : null;
}

/** True for a span of a few days ("16-17 February 2022"), which a later "day two of the meeting" counts from. */
function isEventSpan(interval: DateInterval, maxDays: number): boolean {
  if (interval.precision !== 'day' || interval.end <= interval.start) return false;
  return (Date.parse(interval.end) - Date.parse(interval.start)) / 86_400_000 < maxDays;
}

/** True when `day` is within `maxDays` before the writing day (or there is none): "the war started in 2022" is no meeting's first day. */
function isNear(day: string, writingDay: string | null, maxDays: number): boolean {
  if (writingDay === null) return true;
  const daysBefore = (Date.parse(writingDay) - Date.parse(day)) / 86_400_000;
  return daysBefore >= 0 && daysBefore < maxDays;
}

/**
 * Time expressions in the content sentences, in text order, each resolved against `published`. Without a
 * published date a full date at the top of the text (a dateline) stands in; without either, expressions relative
 * to the writing day resolve to null, while absolute ones ("in 2017", "October 17, 2024") still resolve.
 */
export function findDates(
  sentences: readonly Sentence[],
  published: string | null,
  opts = DATE_DEFAULTS,
  /** The tense of sentence i's clause around [start, end), from the grammar; null falls back on the words around it. */
  tenseOf: (i: number, start: number, end: number) => Tense | null = () => null,
): DateMention[] {
  const perSentence = sentences.map((s) => (s.isContent ? rawDates(s, opts) : []));
  const dateline = published ?? firstFullDate(sentences, perSentence, opts.datelineSentences);
  const mentions: DateMention[] = [];
  let event: Reference['event'] = null;
  perSentence.forEach((raws, i) => {
    if (raws.length === 0) return;
    const sentence = sentences[i];
    const ref: Reference = { day: postDay(sentences[i + 1]) ?? dateline, event };
    for (const raw of raws) {
      const local = raw.start - sentence.start;
      const tense = tenseOf(i, raw.start, raw.end) ?? tenseAround(sentence.text, local, local + raw.text.length, opts.tenseWindowChars);
      const interval = resolveExpression(raw.expression, ref, tense);
      if (interval !== null && isEventSpan(interval, opts.maxEventDays)) event = interval;
      else if (interval?.precision === 'day' && EVENT_START.test(sentence.text) && isNear(interval.start, ref.day, opts.maxEventDays)) {
        event = { start: interval.start, end: null };
      }
      mentions.push({ start: raw.start, end: raw.end, text: raw.text, interval });
    }
  });
  return mentions;
}

/** The full dates ("7 September 2023") written in a sentence, whatever day the document was written. */
export function fullDatesOf(sentence: Sentence, opts = DATE_DEFAULTS): FullDate[] {
  const out: FullDate[] = [];
  for (const raw of rawDates(sentence, opts)) {
    if (raw.expression.kind === 'absolute' && raw.expression.interval.precision === 'day') out.push({ start: raw.start, end: raw.end, day: raw.expression.interval.start });
  }
  return out;
}

function firstFullDate(sentences: readonly Sentence[], perSentence: readonly RawDate[][], maxSentences: number): string | null {
  let seen = 0;
  for (let i = 0; i < sentences.length && seen < maxSentences; i++) {
    if (!sentences[i].isContent) continue;
    seen++;
    for (const raw of perSentence[i]) {
      if (raw.expression.kind === 'absolute' && raw.expression.interval.precision === 'day') return raw.expression.interval.start;
    }
  }
  return null;
}
