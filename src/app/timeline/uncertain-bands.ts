// Dates known only to their month or year, on the timeline strip: a band across the interval the event may lie in,
// translucent by where the cursor sits in it (as OpenHistoricalMap draws uncertain dates): faint before the interval,
// stronger as the cursor goes through it, full once it is past. Events share their interval (a calendar month or year)
// with many others, so the bands are grouped by (category, start, end): a redraw costs the distinct intervals in
// view, a few hundred for a decade, however many events there are.
import type { ScaleTime } from 'd3';
import { CATEGORIES, type Category } from '../../model/terms.ts';
import { cssColor } from '../categories.ts';
import type { EventsTable } from '../state/events-table.ts';
import { xOfDay } from './scale.ts';
import { STRIP_DEFAULTS, type StripFilter } from './strip.ts';

export const UNCERTAIN_BANDS_DEFAULTS = {
  /** Opacity of a band with the cursor before its interval, and once past it. */
  minAlpha: 0.12,
  maxAlpha: 0.55,
};

/** The distinct uncertain intervals, by category: events[k] events of category[k] lie somewhere in [start[k], end[k]]. */
export interface UncertainBands {
  readonly count: number;
  readonly category: Uint8Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly events: Int32Array;
}

/** Groups the month- and year-precision rows (precision column != 0) by interval; with `matches`, only rows where it is 1. */
export function uncertainBands(table: EventsTable, matches?: Uint8Array | null): UncertainBands {
  const { precision } = table.columns;
  const index = new Map<string, number>();
  const category: number[] = [];
  const start: number[] = [];
  const end: number[] = [];
  const events: number[] = [];
  for (let i = 0; i < table.length; i++) {
    if (precision[i] === 0 || (matches && matches[i] !== 1)) continue;
    const key = `${table.category[i]}:${table.start[i]}:${table.end[i]}`;
    const k = index.get(key);
    if (k !== undefined) {
      events[k]++;
      continue;
    }
    index.set(key, category.length);
    category.push(table.category[i]);
    start.push(table.start[i]);
    end.push(table.end[i]);
    events.push(1);
  }
  return { count: category.length, category: Uint8Array.from(category), start: Int32Array.from(start),
    end: Int32Array.from(end), events: Int32Array.from(events) };
}

/** How far the cursor `t` is through the interval [start, end] (whole days, inclusive): 0 before it, 1 on its last day. */
export function progressThrough(t: number, start: number, end: number): number {
  return Math.min(1, Math.max(0, (t - start + 1) / (end - start + 1)));
}

/** A band's opacity with the cursor at `t`. */
export function bandAlpha(t: number, start: number, end: number, opts = UNCERTAIN_BANDS_DEFAULTS): number {
  return opts.minAlpha + (opts.maxAlpha - opts.minAlpha) * progressThrough(t, start, end);
}

/**
 * The bands' dashed edges, drawn once for a view and copied over the fills on every step: unlike the fills, they do
 * not depend on the cursor, and dashing a few hundred rectangles cost more than the rest of the step's page work
 * (issue 16: 880 bands at 100,000 synthetic events). Kept per canvas, redrawn when the view or the bands change.
 */
const edgesOf = new WeakMap<HTMLCanvasElement, { key: string; bands: UncertainBands; lanes: ReadonlyMap<Category, number>; canvas: HTMLCanvasElement }>();

function edges(canvas: HTMLCanvasElement, bands: UncertainBands, lanes: ReadonlyMap<Category, number>, scale: ScaleTime<number, number>,
  height: number, ratio: number, filter: StripFilter | undefined, opts: typeof STRIP_DEFAULTS, alphas: typeof UNCERTAIN_BANDS_DEFAULTS): HTMLCanvasElement {
  const width = canvas.clientWidth;
  const split = filter?.split ?? true;
  const hidden = filter?.hiddenCategories ?? [];
  const key = `${canvas.width}x${canvas.height}@${ratio} ${scale.domain().map(Number).join()} ${scale.range().join()} ${split} ${hidden.join()} ${alphas.maxAlpha}`;
  const cached = edgesOf.get(canvas);
  if (cached && cached.key === key && cached.bands === bands && cached.lanes === lanes) return cached.canvas;
  const out = cached?.canvas ?? document.createElement('canvas');
  out.width = canvas.width;
  out.height = canvas.height;
  const ctx = out.getContext('2d', { willReadFrequently: true })!;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  const lane = opts.laneHeightPx + opts.laneGapPx;
  const markHeight = split ? opts.laneHeightPx : height - opts.laneGapPx;
  ctx.lineWidth = 1;
  ctx.setLineDash([2, 2]);
  forEachBand(bands, lanes, scale, width, split, lane, opts.minWidthPx, (_k, x0, x1, y, category) => {
    // A dashed edge: an interval, not a solid run of days.
    ctx.strokeStyle = cssColor(category);
    ctx.globalAlpha = (hidden.includes(category) ? opts.hiddenAlpha : 1) * alphas.maxAlpha;
    ctx.strokeRect(x0 + 0.5, y + 0.5, Math.max(1, x1 - x0 - 1), Math.max(1, markHeight - 1));
  });
  edgesOf.set(canvas, { key, bands, lanes, canvas: out });
  return out;
}

/** Calls `f` with each band in view that has a lane: its index, its left and right x, its lane's y and its category. */
function forEachBand(bands: UncertainBands, lanes: ReadonlyMap<Category, number>, scale: ScaleTime<number, number>, width: number,
  split: boolean, lane: number, minWidthPx: number, f: (k: number, x0: number, x1: number, y: number, category: Category) => void): void {
  for (let k = 0; k < bands.count; k++) {
    const x0 = xOfDay(scale, bands.start[k]);
    const x1 = Math.max(x0 + minWidthPx, xOfDay(scale, bands.end[k] + 1));
    if (x1 < 0 || x0 > width) continue;
    const category = CATEGORIES[bands.category[k]];
    const laneIndex = lanes.get(category);
    if (laneIndex === undefined) continue;
    f(k, x0, x1, split ? laneIndex * lane : 0, category);
  }
}

/** Draws the bands on their own canvas over the strip (so a move of the cursor redraws them alone). */
export function drawUncertainBands(canvas: HTMLCanvasElement, bands: UncertainBands, lanes: ReadonlyMap<Category, number>,
  scale: ScaleTime<number, number>, t: number, height: number, filter?: StripFilter, opts = STRIP_DEFAULTS,
  alphas = UNCERTAIN_BANDS_DEFAULTS): void {
  const ratio = window.devicePixelRatio || 1;
  const width = canvas.clientWidth;
  // Resized only when the size changed: this runs on every step of the cursor, and a resize reallocates the canvas.
  if (canvas.width !== Math.round(width * ratio)) canvas.width = Math.round(width * ratio);
  if (canvas.height !== Math.round(height * ratio)) canvas.height = Math.round(height * ratio);
  // A canvas kept in main memory: drawn on every step of the cursor, a GPU-backed one cost 1.5 s a step at 30,000 events
  // where WebGL is software (the dashed edges of some hundred bands), against 60 ms with the bands hidden.
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  const lane = opts.laneHeightPx + opts.laneGapPx;
  const split = filter?.split ?? true;
  const markHeight = split ? opts.laneHeightPx : height - opts.laneGapPx;
  // The fill style is set only when the category changes: the canvas parses it again on every assignment.
  let style: Category | null = null;
  forEachBand(bands, lanes, scale, width, split, lane, opts.minWidthPx, (k, x0, x1, y, category) => {
    if (category !== style) ctx.fillStyle = cssColor((style = category));
    ctx.globalAlpha = (filter?.hiddenCategories.includes(category) ? opts.hiddenAlpha : 1) * bandAlpha(t, bands.start[k], bands.end[k], alphas);
    ctx.fillRect(x0, y, x1 - x0, markHeight);
  });
  // The edges over every fill, in device pixels as drawn; a strip with no size yet (a hidden timeline, an embed
  // without its scrubber) has none, and drawing a canvas of no size throws
  ctx.globalAlpha = 1;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  if (canvas.width > 0 && canvas.height > 0) ctx.drawImage(edges(canvas, bands, lanes, scale, height, ratio, filter, opts, alphas), 0, 0);
}
