// Where chrono should look. Running it over every sentence is the stage's main cost, and its cost grows with the
// number of candidate words in one call ("May May May..." takes seconds), so it only sees short windows around
// words that can start or anchor a date.
import type { Span } from '../types.ts';
import { AMBIGUOUS_MONTH, DATE_PREPOSITION } from './words.ts';

const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december';
const TRIGGER = new RegExp(
  [
    `\\b(?:${MONTHS})\\b`,
    '\\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\\.?\\s?\\d',
    '\\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\\b',
    '\\b(?:today|tonight|yesterday|tomorrow|ago)\\b',
    '\\bthis\\s+(?:morning|afternoon|evening)\\b',
    '\\b(?:last|next|this|past|previous|coming)\\s+(?:month|year)\\b',
    '\\b\\d{4}-\\d{2}-\\d{2}\\b',
    '\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b',
  ].join('|'),
  'gi',
);

export interface WindowOptions {
  /** Characters before a trigger word that chrono also sees ("17" in "17 October", "last" in "last Monday"). */
  windowBeforeChars: number;
  /** Characters after it ("17, 2024" in "October 17, 2024"). */
  windowAfterChars: number;
  /** Longest window; longer runs of triggers are cut (only junk text has them). */
  maxWindowChars: number;
  /** Most windows per sentence; the rest of a sentence with more is skipped. */
  maxWindowsPerSentence: number;
}

/** "may" and "march" in lower case are verbs ("Russia may invade"), not months. */
function isLowerCaseVerb(word: string): boolean {
  return word === 'may' || word === 'march';
}

/** Spans of `text` (sentence-relative) that contain every trigger word with some context, merged, in order. */
export function dateWindows(text: string, opts: WindowOptions): Span[] {
  const windows: Span[] = [];
  TRIGGER.lastIndex = 0;
  for (let m = TRIGGER.exec(text); m; m = TRIGGER.exec(text)) {
    if (isLowerCaseVerb(m[0])) continue;
    if (AMBIGUOUS_MONTH.test(m[0]) && !besideDateWord(text, m.index, m.index + m[0].length)) continue;
    const start = snapStart(text, Math.max(0, m.index - opts.windowBeforeChars));
    const end = snapEnd(text, Math.min(text.length, m.index + m[0].length + opts.windowAfterChars));
    const last = windows[windows.length - 1];
    if (last && start <= last.end && end - last.start <= opts.maxWindowChars) {
      last.end = Math.max(last.end, end);
    } else {
      if (windows.length >= opts.maxWindowsPerSentence) break;
      windows.push({ start: last && start < last.end ? last.end : start, end });
    }
  }
  return windows;
}

/** An ambiguous month name is a date word only after a preposition or beside a number ("in May", "May 5"). */
function besideDateWord(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 16), start);
  return DATE_PREPOSITION.test(before) || /\d\s*$/.test(before) || /^\s*\d/.test(text.slice(end, end + 3));
}

// Windows start and end at spaces, so that chrono never sees half a word or half a number.
function snapStart(text: string, at: number): number {
  if (at === 0) return 0;
  const space = text.lastIndexOf(' ', at);
  return space < 0 ? 0 : space + 1;
}

function snapEnd(text: string, at: number): number {
  if (at >= text.length) return text.length;
  const space = text.indexOf(' ', at);
  return space < 0 ? text.length : space;
}
