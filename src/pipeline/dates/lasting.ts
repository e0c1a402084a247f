// An event of so many days and the day it opened: "the three-day summit that opened Tuesday", "a two-day meeting
// beginning on 9 July". The day alone would date the whole event by its first day; the count gives its last.
import type { RawDate } from './expression.ts';

const COUNT: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7 };
// "three-day", "3-day": the last one before the date, within a clause's reach of it
const DAYS_LONG = /\b(two|three|four|five|six|seven|[2-7])-day\b(?!.*\b(?:two|three|four|five|six|seven|[2-7])-day\b)/i;
// The verb that starts the event, right before its day.
const STARTED_BEFORE = /\b(?:opened|opens|opening|began|begins|beginning|started|starts|starting|kicked off|kicks off|kicking off|got under way|gets under way|convened|convenes|convening)\s+(?:on\s+)?$/i;

/** The dates of a sentence starting at document offset `base`, each that opens an event of so many days as those days. */
export function withLength(sentence: string, base: number, dates: readonly RawDate[], maxDays: number): RawDate[] {
  if (!/-day\b/i.test(sentence)) return dates as RawDate[];
  return dates.map((d) => {
    const before = sentence.slice(Math.max(0, d.start - base - 80), d.start - base);
    const m = STARTED_BEFORE.test(before) ? DAYS_LONG.exec(before) : null;
    if (!m || /[.;:]/.test(before.slice(m.index))) return d;
    const days = COUNT[m[1].toLowerCase()] ?? Number(m[1]);
    return days > maxDays ? d : { ...d, expression: { kind: 'lasting', days, of: d.expression } };
  });
}
