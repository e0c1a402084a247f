// The event contract's value lists and its date check (docs/event-data.md), apart from its zod schemas (event.ts,
// which re-exports them): the app's first load uses these, and a module that imports event.ts builds every schema,
// which brings zod into the page's entry chunk (about 25 KB gzipped) although the app checks files only in a later
// chunk (issue 16).

export const CATEGORIES = [
  'meeting', 'incursion', 'deployment', 'mission', 'headquarters',
  'incident', 'strike', 'advance', 'aid', 'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const PRECISIONS = ['day', 'month', 'year'] as const;
export type Precision = (typeof PRECISIONS)[number];

export const PLACE_KINDS = ['site', 'city', 'country', 'region'] as const;
/** Whether the text says the event took place, holds now, or is announced or scheduled (negated ones are not events). */
export const STATUSES = ['happened', 'ongoing', 'planned'] as const;
export type Status = (typeof STATUSES)[number];
/** Where the event's date was found, nearest first: its own sentence ... the document's published date. */
export const DATE_SOURCES = ['sentence', 'clause', 'paragraph', 'lede', 'dateline', 'published'] as const;
export type DateSource = (typeof DATE_SOURCES)[number];
/** `analyst`: a place an analyst set by hand in the workbench (a map click), not taken from a gazetteer. */
export const GAZETTEERS = ['geonames', 'naturalearth', 'curated', 'census', 'analyst'] as const;
export const HIGHLIGHT_KINDS = ['place', 'date', 'trigger'] as const;

/** True when `iso` is a real calendar day written YYYY-MM-DD (2025-02-30 is not). */
export function isIsoDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** What a person decided about an event in the workbench (docs/workbench.md); absent while nobody has reviewed it. */
export const REVIEW_STATES = ['accepted', 'corrected', 'rejected', 'added'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];
