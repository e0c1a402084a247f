// Day.month.year dates, common in European English ("24.02.2022"), which chrono does not read. With dots the
// order is always day first.
import { dayInterval, dayNumber, isRealDay } from './calendar.ts';
import type { RawDate } from './expression.ts';

const DOTTED = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.]\d)/g;

export function dottedDates(sentence: string, base: number, out: RawDate[]): void {
  if (!/\d\.\d/.test(sentence)) return;
  DOTTED.lastIndex = 0;
  for (let m = DOTTED.exec(sentence); m; m = DOTTED.exec(sentence)) {
    const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!isRealDay(year, month, day)) continue;
    out.push({ start: base + m.index, end: base + m.index + m[0].length, text: m[0], expression: { kind: 'absolute', interval: dayInterval(dayNumber(year, month, day)) } });
  }
}
