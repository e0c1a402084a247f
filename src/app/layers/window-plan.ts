// What one frame draws, in a few binary searches and no allocation. Events are sorted by start, so the events that
// started in the window [t0, t1] are one run of rows. Events that began before t0 and were still active at t0 come
// from the lanes (prepared-events.ts), each sorted by start: the candidates are those that began in
// [t0 - maxSpan, t0), and the GPU keeps the ones whose last active day is at least t0.
import { FOREVER, type Lane, type PreparedEvents } from '../data/prepared-events.ts';
import { bisectLeft, bisectRight } from 'd3-array';

/**
 * Slots of a window plan (an Int32Array of PLAN_SLOTS): [first, end) of the main rows, then for lane k its
 * candidates [PLAN_LANES + 2k, PLAN_LANES + 2k + 1).
 */
export const PLAN_FIRST_ROW = 0;
export const PLAN_END_ROW = 1;
export const PLAN_LANES = 2;
export const PLAN_SLOTS = 8;

export interface WindowDays {
  /** Window start and cursor, origin-relative days; t0 is -FOREVER when the window has no start. */
  t0: number;
  t1: number;
}

function laneCandidates(lane: Lane, t0: number, out: Int32Array, slot: number): void {
  const end = t0 === -FOREVER ? 0 : bisectLeft(lane.start, t0);
  out[slot] = Math.min(end, bisectLeft(lane.start, t0 - lane.maxSpan, 0, end));
  out[slot + 1] = end;
}

/**
 * Plans a frame for the window [windowStart, time] (day numbers; windowStart -Infinity: everything started by time,
 * and the lanes draw nothing). With `activeAtStart` false only events that started in the window are drawn.
 */
export function planWindow(events: PreparedEvents, windowStart: number, time: number, out: Int32Array, days: WindowDays,
  activeAtStart = true): void {
  const origin = events.columns.originDay;
  days.t1 = Math.floor(time) - origin;
  days.t0 = windowStart === -Infinity ? -FOREVER : Math.ceil(windowStart) - origin;
  const start = events.columns.start;
  const first = days.t0 === -FOREVER ? 0 : bisectLeft(start, days.t0);
  out[PLAN_FIRST_ROW] = first;
  out[PLAN_END_ROW] = Math.max(first, bisectRight(start, days.t1));
  const t0 = activeAtStart ? days.t0 : -FOREVER;
  for (let k = 0; k < events.lanes.length; k++) laneCandidates(events.lanes[k], t0, out, PLAN_LANES + 2 * k);
}
