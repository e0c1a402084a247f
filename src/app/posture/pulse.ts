// How strongly an incident pulses at day t: full while it happens, then fading out over the reader's decay window.
// A date known only to the month or year fades in across its interval, so "in 2019" does not flash on 1 January.
import type { Category, Precision } from '../../model/index.ts';

export const PULSE_DEFAULTS = {
  /** The categories that are incidents (they pulse) rather than states or meetings. */
  categories: ['incursion', 'incident', 'strike', 'advance'] as Category[],
  /** Strength below which nothing is drawn. */
  minStrength: 0.02,
};

/** 0..1 at day t for an event over [start, end] (inclusive day numbers), decaying to 0 over `decayDays` after end. */
export function pulseStrength(t: number, start: number, end: number, precision: Precision, decayDays: number): number {
  if (t < start) return 0;
  if (t <= end) return precision === 'day' || end <= start ? 1 : (t - start + 1) / (end - start + 1);
  if (decayDays <= 0) return 0;
  return Math.max(0, 1 - (t - end) / decayDays);
}
