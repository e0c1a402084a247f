// The strip above the axis: on its category's lane, a bar wherever events are going on (a one-day event a tick, a
// month- or year-precision one its month or year), more opaque where more are, drawn from day bins on a canvas so a
// redraw costs pixel columns, not events. Unsplit, every category shares one full-height lane. Categories switched
// off are drawn faint; search misses are left out, so the strip shows when the matches happened.
import type { ScaleTime } from 'd3';
import { CATEGORIES, type Category } from '../../model/terms.ts';
import { cssColor } from '../categories.ts';
import { categoryCounts, type EventsTable } from '../state/events-table.ts';
import { binColumns, columnAlpha, type DayBins } from './day-bins.ts';
import { xOfDay } from './scale.ts';

export const STRIP_DEFAULTS = {
  laneHeightPx: 6,
  laneGapPx: 1,
  /** Narrowest mark drawn, so a one-day event on a ten-year axis is still visible. */
  minWidthPx: 2,
  /** Opacity of a category switched off in the legend. */
  hiddenAlpha: 0.15,
};

export interface StripFilter {
  /** One lane per category, or all in one. */
  split: boolean;
  hiddenCategories: readonly string[];
}

/** Lane of each category: only the categories present get one, in the legend's order. */
export function stripLanes(table: EventsTable): Map<Category, number> {
  const counts = categoryCounts(table);
  const lanes = new Map<Category, number>();
  CATEGORIES.forEach((c, k) => { if (counts[k] > 0) lanes.set(c, lanes.size); });
  return lanes;
}

export function stripHeight(laneCount: number, opts = STRIP_DEFAULTS): number {
  return Math.max(3, laneCount) * (opts.laneHeightPx + opts.laneGapPx);
}

/** Sizes the canvas for the lanes and clears it; null without a 2D context. */
function prepare(canvas: HTMLCanvasElement, lanes: ReadonlyMap<Category, number>, opts: typeof STRIP_DEFAULTS) {
  const ratio = window.devicePixelRatio || 1;
  const width = canvas.clientWidth;
  const height = stripHeight(lanes.size, opts);
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  // A canvas drawn on the CPU: an accelerated one is rasterised by the GPU process, which in software rendering is
  // the queue the map and the markers wait on while the app opens (0.7 s of its CPU time at 10,000 events).
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return null;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  return { ctx, width, height };
}

/**
 * The strip from its day bins (search misses already left out of them): one bar a pixel column, more opaque where
 * more events were going on; a month- or year-precision event is a bar over its month or year.
 */
export function drawStrip(canvas: HTMLCanvasElement, bins: DayBins, lanes: ReadonlyMap<Category, number>,
  scale: ScaleTime<number, number>, opts = STRIP_DEFAULTS, filter?: StripFilter): void {
  const prepared = prepare(canvas, lanes, opts);
  if (!prepared) return;
  const { ctx, width, height } = prepared;
  const columns = binColumns(bins, (day) => xOfDay(scale, day), width);
  const lane = opts.laneHeightPx + opts.laneGapPx;
  const split = filter?.split ?? true;
  const markHeight = split ? opts.laneHeightPx : height - opts.laneGapPx;
  for (const [category, laneIndex] of lanes) {
    const k = CATEGORIES.indexOf(category);
    const y = split ? laneIndex * lane : 0;
    const dim = filter?.hiddenCategories.includes(category) ? opts.hiddenAlpha : 1;
    ctx.fillStyle = cssColor(category);
    for (let c = 0; c < columns.width; c++) {
      const count = columns.sums[k * columns.width + c];
      if (!count) continue;
      ctx.globalAlpha = dim * columnAlpha(count, columns.max);
      ctx.fillRect(c, y, 1, markHeight);
    }
  }
  ctx.globalAlpha = 1;
}
