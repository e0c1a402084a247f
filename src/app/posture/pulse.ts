// How strongly an incident pulses at day t: full while it happens, then fading out over the reader's decay window.
// A date known only to the month or year fades in across its interval, so "in 2019" does not flash on 1 January, from
// a floor that is still plainly seen (a ring at 1/30 of its strength on the 1st was invisible; the marker said nothing).
import type { Category, Precision } from '../../model/index.ts';

export const PULSE_DEFAULTS = {
  /** The categories that are incidents (they pulse) rather than states or meetings. */
  categories: ['incursion', 'incident', 'strike', 'advance'] as Category[],
  /** Strength below which nothing is drawn. */
  minStrength: 0.02,
  /** Strength of a month- or year-precision incident on the first day of its interval: it then grows to 1 at its end. */
  uncertainFloor: 0.4,
};

/** 0..1 at day t for an event over [start, end] (inclusive day numbers), decaying to 0 over `decayDays` after end. */
export function pulseStrength(t: number, start: number, end: number, precision: Precision, decayDays: number,
  floor = PULSE_DEFAULTS.uncertainFloor): number {
  if (t < start) return 0;
  if (t <= end) return precision === 'day' || end <= start ? 1 : floor + (1 - floor) * ((t - start) / (end - start));
  if (decayDays <= 0) return 0;
  return Math.max(0, 1 - (t - end) / decayDays);
}
