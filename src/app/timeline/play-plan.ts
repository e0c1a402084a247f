// "Fit" playback: the data's whole span in about 20 seconds whatever it covers, with long empty stretches passed in a
// moment and a short hold on each day that has events, so a one-day event is seen, not flashed past. The plan is a
// piecewise-linear map from seconds of playback to days (knots), read both ways by binary search.
import { bisectLeft, bisectRight } from 'd3-array';

export const PLAY_PLAN_DEFAULTS = {
  /** Seconds from the first event to the end of the data. */
  totalSeconds: 20,
  /** Seconds held on each day that has events (shortened when there are many such days). */
  holdSeconds: 0.35,
  /** At most this share of the total goes to holds. */
  maxHoldShare: 0.4,
  /** A gap between event days longer than this share of the span is empty: it is passed in `gapSeconds`. */
  emptyGapShare: 1 / 20,
  gapSeconds: 0.4,
};

/** `seconds[k]` of playback shows day `days[k]`; both ascend (days may repeat: a hold). */
export interface PlayPlan {
  seconds: Float64Array;
  days: Float64Array;
  total: number;
}

/** Distinct days that events start on, ascending, from start-sorted starts. */
export function eventDays(starts: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < starts.length; i++) if (out.length === 0 || starts[i] !== out[out.length - 1]) out.push(starts[i]);
  return out;
}

/** The plan from the first event day to `end` (the data's last day), over the distinct event days. */
export function playPlan(days: readonly number[], end: number, opts = PLAY_PLAN_DEFAULTS): PlayPlan {
  if (days.length === 0) return { seconds: Float64Array.of(0), days: Float64Array.of(end), total: 0 };
  const first = days[0];
  const last = Math.max(end, days[days.length - 1]);
  const span = Math.max(1, last - first);
  const emptyGap = span * opts.emptyGapShare;
  // The stretches after each event day: to the next one, and from the last to the end of the data.
  const stretches = days.map((d, k) => (k + 1 < days.length ? days[k + 1] : last) - d);
  let emptyCount = 0;
  let playedDays = 0;
  for (const s of stretches) {
    if (s > emptyGap) emptyCount++;
    else playedDays += s;
  }
  const hold = Math.min(opts.holdSeconds, (opts.totalSeconds * opts.maxHoldShare) / days.length);
  const gap = Math.min(opts.gapSeconds, (opts.totalSeconds * 0.2) / Math.max(1, emptyCount));
  const rest = Math.max(0, opts.totalSeconds - hold * days.length - gap * emptyCount);
  const perDay = playedDays > 0 ? rest / playedDays : 0;
  const seconds: number[] = [];
  const at: number[] = [];
  let s = 0;
  days.forEach((d, k) => {
    seconds.push(s, s + hold);
    at.push(d, d);
    s += hold;
    s += stretches[k] > emptyGap ? gap : stretches[k] * perDay;
  });
  seconds.push(s);
  at.push(last);
  return { seconds: Float64Array.from(seconds), days: Float64Array.from(at), total: s };
}

/** The day shown `s` seconds into the plan (fractional; the player rounds). */
export function dayAtSecond(plan: PlayPlan, s: number): number {
  const { seconds, days } = plan;
  if (s <= seconds[0]) return days[0];
  const k = bisectRight(seconds, s) - 1;
  if (k >= seconds.length - 1) return days[days.length - 1];
  const f = (s - seconds[k]) / (seconds[k + 1] - seconds[k] || 1);
  return days[k] + f * (days[k + 1] - days[k]);
}

/** Seconds into the plan at which day `t` is first shown (a start from the middle of the data). */
export function secondAtDay(plan: PlayPlan, t: number): number {
  const { seconds, days } = plan;
  if (t <= days[0]) return 0;
  // The first knot at or after t: on an event day, the start of its hold.
  const k = bisectLeft(days, t);
  if (k >= days.length) return plan.total;
  if (days[k] === t) return seconds[k];
  const f = (t - days[k - 1]) / (days[k] - days[k - 1]);
  return seconds[k - 1] + f * (seconds[k] - seconds[k - 1]);
}

/** The first event day after t, or null. */
export function nextEventDay(days: readonly number[], t: number): number | null {
  const k = bisectRight(days, t);
  return k < days.length ? days[k] : null;
}

/** The last event day before t, or null. */
export function previousEventDay(days: readonly number[], t: number): number | null {
  let k = bisectRight(days, t) - 1;
  while (k >= 0 && days[k] >= t) k--;
  return k >= 0 ? days[k] : null;
}
