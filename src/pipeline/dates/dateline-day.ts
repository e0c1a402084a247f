// The day a document was filed, read from its dateline when nothing else gives it (a folder without a manifest):
//
//   BUCHAREST, 7 September 2023 — The minister ...        place, date, dash
//   KYIV, Ukraine (AP), Nov. 3, 2023 - ...                place, region, agency, date, dash
//   Published: 12 March 2024                              a line that is only a date, perhaps labelled
//
// A full date anywhere else in the lede ("the exercise ran from 3 March 2024") is an event's date, not the writing
// day: only these shapes count.
import type { Sentence } from '../types.ts';

export const DATELINE_DAY_DEFAULTS = {
  /** Content sentences at the top searched. */
  sentences: 3,
  /** Lines outside the content (metadata such as "Published: ...") searched above and among them. */
  otherLines: 4,
};

/** A full date written in a line: where it is and the day it names. */
export interface FullDate {
  start: number;
  end: number;
  day: string;
}

// Before the date: capitalised place words, an optional region after a comma, an optional agency in parentheses.
const PLACE_PREFIX = /^\p{Lu}[\p{L}'’.-]*(?:[ -]\p{L}[\p{L}'’.-]*){0,3}(?:,\s*\p{Lu}[\p{L}'’.-]*(?: \p{L}[\p{L}'’.-]*){0,2})?\s*(?:\([\p{L} .&-]{1,30}\))?\s*[,:]?\s*$/u;
// After the date: the dash that ends a dateline, or an agency then the dash.
const DASH_AFTER = /^\s*(?:\([\p{L} .&-]{1,30}\)\s*)?(?:[—–]|--?|\|)\s/u;
// A line that is only a date, perhaps with a label.
const LABEL = /^\s*(?:(?:published|posted|updated|date|dated|filed)\b\s*(?:on)?\s*[:.-]?\s*)?$/i;
const NOTHING_AFTER = /^\s*[.,]?\s*$/;

/**
 * The dateline's day (ISO), or null when the top of the text has no dateline with a full date. `fullDates` reads the
 * full dates ("7 September 2023", "Nov. 3, 2023") written in a line; weekdays and other relative dates do not count.
 */
export function datelineDay(sentences: readonly Sentence[], fullDates: (s: Sentence) => FullDate[], opts = DATELINE_DAY_DEFAULTS): string | null {
  let content = 0;
  let other = 0;
  for (const s of sentences) {
    if (content >= opts.sentences) break;
    if (s.isContent) content++;
    else if (++other > opts.otherLines) continue;
    for (const d of fullDates(s)) {
      const before = s.text.slice(0, d.start - s.start);
      const after = s.text.slice(d.end - s.start);
      const dateline = (before.trim() === '' || PLACE_PREFIX.test(before)) && DASH_AFTER.test(after);
      const dateOnly = LABEL.test(before) && NOTHING_AFTER.test(after);
      if (dateline || dateOnly) return d.day;
    }
  }
  return null;
}
