// Reads time expressions with chrono-node and turns each result into an Expression, independent of any reference
// date: chrono runs against a fixed instant, and relative results become offsets from it.
import { createRequire } from 'node:module';
import type { ParsedComponents, ParsedResult } from 'chrono-node';
import { dayNumber, dayInterval, isRealDay, monthInterval, yearInterval } from './calendar.ts';
import type { Expression, Modifier, RawDate } from './expression.ts';
import { AMBIGUOUS_MONTH, DATE_PREPOSITION } from './words.ts';

// Any fixed day works; relative results are stored as offsets from it. A Thursday in mid-month, mid-year.
const FIXED = { year: 2000, month: 6, day: 15 };
const FIXED_REFERENCE = { instant: new Date(Date.UTC(FIXED.year, FIXED.month - 1, FIXED.day, 12)), timezone: 0 };

const RELATIVE_WORD = /\b(today|tonight|yesterday|tomorrow|ago|last|next|this|past|previous|coming)\b/i;
const FULL_WEEKDAY = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b/i;
const MONTH_MODIFIER = /\b(last|next|this|coming|previous)\s+$/i;
const WEEKS = /\bweek(end)?s?\b|\bfortnight\b/i;

interface Parts {
  year: number | null;
  month: number | null;
  day: number | null;
}

function partsOf(c: ParsedComponents): Parts {
  return {
    year: c.isCertain('year') ? c.get('year')! : null,
    month: c.isCertain('month') ? c.get('month')! : null,
    day: c.isCertain('day') ? c.get('day')! : null,
  };
}

/** "last Monday" -> 'last'. */
function modifierOf(text: string): Modifier {
  const m = /\b(last|next|this|previous|coming)\s+\w+day\b/i.exec(text);
  if (!m) return null;
  const word = m[1].toLowerCase();
  return word === 'previous' ? 'last' : word === 'coming' ? 'next' : (word as Modifier);
}

/** An offset from FIXED in the unit the text names: "2 days ago" -> -2 days, "last month" -> -1 month. */
function relativeOf(c: ParsedComponents, text: string): Expression | null {
  if (WEEKS.test(text)) return null; // weeks have no precision in the contract, and "for the last week" is a duration
  if (/\bpast\b/i.test(text)) return null; // "the past year" is the twelve months before, not a calendar year
  const year = c.get('year')!;
  const month = c.get('month')!;
  if (/\b(today|tonight|yesterday|tomorrow|days?|this\s+(?:morning|afternoon|evening))\b/i.test(text)) {
    const amount = dayNumber(year, month, c.get('day')!) - dayNumber(FIXED.year, FIXED.month, FIXED.day);
    return { kind: 'relative', unit: 'day', amount };
  }
  if (/\bmonths?\b/i.test(text)) return { kind: 'relative', unit: 'month', amount: (year - FIXED.year) * 12 + month - FIXED.month };
  if (/\byears?\b/i.test(text)) return { kind: 'relative', unit: 'year', amount: year - FIXED.year };
  return null; // "for 12 minutes", "in two hours": durations and clock times, not days
}

/** Start and end parts of a range, each filling what it lacks from the other ("3 March to 5 April 2024"). */
function rangeParts(r: ParsedResult): [Parts, Parts] {
  const start = partsOf(r.start);
  const end = r.end ? partsOf(r.end) : { ...start };
  if (start.year === null && end.year !== null) {
    start.year = start.month !== null && end.month !== null && start.month > end.month ? end.year - 1 : end.year;
  }
  end.year ??= start.year;
  end.month ??= start.month;
  if (start.day !== null) end.day ??= start.day;
  return [start, end];
}

function expressionOf(r: ParsedResult, text: string): Expression | null {
  const c = r.start;
  if (c.isCertain('weekday') && !c.isCertain('day')) {
    if (!FULL_WEEKDAY.test(text)) return null; // "Sun", "Wed.", "Sat": too often other words
    const endWeekday = r.end?.isCertain('weekday') ? r.end.get('weekday')! : c.get('weekday')!;
    return { kind: 'weekday', weekday: c.get('weekday')!, endWeekday, modifier: modifierOf(text) };
  }
  const hasYear = /\d{4}/.test(text);
  if (r.tags().has('result/relativeDate')) return hasYear ? null : relativeOf(c, text); // "in 2017 days" is no date
  if (RELATIVE_WORD.test(text) && !hasYear) return relativeOf(c, text);
  const [s, e] = rangeParts(r);
  if (!hasYear) s.year = e.year = null; // a year chrono filled in itself is not the text's
  if (s.month === null || e.month === null) {
    return null; // a time of day alone ("9:00 a.m."); bare years are read by years.ts
  }
  // "from 3 to 5 June": days chrono took for hours (day-lists.ts reads them)
  if (s.day === null && c.isCertain('hour') && /^(?:from\s+|between\s+)?\d{1,2}\s*(?:to|until|till|through|and|[-–—])\s*\d/i.test(text)) return null;
  if (s.day !== null && e.day !== null) {
    if (s.year !== null && e.year !== null) {
      if (!isRealDay(s.year, s.month, s.day) || !isRealDay(e.year, e.month, e.day)) return null;
      const start = dayNumber(s.year, s.month, s.day);
      const end = dayNumber(e.year, e.month, e.day);
      return end < start ? null : { kind: 'absolute', interval: dayInterval(start, end) };
    }
    // "Friday, April 6": the weekday says which year (resolve.ts)
    const weekday = c.isCertain('weekday') ? c.get('weekday')! : undefined;
    return { kind: 'monthDay', month: s.month, day: s.day, endMonth: e.month, endDay: e.day, ...(weekday === undefined ? {} : { weekday }) };
  }
  if (s.year !== null && e.year !== null) {
    return e.year * 12 + e.month < s.year * 12 + s.month ? null : { kind: 'absolute', interval: monthInterval(s.year, s.month, e.year, e.month) };
  }
  return { kind: 'month', month: s.month, endMonth: e.month, modifier: null };
}

/** False for chrono results that are words, not dates: "Sunday Times", "May" as a name, "24/7", "9/11". */
function looksLikeDate(r: ParsedResult, text: string, before: string, after: string): boolean {
  if (/^\d{1,2}\/\d{1,2}(\/\d{1,4})?$/.test(text)) {
    const [a, b, year] = text.split('/').map(Number);
    // Slash dates need a year, and one reading only: 10/11/2024 is October or November depending on the writer.
    if (year === undefined || year < 1000) return false;
    if (a <= 12 && b <= 12 && a !== b) return false;
  }
  const bare = /^[A-Za-z]+$/.test(text);
  if (bare && AMBIGUOUS_MONTH.test(text) && !DATE_PREPOSITION.test(before) && !/\d\s*$/.test(before)) return false;
  if (bare && FULL_WEEKDAY.test(text) && /^\s+\p{Lu}/u.test(after) && !DATE_PREPOSITION.test(before)) {
    return /^\s+(January|February|March|April|May|June|July|August|September|October|November|December)\b/.test(after);
  }
  // "this evening": the day of writing, which chrono implies rather than states
  if (/^(?:at\s+\S+\s+)?this\s+(?:morning|afternoon|evening)$/i.test(text)) return true;
  return r.start.isCertain('month') || r.start.isCertain('weekday') || r.start.isCertain('day') || r.start.isCertain('year');
}

/** Leading "on"/"the" and trailing punctuation are not part of the expression: "on Wednesday," -> "Wednesday". */
function trimmed(text: string): { from: number; to: number } {
  let from = 0;
  let to = text.length;
  const lead = /^[\s,.;:()[\]]*(?:(?:on|the)\s+)?/i.exec(text)!;
  from = lead[0].length;
  while (to > from && /[\s,.;:()[\]]/.test(text[to - 1]) && !/\b(a\.m|p\.m)\.$/i.test(text.slice(from, to))) to--;
  return { from, to };
}

// Repeated windows (lists, tables, junk) are parsed once. Results do not depend on the document: the reference is fixed.
const cache = new Map<string, ParsedResult[]>();
const MAX_CACHED = 4096;

// chrono (21 MB once loaded) is read on the first parse, not on import: the main thread of a run on worker threads
// imports the pipeline for the merge but never reads dates.
let english: typeof import('chrono-node').en | null = null;

/** Lets chrono and its parsed windows go (as releaseTagger does the tagger's model); the next parse loads it again. */
export function releaseChrono(): void {
  english = null;
  cache.clear();
}

function parse(window: string): ParsedResult[] {
  let results = cache.get(window);
  if (!results) {
    if (cache.size >= MAX_CACHED) cache.clear();
    english ??= (createRequire(import.meta.url)('chrono-node') as typeof import('chrono-node')).en;
    results = english.parse(window, FIXED_REFERENCE);
    cache.set(window, results);
  }
  return results;
}

/** chrono's dates in text[window.start, window.end) of a sentence starting at document offset `base`. */
export function chronoDates(sentence: string, base: number, windowStart: number, windowEnd: number, out: RawDate[]): void {
  const window = sentence.slice(windowStart, windowEnd);
  for (const r of parse(window)) {
    // chrono loses the date in "the night of 24 February": read what follows "of" on its own
    const timeOfDay = /^(?:the\s+)?(?:early\s+|late\s+)?(?:morning|afternoon|evening|night)\s+of\s+/i.exec(r.text);
    if (timeOfDay) {
      chronoDates(sentence, base, windowStart + r.index + timeOfDay[0].length, windowEnd, out);
      continue;
    }
    const { from, to } = trimmed(r.text);
    if (to <= from) continue;
    const start = windowStart + r.index + from;
    const end = windowStart + r.index + to;
    const text = sentence.slice(start, end);
    if (!looksLikeDate(r, text, sentence.slice(Math.max(0, start - 24), start), sentence.slice(end, end + 24))) continue;
    const expression = expressionOf(r, text);
    if (!expression) continue;
    // chrono leaves out "last" in "last December"; it decides the year
    const modifier = expression.kind === 'month' ? MONTH_MODIFIER.exec(sentence.slice(Math.max(0, start - 10), start)) : null;
    if (modifier && expression.kind === 'month') {
      const word = modifier[1].toLowerCase();
      expression.modifier = word === 'previous' ? 'last' : word === 'coming' ? 'next' : (word as Modifier);
      const from = start - modifier[0].length;
      out.push({ start: base + from, end: base + end, text: sentence.slice(from, end), expression });
    } else {
      out.push({ start: base + start, end: base + end, text, expression });
    }
  }
}
