// What one frame draws, in three binary searches and no allocation. Events are sorted by start, so the events that
// started in the window [t0, t1] are one run of rows; the persisting states that began before t0 are a prefix of the
// persisting lane (sorted by start too), of which the GPU keeps those still holding at t0.
import { FOREVER, type ScaleEvents } from './scale-events.ts';
import { lowerBound, upperBound } from './sorted-days.ts';

/** Slots of a window plan (an Int32Array of PLAN_SLOTS). */
export const PLAN_FIRST_ROW = 0;
export const PLAN_END_ROW = 1;
export const PLAN_LANE_END = 2;
export const PLAN_SLOTS = 3;

export interface WindowDays {
  /** Window start and cursor, origin-relative days; t0 is -FOREVER when the window has no start. */
  t0: number;
  t1: number;
}

/**
 * Plans a frame for the window [windowStart, time] (day numbers; windowStart -Infinity: everything started by time):
 * rows [FIRST_ROW, END_ROW) of the main lane, and lane rows [0, LANE_END) to test for still holding at t0.
 */
export function planWindow(events: ScaleEvents, windowStart: number, time: number, out: Int32Array, days: WindowDays): void {
  const origin = events.columns.originDay;
  days.t1 = Math.floor(time) - origin;
  days.t0 = windowStart === -Infinity ? -FOREVER : Math.ceil(windowStart) - origin;
  const start = events.columns.start;
  const first = days.t0 === -FOREVER ? 0 : lowerBound(start, days.t0);
  out[PLAN_FIRST_ROW] = first;
  out[PLAN_END_ROW] = Math.max(first, upperBound(start, days.t1));
  out[PLAN_LANE_END] = days.t0 > -FOREVER ? lowerBound(events.persisting.start, days.t0) : 0;
}
