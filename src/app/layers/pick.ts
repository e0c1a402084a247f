// Picking on the CPU: the nearest shown marker to a pixel, by a scan of the window's rows in deck.gl's common space
// (PreparedEvents.world, where a unit is 2^zoom pixels). GPU picking would redraw every visible event (a second
// frame's cost in SwiftShader); this is a binary search and a tight loop, a few milliseconds for 100,000 shown
// events, with no allocation. The rows it considers, with their sizes and offsets, are the ones the layer draws.
import { bisectLeft, bisectRight } from 'd3-array';
import { worldOf } from '../../util/mercator.ts';
import { ALL_CATEGORIES, FOREVER, type PreparedEvents } from '../data/prepared-events.ts';

/** How the markers are sized (the layer's props of the same names). */
export interface MarkerSize {
  radiusPixels: number;
  radiusPerSource: number;
  maxRadiusPixels: number;
  offsetScale: number;
}

export const PICK_DEFAULTS = {
  /** Pixels around a marker's disc that still pick it (a small marker is hard to hit exactly). */
  slackPixels: 3,
};

/** What is shown: the window [windowStart, time] in day numbers (windowStart -Infinity: all started by time). */
export interface ShownFilter {
  windowStart: number;
  time: number;
  /** Also rows that began before the window and were still active at its start (the layer's lanes). */
  activeAtStart: boolean;
  categoryMask: number;
  matches: Uint8Array | null;
}

export const SHOW_ALL: Omit<ShownFilter, 'windowStart' | 'time'> = { activeAtStart: true, categoryMask: ALL_CATEGORIES, matches: null };

/**
 * Calls `visit(row)` for every row the layer draws for `filter`: those that started in the window, then (with a
 * window start) those still active at its start, as the layer's lanes. Categories off in the mask and rows whose
 * `matches` byte is 0 are skipped, as the layer skips them. Rows are visited in drawing order.
 */
export function forEachShown(events: PreparedEvents, filter: ShownFilter, visit: (row: number) => void): void {
  const origin = events.columns.originDay;
  const t0 = filter.windowStart === -Infinity ? -Infinity : Math.ceil(filter.windowStart) - origin;
  const t1 = Math.floor(filter.time) - origin;
  const { category, start } = events.columns;
  const { categoryMask, matches } = filter;
  const passes = (i: number) => ((categoryMask >> category[i]) & 1) === 1 && (matches === null || matches[i] !== 0);
  const first = bisectLeft(start, t0);
  for (let i = first, end = Math.max(first, bisectRight(start, t1)); i < end; i++) if (passes(i)) visit(i);
  if (!filter.activeAtStart || t0 === -Infinity) return;
  for (const lane of events.lanes) {
    const laneEnd = bisectLeft(lane.start, t0);
    const from = lane.maxSpan === FOREVER ? 0 : bisectLeft(lane.start, t0 - lane.maxSpan, 0, laneEnd);
    for (let k = from; k < laneEnd; k++) if (lane.lastDay[k] >= t0 && passes(lane.index[k])) visit(lane.index[k]);
  }
}

/** The radius a row's marker is drawn with. */
export function radiusOf(events: PreparedEvents, row: number, size: MarkerSize): number {
  return Math.min(size.maxRadiusPixels, size.radiusPixels + size.radiusPerSource * Math.max(0, events.columns.sourceCount[row] - 1));
}

/**
 * The screen offset of row `row` from the pixel of (cx, cy) in common space, at `pixelsPerUnit`, into `out` (x right,
 * y down), co-location offset included.
 */
export function pixelOffsetOf(
  events: PreparedEvents,
  row: number,
  cx: number,
  cy: number,
  pixelsPerUnit: number,
  size: MarkerSize,
  out: Float64Array,
): Float64Array {
  const { world, offsets } = events;
  out[0] = (world[2 * row] - cx) * pixelsPerUnit + offsets[2 * row] * size.offsetScale;
  out[1] = (cy - world[2 * row + 1]) * pixelsPerUnit + offsets[2 * row + 1] * size.offsetScale;
  return out;
}

const scratch = new Float64Array(2);
const cursor = new Float64Array(2);

/**
 * The shown event under a cursor at `lon`, `lat` (the map's unproject of the pointer) on a map at `zoom`: the row whose
 * disc (plus PICK_DEFAULTS.slackPixels) holds the cursor and whose centre is nearest, or -1. On a tie the one drawn
 * last wins (later rows, then the lanes, are drawn on top).
 */
export function pickEventAt(
  events: PreparedEvents,
  lon: number,
  lat: number,
  zoom: number,
  filter: ShownFilter,
  size: MarkerSize,
  slackPixels = PICK_DEFAULTS.slackPixels,
): number {
  const [cx, cy] = worldOf(lon, lat, cursor);
  const pixelsPerUnit = 2 ** zoom;
  let best = -1;
  let bestD2 = Infinity;
  forEachShown(events, filter, (row) => {
    const [dx, dy] = pixelOffsetOf(events, row, cx, cy, pixelsPerUnit, size, scratch);
    const d2 = dx * dx + dy * dy;
    const reach = radiusOf(events, row, size) + slackPixels;
    if (d2 <= reach * reach && d2 <= bestD2) {
      bestD2 = d2;
      best = row;
    }
  });
  return best;
}
