// Parts of a month, a year or a week, which chrono reads as the whole: "mid-March", "in late 2024", "late last
// month", "early next week", "at the end of the month", "by end-2025", "in the first half of 2025". A part word right before a date narrows it
// (resolve.ts: the 11th to the 20th for "mid-March", September to December for "late 2024", Monday to Wednesday for
// "early next week"); before a day ("late Tuesday") it changes nothing. "The month", "the week" and "the year" are
// dates only after such words: the reference day's.
import type { Expression, Part, RawDate } from './expression.ts';

// The words that name a part: "early", "mid-", "late in", "the beginning of", "the end of", "end-" (a wire's "by
// end-2025"), "the first half of", "the third quarter of". Each alternative's group is the word partOf() reads.
const PART_WORDS =
  '(?:\\b(early|mid|late)\\b\\s*-?\\s*(?:in\\s+)?|\\b(beginning|start|middle|end|close)\\s+of\\s+(?:the\\s+)?|\\b(start|mid|end)-' +
  '|\\b(?:the\\s+)?(first|second|1st|2nd)\\s+half\\s+of\\s+(?:the\\s+)?|\\b(?:the\\s+)?(first|second|third|fourth|final|last|1st|2nd|3rd|4th)\\s+quarter\\s+of\\s+(?:the\\s+)?)';
const PART_BEFORE = new RegExp(`${PART_WORDS}$`, 'i');
// A word every part phrase holds: the patterns above, tried at every position, only where one is.
const PART_HINT = /early|mid|late|beginning|start|middle|end|close|half|quarter/i;
// chrono sometimes keeps the words in its own text: "end of last year"
const PART_AT_START = new RegExp(`^${PART_WORDS}`, 'i');
// "(the) end of the month", "(the) start of this year", "(the) first half of the year"
const OF_THE_PERIOD = /\b(?:(beginning|start|middle|end|close)|(first|second)\s+half|(first|second|third|fourth|final|last)\s+quarter)\s+of\s+(?:the|this)\s+(week|month|year)\b(?![-\w])/gi;

const QUARTERS: Record<string, Part> = { first: 'q1', '1st': 'q1', second: 'q2', '2nd': 'q2', third: 'q3', '3rd': 'q3', fourth: 'q4', '4th': 'q4', final: 'q4', last: 'q4' };

/** The part a match of PART_WORDS (or OF_THE_PERIOD's first three groups) names. */
function partOf(m: readonly (string | undefined)[], third: number, half: number, quarter: number): Part {
  const h = m[half]?.toLowerCase();
  if (h) return h === 'first' || h === '1st' ? 'half1' : 'half2';
  const q = m[quarter]?.toLowerCase();
  if (q) return QUARTERS[q];
  const w = m[third]!.toLowerCase();
  return w === 'early' || w === 'beginning' || w === 'start' ? 'early' : w === 'mid' || w === 'middle' ? 'mid' : 'late';
}

/** The part named by a match of PART_WORDS. */
const partOfWords = (m: RegExpExecArray) => partOf([m[1] ?? m[2] ?? m[3], m[4], m[5]], 0, 1, 2);

const THE_PERIOD: Record<string, Expression> = {
  week: { kind: 'period', span: { kind: 'week', offset: 0 } },
  month: { kind: 'relative', unit: 'month', amount: 0 },
  year: { kind: 'relative', unit: 'year', amount: 0 },
};

/** "the end of the month" and the like in a sentence starting at document offset `base`. */
export function periodPartDates(sentence: string, base: number, out: RawDate[]): void {
  if (!sentence.includes('of th')) return;
  OF_THE_PERIOD.lastIndex = 0;
  for (let m = OF_THE_PERIOD.exec(sentence); m; m = OF_THE_PERIOD.exec(sentence)) {
    const expression: Expression = { kind: 'part', part: partOf([m[1], m[2], m[3]], 0, 1, 2), of: THE_PERIOD[m[4].toLowerCase()] };
    out.push({ start: base + m.index, end: base + m.index + m[0].length, text: m[0], expression });
  }
}

/**
 * The dates of a sentence (in text order, not overlapping), each preceded by a part word taken as that part of it;
 * `sentence` starts at document offset `base`.
 */
export function withParts(sentence: string, base: number, dates: readonly RawDate[]): RawDate[] {
  let previousEnd = base;
  return dates.map((d) => {
    const from = Math.max(previousEnd, d.start - 32);
    previousEnd = d.end;
    if (d.expression.kind === 'part' || d.expression.kind === 'meetingDay') return d;
    const inside = PART_HINT.test(d.text) ? PART_AT_START.exec(d.text) : null;
    if (inside) return { ...d, expression: { kind: 'part', part: partOfWords(inside), of: d.expression } };
    const before = sentence.slice(from - base, d.start - base);
    const m = PART_HINT.test(before) ? PART_BEFORE.exec(before) : null;
    if (!m) return d;
    const start = d.start - m[0].length;
    return { start, end: d.end, text: sentence.slice(start - base, d.end - base), expression: { kind: 'part', part: partOfWords(m), of: d.expression } };
  });
}
