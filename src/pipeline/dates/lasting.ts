// An event of so many days and the day it opened or closed: "the three-day summit that opened Tuesday", "a two-day
// meeting of ministers opened in Riga on Monday", "the three-day summit in The Hague ends on Thursday". The day alone
// would date the whole event by one of its days; the count gives the others.
import type { RawDate } from './expression.ts';

const COUNT: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7 };
// "three-day <noun phrase> (that|which) opened (in Riga) (on)": the count names the event the verb starts or ends, so
// only a few words of its noun phrase, and no other clause ("a two-day strike last spring and plans rallies starting
// on ..."), stand between; a place may stand between the verb and its day.
const COUNTED = '\\b(two|three|four|five|six|seven|[2-7])-day\\s+(?:(?!(?:and|or|but)\\b)[\\p{L}\'’.-]+,?\\s+){0,6}(?:(?:that|which)\\s+)?(?:has\\s+|had\\s+|will\\s+)?';
const PLACE = '(?:(?:in|at)\\s+\\p{Lu}[\\p{L}\'’.-]*(?:\\s+\\p{Lu}[\\p{L}\'’.-]*){0,2},?\\s+)?(?:on\\s+)?$';
const OPENED_BEFORE = new RegExp(`${COUNTED}(?:opened|opens|open|opening|began|begins|begin|beginning|started|starts|start|starting|kicked off|kicks off|kick off|kicking off|got under way|gets under way|convened|convenes|convene|convening)\\s+${PLACE}`, 'iu');
const CLOSED_BEFORE = new RegExp(`${COUNTED}(?:ended|ends|end|ending|closed|closes|close|closing|concluded|concludes|conclude|concluding|wrapped up|wraps up|wrap up)\\s+${PLACE}`, 'iu');

/**
 * The dates of a sentence starting at document offset `base`, each that opens or closes an event of so many days as
 * those days (an event longer than `maxDays` is left alone).
 */
export function withLength(sentence: string, base: number, dates: readonly RawDate[], maxDays: number): RawDate[] {
  if (dates.length === 0 || !sentence.includes('-day')) return dates as RawDate[];
  return dates.map((d) => {
    const before = sentence.slice(Math.max(0, d.start - base - 140), d.start - base);
    const opened = OPENED_BEFORE.exec(before);
    const m = opened ?? CLOSED_BEFORE.exec(before);
    if (!m) return d;
    const days = COUNT[m[1].toLowerCase()] ?? Number(m[1]);
    return days > maxDays ? d : { ...d, expression: { kind: 'lasting', days: opened ? days : -days, of: d.expression } };
  });
}
