// Two days named with one month, which chrono reads as one day only: "13 and 14 October", "the 4th and 5th of
// May", "October 13 and 14, 2024"; ranges written with a spaced dash ("March 3rd – 5th"), which chrono reads as
// two dates; and "from 3 to 5 June", whose numbers chrono takes for hours.
import { dayInterval, dayNumber, isRealDay } from './calendar.ts';
import type { RawDate } from './expression.ts';

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(?:,?\\s+(\\d{4}))?';
const JOIN = '(?:\\s+(?:and|&|to|until|till|through)\\s+|\\s*[–—-]\\s*)';
const DAY_FIRST = new RegExp(`\\b${DAY}${JOIN}${DAY}\\s+(?:of\\s+)?${MONTH}${YEAR}\\b`, 'g');
const MONTH_FIRST = new RegExp(`\\b${MONTH}\\s+${DAY}${JOIN}${DAY}${YEAR}\\b`, 'g');

function monthOf(name: string): number {
  const lower = name.toLowerCase();
  return MONTH_NAMES.findIndex((m) => m.startsWith(lower.slice(0, 3))) + 1;
}

/**
 * The pair as one span when the days are close (a two-day meeting); farther apart they are two events, and
 * chrono's reading of the second day stands alone.
 */
export function dayListDates(sentence: string, base: number, maxGapDays: number, out: RawDate[]): void {
  if (!/\d(?:st|nd|rd|th)?(?:\s+(?:and|&|to|until|till|through)\s+|\s*[–—-]\s*)\d/.test(sentence)) return;
  for (const [pattern, order] of [[DAY_FIRST, 'day'], [MONTH_FIRST, 'month']] as const) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(sentence); m; m = pattern.exec(sentence)) {
      const [first, second, monthName] = order === 'day' ? [m[1], m[2], m[3]] : [m[2], m[3], m[1]];
      const month = monthOf(monthName);
      const [day, endDay] = [Number(first), Number(second)];
      const joined = /and|&/.test(m[0]);
      // "13 and 14 October" is one event's two days only when they are close; a range says so itself
      if (endDay <= day || (joined && endDay - day > maxGapDays)) continue;
      const year = m[4] ? Number(m[4]) : null;
      if (!isRealDay(year ?? 2000, month, day) || !isRealDay(year ?? 2000, month, endDay)) continue;
      const expression =
        year === null
          ? { kind: 'monthDay' as const, month, day, endMonth: month, endDay }
          : { kind: 'absolute' as const, interval: dayInterval(dayNumber(year, month, day), dayNumber(year, month, endDay)) };
      out.push({ start: base + m.index, end: base + m.index + m[0].length, text: m[0], expression });
    }
  }
}
