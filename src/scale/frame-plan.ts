// What one frame draws, decided in a few binary searches: the per-frame half of the bucketed layer, kept pure so
// tests can check it against a brute-force scan and the layer stays a thin deck.gl wrapper.
import { FOREVER, type ScaleEvents } from './scale-events.ts';
import { lowerBound, queryWindow, WINDOW_SLOTS } from './time-buckets.ts';

/** Slots of a frame plan (an Int32Array of FRAME_SLOTS); the first WINDOW_SLOTS are queryWindow's. */
export const FRAME_LANE_END = WINDOW_SLOTS;
export const FRAME_SLOTS = WINDOW_SLOTS + 1;

export interface FrameDays {
  /** Window start and cursor, origin-relative days; t0 is -FOREVER when the window has no start. */
  t0: number;
  t1: number;
}

/**
 * Plans a frame for the window [windowStart, time] (day numbers; windowStart -Infinity: everything started by time):
 * fills `out` with the main lane's bucket run (queryWindow slots) and FRAME_LANE_END, the number of persisting-lane
 * buckets to draw, and `days` with the origin-relative window. Allocates nothing.
 */
export function planFrame(events: ScaleEvents, windowStart: number, time: number, out: Int32Array, days: FrameDays): void {
  const origin = events.columns.originDay;
  days.t1 = Math.floor(time) - origin;
  days.t0 = windowStart === -Infinity ? -FOREVER : Math.ceil(windowStart) - origin;
  queryWindow(events.buckets, days.t0, days.t1, out);
  out[FRAME_LANE_END] = days.t0 > -FOREVER ? lowerBound(events.persisting.buckets.minStart, days.t0) : 0;
}
