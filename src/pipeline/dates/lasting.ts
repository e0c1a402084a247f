// An event of so many days and the day it opened: "the three-day summit that opened Tuesday", "a two-day meeting
// beginning on 9 July", "the two-day visit by the premier, which begins Wednesday". The day alone would date the whole
// event by its first day; the count gives its last.
import type { RawDate } from './expression.ts';

const COUNT: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7 };
// "three-day <noun phrase> (that|which) opened (on)": the count names the event the verb starts, so only a few words of
// its noun phrase, and no other clause ("a five-day war last August and plans protests beginning on ..."), stand between.
const OPENED_BEFORE = new RegExp(
  '\\b(two|three|four|five|six|seven|[2-7])-day\\s+(?:(?!(?:and|or|but)\\b)[\\p{L}\'’.-]+,?\\s+){0,5}(?:(?:that|which)\\s+)?(?:has\\s+|had\\s+)?' +
    '(?:opened|opens|opening|began|begins|beginning|started|starts|starting|kicked off|kicks off|kicking off|got under way|gets under way|convened|convenes|convening)\\s+(?:on\\s+)?$',
  'iu',
);

/** The dates of a sentence starting at document offset `base`, each that opens an event of so many days as those days. */
export function withLength(sentence: string, base: number, dates: readonly RawDate[], maxDays: number): RawDate[] {
  if (!/-day\b/i.test(sentence)) return dates as RawDate[];
  return dates.map((d) => {
    const m = OPENED_BEFORE.exec(sentence.slice(Math.max(0, d.start - base - 120), d.start - base));
    if (!m) return d;
    const days = COUNT[m[1].toLowerCase()] ?? Number(m[1]);
    return days > maxDays ? d : { ...d, expression: { kind: 'lasting', days, of: d.expression } };
  });
}
