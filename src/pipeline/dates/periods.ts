// Periods a reporter names relative to the day of writing, which chrono does not read as dates: "recently", "in
// recent weeks", "over the last couple of months", "earlier this month", "later this week", "this week", "next week",
// "over the weekend", "the spring of next year", "three weeks ago", "in the coming days". Each becomes a span of
// days relative to the reference day, at the precision it is known to.
import type { PeriodSpan, RawDate } from './expression.ts';

interface PeriodRule {
  /** Words one of which the sentence (in lower case) must hold for the pattern to be tried: most hold none. */
  hints: string[];
  pattern: RegExp;
  /** The span as offsets in days from the reference day, a week relative to its week, or a season. */
  span: (m: RegExpExecArray) => PeriodSpan | null;
}

/** The first month of each season (meteorological, northern hemisphere: news of the seasons is mostly written there). */
const SEASON_START: Record<string, 3 | 6 | 9 | 12> = { spring: 3, summer: 6, fall: 9, autumn: 9, winter: 12 };

const COUNT: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, few: 3, several: 4, couple: 2 };
const count = (w: string) => COUNT[w.toLowerCase()] ?? Number(w);
const UNIT_DAYS: Record<string, number> = { day: 1, week: 7, month: 30, year: 365 };
const unitDays = (w: string) => UNIT_DAYS[w.toLowerCase().replace(/s$/, '')];

const RULES: PeriodRule[] = [
  // "three weeks ago": the week that far back, known to within a week ("two days ago" and "3 months ago" are chrono's)
  { hints: ['ago'], pattern: /\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|few|several|couple of|\d{1,2})\s+(weeks?)\s+ago\b/gi,
    span: (m) => {
      const n = count(m[1].replace(/\s+of$/, '')) * unitDays(m[2]);
      const slack = unitDays(m[2]) === 1 ? 0 : Math.round(unitDays(m[2]) / 2);
      return Number.isFinite(n) ? { kind: 'span', from: -n - slack, to: -n + slack, precision: slack ? 'month' : 'day' } : null;
    } },
  // "in recent weeks", "in the past few weeks", "over the last couple of months", "in recent days"
  { hints: ['recent', 'past', 'last'], pattern: /\b(?:in|over|during|within)\s+(?:the\s+)?(?:recent|past|last)\s+(?:(few|several|couple of|two|three|four|\d{1,2})\s+)?(days|weeks|months)\b/gi,
    span: (m) => ({ kind: 'span', from: -(m[1] ? count(m[1].replace(/\s+of$/, '')) : 4) * unitDays(m[2]), to: 0, precision: 'month' }) },
  // "recently", "lately", "just": within the last month or so
  { hints: ['recently', 'lately'], pattern: /\b(?:recently|lately)\b/gi, span: () => ({ kind: 'span', from: -30, to: 0, precision: 'month' }) },
  // "this week", "last week", "next week"; not "for the last week", a duration
  // ... and "throughout the week", the writing day's ("during the week" is as often Monday to Friday in general; "the
  // week of May 6" is that date's)
  { hints: ['week'], pattern: /(?<!\bfor\s+(?:the\s+)?)\b(?:(this|last|next|past|coming)|throughout\s+the)\s+week\b(?!\s+of\b)/gi,
    span: (m) => ({ kind: 'week', offset: !m[1] ? 0 : /last|past/i.test(m[1]) ? -1 : /next|coming/i.test(m[1]) ? 1 : 0 }) },
  // "over the weekend", "at the weekend", "this weekend", "last weekend", "next weekend"
  // ("the weekend of the 4th and 5th" names its days: chrono's)
  { hints: ['weekend'], pattern: /\b(?:(?:over|at|during|on|for|by)\s+the|(this|last|next|past|coming))\s+weekend\b(?!\s+of\b)/gi,
    span: (m) => ({ kind: 'weekend', offset: !m[1] ? null : /last|past/i.test(m[1]) ? -1 : /next|coming/i.test(m[1]) ? 1 : 0 }) },
  // "earlier this month", "later this week", "later this year"
  { hints: ['earlier', 'later'], pattern: /\b(earlier|later)\s+this\s+(week|month|year)\b/gi,
    span: (m) => ({ kind: /earlier/i.test(m[1]) ? 'sinceStart' : 'untilEnd', unit: m[2].toLowerCase() as 'week' | 'month' | 'year' }) },
  // "last fall", "this summer", "next spring"; "last fall's election" too, not "the fall of Kabul" (no pointing word)
  { hints: ['spring', 'summer', 'fall', 'autumn', 'winter'], pattern: /\b(last|this|next|past|coming)\s+(spring|summer|fall|autumn|winter)\b/gi,
    span: (m) => ({ kind: 'season', firstMonth: SEASON_START[m[2].toLowerCase()], offset: /last|past/i.test(m[1]) ? -1 : /next|coming/i.test(m[1]) ? 1 : 0 }) },
  // "the spring of next year", "the autumn of last year"
  { hints: ['spring', 'summer', 'fall', 'autumn'], pattern: /\b(spring|summer|fall|autumn)\s+of\s+(next|last|this)\s+year\b/gi,
    span: (m) => ({ kind: 'seasonOfYear', firstMonth: SEASON_START[m[1].toLowerCase()] as 3 | 6 | 9, offset: /last/i.test(m[2]) ? -1 : /next/i.test(m[2]) ? 1 : 0 }) },
  // "the summer of 2024", "in spring 2023" (a winter spans two years: left to the text's other words)
  { hints: ['spring', 'summer', 'fall', 'autumn'], pattern: /\b(spring|summer|fall|autumn)\s+(?:of\s+)?((?:19|20)\d\d)\b/gi,
    span: (m) => ({ kind: 'seasonOf', firstMonth: SEASON_START[m[1].toLowerCase()] as 3 | 6 | 9, year: Number(m[2]) }) },
  // "in the coming days", "in the coming weeks" ("in the coming months" says too little to date an event)
  { hints: ['coming', 'next'], pattern: /\bin\s+the\s+(?:coming|next)\s+(?:(few|several|two|three)\s+)?(days|weeks)\b/gi,
    span: (m) => ({ kind: 'span', from: 0, to: (m[1] ? count(m[1]) : 3) * unitDays(m[2]), precision: 'month' }) },
];

/** Any rule's hint: most sentences have none, and one search tells so (each rule's own hints are checked after). */
const ANY_HINT = new RegExp([...new Set(RULES.flatMap((r) => r.hints))].join('|'), 'i');

/** The periods named in a sentence starting at document offset `base`. */
export function periodDates(sentence: string, base: number, out: RawDate[]): void {
  if (!ANY_HINT.test(sentence)) return;
  const lower = sentence.toLowerCase();
  for (const rule of RULES) {
    if (!rule.hints.some((h) => lower.includes(h))) continue;
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(sentence); m; m = rule.pattern.exec(sentence)) {
      const span = rule.span(m);
      if (!span) continue;
      out.push({ start: base + m.index, end: base + m.index + m[0].length, text: m[0], expression: { kind: 'period', span } });
    }
  }
}
