// The time axis over the data's extent: a padded domain of day numbers and a d3 UTC scale from days to pixels.
import { scaleUtc, type ScaleTime } from 'd3';
import { dateOf, dayOf } from '../../model/day.ts';

export const TIME_SCALE_DEFAULTS = {
  /** Room left before the first and after the last event, as a share of the span, so both ends are reachable. */
  padFraction: 0.02,
  /** At least this many days of room, so a single event or a single day still gets an axis to move along. */
  minPadDays: 15,
  /** The span shown for an empty dataset, ending today. */
  emptySpanDays: 365,
};

/** The last day a date in the data contract can name (YYYY-MM-DD): the padded domain stops there. */
export const LAST_DAY = dayOf('9999-12-31');

/** [first, last] day the scrubber can reach; `first` is before every event so Home shows none. */
export function timeDomain(extent: [number, number] | null, today: number, opts = TIME_SCALE_DEFAULTS): [number, number] {
  if (extent === null) return [today - opts.emptySpanDays, today];
  const [lo, hi] = extent;
  const pad = Math.max(opts.minPadDays, Math.round((hi - lo) * opts.padFraction));
  return [lo - pad, Math.min(LAST_DAY, Math.max(hi, hi + pad))];
}

/** A UTC time scale from the domain's days to [x0, x1] pixels. */
export function timeScale(domain: [number, number], range: [number, number]): ScaleTime<number, number> {
  return scaleUtc().domain([dateOf(domain[0]), dateOf(domain[1])]).range(range);
}

/** The whole day under pixel x, clamped to the domain. */
export function dayAtX(scale: ScaleTime<number, number>, x: number, domain: [number, number]): number {
  const day = Math.round(scale.invert(x).getTime() / 86_400_000);
  return Math.min(domain[1], Math.max(domain[0], day));
}

/** Pixel x of the start of day `day`. */
export function xOfDay(scale: ScaleTime<number, number>, day: number): number {
  return scale(dateOf(day));
}

