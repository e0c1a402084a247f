// The timeline strip: event counts per (category, day), counted once per dataset (and once per search), then drawn
// as one bar per pixel column whose opacity grows with its count. A redraw (zoom, pan, resize) costs days ×
// categories, never the number of events.
import { CATEGORIES } from '../../model/terms.ts';
import type { EventsTable } from '../state/events-table.ts';

export interface DayBins {
  /** Day number of bin 0. */
  readonly firstDay: number;
  readonly days: number;
  /** counts[category * days + (day - firstDay)]: events of that category starting that day. */
  readonly counts: Int32Array;
}

/** Counts of events by category and start day; with `matches`, only rows where it is 1. */
export function binByDay(table: EventsTable, matches?: Uint8Array | null): DayBins {
  const n = table.length;
  const firstDay = n ? table.start[0] : 0;
  const days = n ? table.start[n - 1] - firstDay + 1 : 0;
  const counts = new Int32Array(CATEGORIES.length * days);
  for (let i = 0; i < n; i++) {
    if (matches && matches[i] !== 1) continue;
    counts[table.category[i] * days + table.start[i] - firstDay]++;
  }
  return { firstDay, days, counts };
}

/**
 * Counts of events by category and day over each event's whole span [start, end]: a month- or year-precision event
 * fills its month or year, as a bar. One pass over the rows with a difference array, then a running sum per category:
 * O(rows + days × categories) however long the spans. With `matches`, only rows where it is 1; with `daysOnly`, only
 * events known to the day (the strip draws the others as bands, uncertain-bands.ts).
 */
export function binSpans(table: EventsTable, matches?: Uint8Array | null, daysOnly = false): DayBins {
  const { precision } = table.columns;
  const n = table.length;
  let last = -Infinity;
  for (let i = 0; i < n; i++) last = Math.max(last, table.end[i]);
  const firstDay = n ? table.start[0] : 0;
  const days = n ? last - firstDay + 1 : 0;
  const counts = new Int32Array(CATEGORIES.length * days);
  const delta = new Int32Array(CATEGORIES.length * (days + 1));
  for (let i = 0; i < n; i++) {
    if ((matches && matches[i] !== 1) || (daysOnly && precision[i] !== 0)) continue;
    const base = table.category[i] * (days + 1);
    delta[base + table.start[i] - firstDay]++;
    delta[base + table.end[i] - firstDay + 1]--;
  }
  for (let k = 0; k < CATEGORIES.length; k++) {
    let running = 0;
    for (let d = 0; d < days; d++) {
      running += delta[k * (days + 1) + d];
      counts[k * days + d] = running;
    }
  }
  return { firstDay, days, counts };
}

export interface BinColumns {
  /** Pixel columns: column c covers x in [c, c + 1). */
  readonly width: number;
  /** sums[category * width + column]. */
  readonly sums: Float64Array;
  /** The largest sum of any category in any column (0 when nothing is in view). */
  readonly max: number;
}

/**
 * Sums the bins into pixel columns for an axis that puts day d's start at `xOfDay(d)`. A day wider than a pixel
 * fills every column it covers, so a zoomed-in strip shows days as bars, not slivers.
 */
export function binColumns(bins: DayBins, xOfDay: (day: number) => number, width: number): BinColumns {
  const w = Math.max(0, Math.ceil(width));
  const sums = new Float64Array(CATEGORIES.length * w);
  let max = 0;
  for (let d = 0; d < bins.days; d++) {
    const x0 = xOfDay(bins.firstDay + d);
    const x1 = xOfDay(bins.firstDay + d + 1);
    if (x1 < 0 || x0 >= w) continue;
    const c0 = Math.max(0, Math.floor(x0));
    const c1 = Math.min(w, Math.max(c0 + 1, Math.floor(x1)));
    for (let k = 0; k < CATEGORIES.length; k++) {
      const count = bins.counts[k * bins.days + d];
      if (!count) continue;
      for (let c = c0; c < c1; c++) {
        const s = (sums[k * w + c] += count);
        if (s > max) max = s;
      }
    }
  }
  return { width: w, sums, max };
}

/** Opacity of a column with `count` events when the fullest has `max`: faint but visible for one, full at the max. */
export function columnAlpha(count: number, max: number, floor = 0.3): number {
  return count <= 0 || max <= 0 ? 0 : floor + (1 - floor) * Math.sqrt(count / max);
}
