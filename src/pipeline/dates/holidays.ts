// Holidays that news dates events by ("on Christmas Day", "on New Year's Eve", "on Thanksgiving"), which chrono does
// not read: each is a day of a year, fixed or computed (Easter, the fourth Thursday of November). Only names that mean
// the same day wherever the writer is: "Independence Day", "Labour Day", "Victory Day" or "Mother's Day" differ by
// country and are left to the other readers. The year comes from the text ("Christmas 2023") or, like a month's, from
// the tense against the writing day (resolve.ts): "died on Christmas Day" is the last one, "will march on Christmas
// Eve" the next.
//
// Computed here rather than taken from a holiday library: the rules are a few lines each, and a library's table of
// every country's public holidays would bring the country-dependent names this reader must not guess.
import { dayNumber, daysInMonth, dayInterval, weekdayOf } from './calendar.ts';
import type { Modifier, RawDate } from './expression.ts';

/** The day number of Western (Gregorian) Easter Sunday: the anonymous Gregorian algorithm (Meeus, Jones, Butcher). */
export function westernEaster(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const h = (19 * a + b - Math.floor(b / 4) - Math.floor((b - Math.floor((b + 8) / 25) + 1) / 3) + 15) % 30;
  const l = (32 + 2 * (b % 4) + 2 * Math.floor(c / 4) - h - (c % 4)) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const n = h + l - 7 * m + 114;
  return dayNumber(year, Math.floor(n / 31), (n % 31) + 1);
}

/** Days the Julian calendar runs behind the Gregorian in a year's spring: 13 from March 1900 to February 2100. */
const julianLag = (year: number) => Math.floor(year / 100) - Math.floor(year / 400) - 2;

/** The day number of Orthodox Easter Sunday: Meeus's Julian algorithm, then moved onto the Gregorian calendar. */
export function orthodoxEaster(year: number): number {
  const d = (19 * (year % 19) + 15) % 30;
  const e = (2 * (year % 4) + 4 * (year % 7) - d + 34) % 7;
  const n = d + e + 114;
  return dayNumber(year, Math.floor(n / 31), (n % 31) + 1) + julianLag(year);
}

/** The `nth` weekday (0 = Sunday) of a month; -1 for the last. */
function nthWeekday(year: number, month: number, weekday: number, nth: number): number {
  if (nth < 0) {
    const last = dayNumber(year, month, daysInMonth(year, month));
    return last - ((weekdayOf(last) - weekday + 7) % 7);
  }
  const first = dayNumber(year, month, 1);
  return first + ((weekday - weekdayOf(first) + 7) % 7) + 7 * (nth - 1);
}

const fixed = (month: number, day: number) => (year: number) => dayNumber(year, month, day);

interface Holiday {
  /** The name as written. */
  pattern: string;
  day: (year: number) => number;
  /**
   * True for a name that alone is a season or a thing ("over Christmas", "Halloween costumes"): the day only after "on"
   * ("on Easter"), before a time of day ("Thanksgiving night") or with its year ("Christmas 2023").
   */
  seasonal?: boolean;
  /** Its weekend, "the Easter weekend": the first day's offset from the holiday and the number of days (Good Friday to Easter Monday). */
  weekend?: [number, number];
}

const APOS = "[’']";
// Longest names first: the alternation takes the first that matches.
const HOLIDAYS: Holiday[] = [
  // the Julian 25 December of the year before: 7 January
  { pattern: 'Orthodox\\s+Christmas(?:\\s+Day)?', day: (y) => dayNumber(y - 1, 12, 25) + julianLag(y - 1) },
  { pattern: 'Christmas\\s+Eve', day: fixed(12, 24) },
  { pattern: 'Christmas\\s+Day', day: fixed(12, 25) },
  { pattern: 'Christmas', day: fixed(12, 25), seasonal: true },
  { pattern: 'Boxing\\s+Day', day: fixed(12, 26) },
  { pattern: `New\\s+Year${APOS}?s\\s+Eve`, day: fixed(12, 31) },
  { pattern: `New\\s+Year${APOS}?s\\s+Day`, day: fixed(1, 1) },
  { pattern: `New\\s+Year${APOS}?s`, day: fixed(1, 1), seasonal: true },
  { pattern: 'Orthodox\\s+Easter\\s+(?:Sunday|Day)', day: orthodoxEaster },
  { pattern: 'Orthodox\\s+Easter', day: orthodoxEaster, seasonal: true },
  { pattern: 'Easter\\s+Monday', day: (y) => westernEaster(y) + 1 },
  { pattern: 'Easter\\s+(?:Sunday|Day)', day: westernEaster },
  { pattern: 'Easter', day: westernEaster, seasonal: true, weekend: [-2, 4] },
  { pattern: 'Good\\s+Friday', day: (y) => westernEaster(y) - 2 },
  { pattern: '(?:Holy|Maundy)\\s+Thursday', day: (y) => westernEaster(y) - 3 },
  { pattern: 'Palm\\s+Sunday', day: (y) => westernEaster(y) - 7 },
  // the fourth Thursday of November: the United States' (Canada's, in October, is named as Canada's)
  { pattern: 'Thanksgiving\\s+Day', day: (y) => nthWeekday(y, 11, 4, 4) },
  { pattern: 'Thanksgiving', day: (y) => nthWeekday(y, 11, 4, 4), seasonal: true, weekend: [0, 4] },
  { pattern: '(?:the\\s+)?Fourth\\s+of\\s+July|July\\s+Fourth', day: fixed(7, 4) },
  { pattern: 'Memorial\\s+Day', day: (y) => nthWeekday(y, 5, 1, -1), weekend: [-2, 3] },
  { pattern: 'Labor\\s+Day', day: (y) => nthWeekday(y, 9, 1, 1), weekend: [-2, 3] },
  { pattern: '(?:Martin\\s+Luther\\s+King(?:\\s+Jr\\.?)?|MLK)\\s+Day', day: (y) => nthWeekday(y, 1, 1, 3) },
  { pattern: `Presidents${APOS}?\\s+Day`, day: (y) => nthWeekday(y, 2, 1, 3) },
  { pattern: '(?:Veterans|Armistice|Remembrance)\\s+Day', day: fixed(11, 11) },
  { pattern: 'Juneteenth', day: fixed(6, 19), seasonal: true },
  { pattern: 'Halloween', day: fixed(10, 31), seasonal: true },
  { pattern: `(?:St\\.?|Saint)\\s+Valentine${APOS}?s\\s+Day|Valentine${APOS}?s\\s+Day`, day: fixed(2, 14) },
  { pattern: `(?:St\\.?|Saint)\\s+Patrick${APOS}?s\\s+Day`, day: fixed(3, 17) },
  { pattern: 'Bastille\\s+Day', day: fixed(7, 14) },
  { pattern: 'Anzac\\s+Day', day: fixed(4, 25) },
  { pattern: 'Canada\\s+Day', day: fixed(7, 1) },
  { pattern: 'Australia\\s+Day', day: fixed(1, 26) },
  { pattern: 'May\\s+Day', day: fixed(5, 1) },
];

// Each holiday's name in its own group, then its year if written ("Christmas 2023", "Veterans Day in 2007"); the
// words before decide whether a seasonal name is the day.
const HOLIDAY = new RegExp(`\\b(?:${HOLIDAYS.map((h) => `(${h.pattern})`).join('|')})(?:,?\\s+(?:in\\s+|of\\s+)?((?:19|20)\\d\\d))?\\b`, 'g');
// A word of every name: most sentences hold none, and the long pattern is not tried on them.
const NAME_WORD = /Christmas|Year|Easter|Good|Holy|Maundy|Palm|Thanksgiving|Fourth|Day|Juneteenth|Halloween/;
// "last Christmas", "next Easter", "this Thanksgiving": which one, whatever the tense.
const MODIFIER_BEFORE = /\b(last|next|this|previous|coming)\s+$/i;
const ON_BEFORE = /\bon\s+$/i;
const TIME_OF_DAY = /^\s+(?:morning|afternoon|evening|night)\b/i;
// Never a name or a thing: "Christmas Island", "the Good Friday Agreement", "Thanksgiving dinner", "Christmas tree".
const NOT_THE_DAY_AFTER = /^\s+(?:Island|Islands|Agreement|Accords?|Rising|tree|trees|market|markets|card|cards|lights|shopping|dinner|meal|party|parade|truce|offensive|holidays?|break|season|rush|period|recess|message|address|sermon|week|weekend)\b/i;

/** The day number of holiday `index` in `year`. */
export function holidayDay(index: number, year: number): number {
  return HOLIDAYS[index].day(year);
}

/** The holidays named in a sentence starting at document offset `base`. */
export function holidayDates(sentence: string, base: number, out: RawDate[]): void {
  if (!NAME_WORD.test(sentence)) return;
  HOLIDAY.lastIndex = 0;
  for (let m = HOLIDAY.exec(sentence); m; m = HOLIDAY.exec(sentence)) {
    const index = m.slice(1, HOLIDAYS.length + 1).findIndex((g) => g !== undefined);
    const name = m[index + 1];
    const year = m[HOLIDAYS.length + 1];
    const before = sentence.slice(Math.max(0, m.index - 12), m.index);
    const after = sentence.slice(m.index + m[0].length, m.index + m[0].length + 16);
    const h = HOLIDAYS[index];
    const weekend = h.weekend && year === undefined ? /^\s+weekend\b/i.exec(after) : null;
    if (!weekend && (NOT_THE_DAY_AFTER.test(after) || /^\s+Eve\b/.test(after))) continue;
    // "one Christmas Day", "every Easter": a year the text does not give
    if (/\b(?:one|every|each)\s+$/i.test(before)) continue;
    // "the Boxing Day tsunami", "the Easter Sunday bombings": a name of what happened then, perhaps years ago
    if (!weekend && /\b(?:the|a|an)\s+$/i.test(before) && !/^(?:the\s+)?Fourth/i.test(name) && /^\s+\p{L}/u.test(after) && !TIME_OF_DAY.test(after)) continue;
    const modifierMatch = MODIFIER_BEFORE.exec(before);
    if (h.seasonal && !weekend && !ON_BEFORE.test(before) && !TIME_OF_DAY.test(after) && year === undefined && !modifierMatch) continue;
    const start = modifierMatch ? m.index - modifierMatch[0].length : m.index;
    const end = m.index + m[0].length + (weekend ? weekend[0].length : 0);
    const expression = year !== undefined
      ? { kind: 'absolute' as const, interval: dayInterval(h.day(Number(year))) }
      : { kind: 'holiday' as const, holiday: index, modifier: modifierOf(modifierMatch?.[1]), ...(weekend ? { days: h.weekend } : {}) };
    out.push({ start: base + start, end: base + end, text: sentence.slice(start, end), expression });
  }
}

function modifierOf(word: string | undefined): Modifier {
  if (!word) return null;
  const w = word.toLowerCase();
  return w === 'previous' ? 'last' : w === 'coming' ? 'next' : (w as Modifier);
}
