// "On day two of the Defence Ministers Meeting", "the final day of the summit": a day counted within an event.
import type { RawDate } from './expression.ts';

const NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, opening: 1,
};
const DAY_N = /\bday\s+(one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+of\b/gi;
const NTH_DAY = /\b(?:the\s+)?(first|second|third|fourth|fifth|sixth|seventh|opening|final|last|closing)\s+day\s+of\b/gi;

export function meetingDayDates(sentence: string, base: number, out: RawDate[]): void {
  if (!/\bday\b/i.test(sentence)) return;
  for (const pattern of [DAY_N, NTH_DAY]) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(sentence); m; m = pattern.exec(sentence)) {
      const word = m[1].toLowerCase();
      const day = /^(final|last|closing)$/.test(word) ? 'last' : (NUMBERS[word] ?? Number(word));
      if (day !== 'last' && !(day >= 1)) continue;
      const start = m.index;
      const end = m.index + m[0].length - 3; // without the trailing "of"
      const text = sentence.slice(start, end).trimEnd();
      out.push({ start: base + start, end: base + start + text.length, text, expression: { kind: 'meetingDay', day } });
    }
  }
}
