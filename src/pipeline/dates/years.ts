// Bare years, year ranges and decades, which chrono does not read: "deployed in 2017", "from 2014 to 2016",
// "the 1990s". A four-digit number is a year only where the words around it say so ("5,000 troops", "2000 troops"
// and "40 billion" are not).
import { yearInterval } from './calendar.ts';
import type { RawDate } from './expression.ts';

export interface YearOptions {
  /** Earliest number read as a year. */
  minYear: number;
  /** Latest number read as a year. */
  maxYear: number;
  /** Reading stops after this many expressions in one sentence. */
  maxMentionsPerSentence: number;
}

const YEAR = '(\\d{4})';
// Words after which a four-digit number is a year.
const YEAR_CUE =
  '(?:\\b(?:in|since|by|until|till|from|during|before|after|of|through|throughout|early|late|mid|circa|around|spring|summer|autumn|fall|winter|year|between|and|to|the end of|the start of)\\s+|\\bmid-)';
// Words after which it is a count: "in 2000 troops" is not a year.
const COUNT_NOUN =
  /^\s*(%|percent|per cent|troops|soldiers|people|men|women|personnel|civilians|km|kilomet|mile|metre|meter|feet|tonnes|tons|euros?|dollars?|pounds|drones|missiles|tanks|vehicles|rounds|shells|units|cases|jobs|members|votes|seats|hectares|square|days|weeks|months|years|hours|minutes)/i;
// An event a year can name: "the 2022 summit", "the 2014 invasion".
const EVENT_NOUN =
  /^\s+(?:\p{Lu}|summit|meeting|elections?|invasion|war|agreement|deal|budget|strategy|report|law|treaty|games|conference|offensive|counteroffensive|crisis|attacks?|annexation|referendum|revolution|accords?|ceasefire|protests?)/u;

// A year inside a name: "the Coastal Waters Act of 2011", "the Class of 2010" (not when the text happened).
const NAMED_BY_YEAR = /\b(?:Act|Bill|Class|Code|Law)\s+of\s+$/;

const RANGE = new RegExp(`\\b(?:from|between)\\s+${YEAR}\\s+(?:to|and|until|till|through)\\s+${YEAR}\\b|\\b${YEAR}\\s*[-–—]\\s*(\\d{4}|\\d{2})\\b(?![-–/]\\d)`, 'g');
const DECADE = /\b(?:the\s+)?((?:1[89]|20)\d0)['’]?s\b/g;
const SINGLE = new RegExp(`(?:${YEAR_CUE}|\\bthe\\s+(?=\\d{4}\\s)|\\b(?=\\d{4}['’]s\\b))${YEAR}\\b(?![-–/.,:]?\\d)`, 'gi');

function isYear(y: number, opts: YearOptions): boolean {
  return y >= opts.minYear && y <= opts.maxYear;
}

function overlaps(start: number, end: number, taken: readonly RawDate[]): boolean {
  return taken.some((t) => start < t.end && end > t.start);
}

/** Year expressions in `sentence` (document offset `base`) that do not overlap `taken` (chrono's dates). */
export function yearDates(sentence: string, base: number, taken: readonly RawDate[], opts: YearOptions, out: RawDate[]): void {
  if (!/\d{4}/.test(sentence)) return;
  const found: RawDate[] = [];
  const push = (start: number, end: number, from: number, to: number) => {
    if (found.length >= opts.maxMentionsPerSentence) return;
    if (!isYear(from, opts) || !isYear(to, opts) || to < from) return;
    if (overlaps(base + start, base + end, taken) || overlaps(base + start, base + end, found)) return;
    found.push({ start: base + start, end: base + end, text: sentence.slice(start, end), expression: { kind: 'absolute', interval: yearInterval(from, to) } });
  };
  RANGE.lastIndex = 0;
  for (let m = RANGE.exec(sentence); m; m = RANGE.exec(sentence)) {
    const first = Number(m[1] ?? m[3]);
    const lastText = m[2] ?? m[4];
    // "2023-24" names the century once
    const last = lastText.length === 2 ? Math.floor(first / 100) * 100 + Number(lastText) : Number(lastText);
    const start = m[1] ? m.index + m[0].indexOf(m[1]) : m.index;
    if (COUNT_NOUN.test(sentence.slice(m.index + m[0].length))) continue;
    push(start, m.index + m[0].length, first, last);
  }
  DECADE.lastIndex = 0;
  for (let m = DECADE.exec(sentence); m; m = DECADE.exec(sentence)) {
    const decade = Number(m[1]);
    const start = m.index + m[0].indexOf(m[1]);
    push(start, m.index + m[0].length, decade, decade + 9);
  }
  SINGLE.lastIndex = 0;
  for (let m = SINGLE.exec(sentence); m; m = SINGLE.exec(sentence)) {
    const end = m.index + m[0].length;
    const after = sentence.slice(end, end + 24);
    if (COUNT_NOUN.test(after)) continue;
    if (/\bthe\s+$/i.test(m[0].slice(0, -4)) && !EVENT_NOUN.test(after)) continue;
    if (NAMED_BY_YEAR.test(sentence.slice(Math.max(0, m.index - 24), end - 4))) continue;
    push(end - 4, end, Number(m[1]), Number(m[1]));
  }
  out.push(...found);
}
