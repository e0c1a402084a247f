// Which events want a person's eye first: not yet reviewed, and the pipeline was unsure of them.
import type { EventFeature } from '../../model/index.ts';

export const REVIEW_DEFAULTS = {
  /** Below this confidence an unreviewed event is marked "needs review" on the map and in the list. */
  lowConfidence: 0.5,
};

export const isReviewed = (f: EventFeature) => f.properties.review !== undefined;

/** Unreviewed and below the confidence threshold. */
export const needsReview = (f: EventFeature, opts = REVIEW_DEFAULTS) => !isReviewed(f) && f.properties.confidence < opts.lowConfidence;

/** "Needs review" first (least confident first), then the other unreviewed, then the reviewed; rejected ones left out. */
export function reviewOrder(features: readonly EventFeature[], opts = REVIEW_DEFAULTS): EventFeature[] {
  const rank = (f: EventFeature) => (needsReview(f, opts) ? 0 : isReviewed(f) ? 2 : 1);
  return features.filter((f) => f.properties.review?.state !== 'rejected')
    .sort((a, b) => rank(a) - rank(b) || a.properties.confidence - b.properties.confidence || a.properties.start.localeCompare(b.properties.start) || a.id.localeCompare(b.id));
}

/** How the review line names an event's state: "Needs review: the pipeline is 38% sure", "Accepted by Ana, 20 October 2025". */
export function reviewLine(f: EventFeature, formatDay: (iso: string) => string, opts = REVIEW_DEFAULTS): string {
  const r = f.properties.review;
  const sure = `the pipeline is ${Math.round(f.properties.confidence * 100)}% sure of it`;
  if (!r) return needsReview(f, opts) ? `Needs review: ${sure}.` : `Not reviewed yet: ${sure}.`;
  const verb = { accepted: 'Accepted', corrected: 'Corrected', rejected: 'Rejected', added: 'Added' }[r.state];
  const day = /^\d{4}-\d{2}-\d{2}/.test(r.at) ? `, ${formatDay(r.at.slice(0, 10))}` : '';
  return `${verb} by ${r.by}${day}${r.reason ? `: ${r.reason}` : '.'}`;
}
