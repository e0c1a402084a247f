// A day of the month without its month, as local papers and British wires write it: "on the 14th", "on the 3rd at
// noon". The month is the writing day's, or the one before or after by the tense (resolve.ts). Only where nothing
// follows that makes the ordinal something else ("the 14th floor", "the 3rd Brigade", "the 14th of March", chrono's;
// "the 4th and 5th of May", day-lists.ts').
import type { RawDate } from './expression.ts';

const ON_THE_NTH = /\bon\s+the\s+(\d{1,2})(?:st|nd|rd|th)\b(?!\s*(?:and|or|to|through|[-–])\s*(?:the\s+)?\d)(?=\s*(?:[,.;:)—–]|$)|\s+(?:at|in|and|when|as|after|before|but|from|with|near|outside|inside|while|during|until|amid|following)\b)/gi;

export function dayOfMonthDates(sentence: string, base: number, out: RawDate[]): void {
  if (!/\d(?:st|nd|rd|th)\b/i.test(sentence)) return;
  ON_THE_NTH.lastIndex = 0;
  for (let m = ON_THE_NTH.exec(sentence); m; m = ON_THE_NTH.exec(sentence)) {
    const day = Number(m[1]);
    if (day < 1 || day > 31) continue;
    const start = m.index + m[0].indexOf('the');
    out.push({ start: base + start, end: base + m.index + m[0].length, text: sentence.slice(start, m.index + m[0].length), expression: { kind: 'dayOfMonth', day } });
  }
}
