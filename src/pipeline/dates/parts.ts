// Parts of a month, a year or a week, which chrono reads as the whole: "mid-March", "in late 2024", "late last
// month", "early next week", "at the end of the month", "by end-2025". A part word right before a date narrows it
// (resolve.ts: the 11th to the 20th for "mid-March", September to December for "late 2024", Monday to Wednesday for
// "early next week"); before a day ("late Tuesday") it changes nothing. "The month", "the week" and "the year" are
// dates only after such words: the reference day's.
import type { Expression, Part, RawDate } from './expression.ts';

// "early", "mid-", "late in", "the beginning of", "the end of", "end-" (a wire's "by end-2025").
const PART_BEFORE = /(?:\b(early|mid|late)\s*-?\s*(?:in\s+)?|\b(beginning|start|middle|end|close)\s+of\s+(?:the\s+)?|\b(start|mid|end)-)$/i;
// "(the) end of the month", "(the) start of this year", "(the) middle of the week"
const OF_THE_PERIOD = /\b(beginning|start|middle|end|close)\s+of\s+(?:the|this)\s+(week|month|year)\b(?![-\w])/gi;

function partOf(word: string): Part {
  const w = word.toLowerCase();
  return w === 'early' || w === 'beginning' || w === 'start' ? 'early' : w === 'mid' || w === 'middle' ? 'mid' : 'late';
}

const THE_PERIOD: Record<string, Expression> = {
  week: { kind: 'period', span: { kind: 'week', offset: 0 } },
  month: { kind: 'relative', unit: 'month', amount: 0 },
  year: { kind: 'relative', unit: 'year', amount: 0 },
};

/** "the end of the month" and the like in a sentence starting at document offset `base`. */
export function periodPartDates(sentence: string, base: number, out: RawDate[]): void {
  if (!/\bof\s+th/i.test(sentence)) return;
  OF_THE_PERIOD.lastIndex = 0;
  for (let m = OF_THE_PERIOD.exec(sentence); m; m = OF_THE_PERIOD.exec(sentence)) {
    const expression: Expression = { kind: 'part', part: partOf(m[1]), of: THE_PERIOD[m[2].toLowerCase()] };
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
    const from = Math.max(previousEnd, d.start - 24);
    previousEnd = d.end;
    if (d.expression.kind === 'part' || d.expression.kind === 'meetingDay') return d;
    const m = PART_BEFORE.exec(sentence.slice(from - base, d.start - base));
    if (!m) return d;
    const start = d.start - m[0].length;
    return { start, end: d.end, text: sentence.slice(start - base, d.end - base), expression: { kind: 'part', part: partOf(m[1] ?? m[2] ?? m[3]), of: d.expression } };
  });
}
