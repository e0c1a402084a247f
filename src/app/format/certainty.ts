// What the data knows and how well, in words a reader checks: a date at its precision with what is unknown said
// plainly, whether the event is planned or ongoing, whether the date is only the report's, and confidence with the
// pipeline's reason ("date from 'on Wednesday'; place from 'in Vilnius'") instead of a bare percentage.
import type { EventProperties } from '../../model/index.ts';
import { formatEventDate } from './date.ts';

type DateFields = Pick<EventProperties, 'start' | 'end' | 'precision' | 'status' | 'dateSource'>;

export const CERTAINTY_DEFAULTS = {
  /** Confidence from this up reads "high", from `moderate` up "moderate", below it "low". */
  high: 0.8,
  moderate: 0.6,
};

/** "September 2025 (day unknown)", "2019 (month and day unknown)", "24 February 2022". */
export function formatDateAtPrecision(p: Pick<DateFields, 'start' | 'end' | 'precision'>): string {
  const date = formatEventDate(p.start, p.end, p.precision);
  if (p.precision === 'month') return `${date} (day unknown)`;
  if (p.precision === 'year') return `${date} (month and day unknown)`;
  return date;
}

/** The date with its status: "Planned for September 2025 (day unknown)", "15 October 2025, ongoing". */
export function formatWhen(p: DateFields): string {
  const date = formatDateAtPrecision(p);
  if (p.status === 'planned') return `Planned for ${date}`;
  if (p.status === 'ongoing') return `${date}, ongoing`;
  return date;
}

/** Whether the date is uncertain to the reader: known only to a month or year, planned, or only the report's date. */
export function isUncertainDate(p: DateFields): boolean {
  return p.precision !== 'day' || p.status === 'planned' || p.dateSource === 'published';
}

/** A short tag for the list: what makes the date uncertain, or '' when nothing does. */
export function uncertaintyTag(p: DateFields): string {
  if (p.status === 'planned') return 'planned';
  if (p.dateSource === 'published') return 'date of the report';
  return '';
}

/**
 * The pipeline's reason ("date: 'on Wednesday', future tense, after publication 2023-07-11; place: 'in Vilnius',
 * locative; event: 'meeting' | happened") as a reader's sentence: "date from 'on Wednesday'; place from 'in Vilnius';
 * event from 'meeting'". A part without a quoted phrase is kept as it is ("date: publication date 2024-10-21").
 */
export function reasonInWords(reason: string): string {
  const parts = reason.split(' | ')[0].split(/;\s*/).map((part) => part.trim()).filter(Boolean);
  return parts.map((part) => {
    const m = /^([a-z ]+):\s*(.*)$/i.exec(part);
    if (!m) return part;
    const quoted = /'[^']*'/.exec(m[2]);
    if (quoted && m[2].startsWith(quoted[0])) return `${m[1]} from ${quoted[0]}`;
    return `${m[1]}: ${m[2].replace(/,\s*(happened|ongoing|planned)$/, '')}`;
  }).join('; ');
}

/** "High (85%): date from 'October 17'; place from 'in Brussels'", or the words alone without a reason. */
export function confidenceInWords(confidence: number, reason: string | undefined, opts = CERTAINTY_DEFAULTS): string {
  const word = confidence >= opts.high ? 'High' : confidence >= opts.moderate ? 'Moderate' : 'Low';
  const head = `${word} (${Math.round(confidence * 100)}%)`;
  const why = reason ? reasonInWords(reason) : '';
  return why ? `${head}: ${why}` : head;
}
