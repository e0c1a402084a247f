// How sure the pipeline is of an event, from its evidence: how its date and place were found, how strongly its
// word names an event, and what the text says of it. Each factor is a probability-like weight; the product is the
// confidence, and the reason is the same evidence in words for the reader. Merged sources raise it (merge.ts).
import type { DateSource, Precision, Status } from '../../model/event.ts';
import type { Predicate } from './predicates.ts';

export const CONFIDENCE_DEFAULTS = {
  dateSource: { clause: 1, sentence: 0.95, paragraph: 0.85, lede: 0.8, dateline: 0.75, published: 0.6 } as Record<DateSource, number>,
  precision: { day: 1, month: 0.92, year: 0.8 } as Record<Precision, number>,
  placeRole: {
    locative: 1, destination: 0.95, undergoer: 0.95, area: 0.95, host: 0.9, possessor: 0.85, relative: 0.9, anaphor: 0.8,
    dateline: 0.7,
  } as Record<string, number>,
  predicate: { frame: 1, domain: 0.95, wordnet: 0.95, 'wordnet-cued': 0.8 } as Record<Predicate['source'], number>,
  /** A noun event said in passing ("the summit in Madrid") is weaker evidence than a clause that reports it. */
  noun: 0.92,
  status: { happened: 1, ongoing: 0.95, planned: 0.9 } as Record<Status, number>,
  /** An event the text names by its word alone ("a speech in Poland": nobody acting, nothing acted on) is less sure. */
  wordOnly: 0.85,
};

export interface Evidence {
  predicate: Predicate;
  dateSource: DateSource;
  dateText: string | null;
  precision: Precision;
  placeRole: string;
  placeText: string;
  /** The resolver's confidence in the place (0..1). */
  placeConfidence: number;
  published: string | null;
  /** True when the text says no more of the event than its word and place (the headline could only be a template). */
  wordOnly?: boolean;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export function confidenceOf(e: Evidence, opts = CONFIDENCE_DEFAULTS): number {
  const c =
    opts.dateSource[e.dateSource] * opts.precision[e.precision] * (opts.placeRole[e.placeRole] ?? 0.7) *
    opts.predicate[e.predicate.source] * (e.predicate.isVerb || e.predicate.argument ? 1 : opts.noun) *
    opts.status[e.predicate.status] * Math.min(1, 0.5 + e.placeConfidence / 2) * (e.wordOnly ? opts.wordOnly : 1);
  return Number.isFinite(c) ? round2(Math.min(1, Math.max(0, c))) : 0;
}

const ROLE_WORDS: Record<string, string> = {
  locative: 'where it happened', destination: 'destination', undergoer: 'what it struck or reached', area: 'the area named',
  host: 'the host', possessor: "the event's owner", relative: "'where' clause", anaphor: "'there'", dateline: 'dateline',
};
const SOURCE_WORDS: Record<DateSource, string> = {
  clause: 'same clause', sentence: 'same sentence', paragraph: 'earlier in the paragraph', lede: 'the lede',
  dateline: 'the dateline', published: 'publication date',
};

/** One line a reader can check: "date: 'on Wednesday' (same clause), planned; place: 'in Vilnius' (where it happened)". */
export function reasonOf(e: Evidence): string {
  const status = e.predicate.status === 'planned' ? 'planned' : e.predicate.status === 'ongoing' ? 'ongoing' : 'happened';
  const date = e.dateText
    ? `date: '${e.dateText}' (${SOURCE_WORDS[e.dateSource]})`
    : `date: ${SOURCE_WORDS[e.dateSource]}${e.published ? ` ${e.published}` : ''}`;
  return `${date}, ${status}; place: '${e.placeText}' (${ROLE_WORDS[e.placeRole] ?? e.placeRole}); event: '${e.predicate.text}'`;
}
