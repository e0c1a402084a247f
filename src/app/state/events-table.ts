// The events as the views read them: columns sorted by start (then id), so a scrub frame is a binary search and no
// allocation, backed by the columnar form at every size (columnar-table.ts), never by an array of features.
//
//   index i (sorted by start, then id: the rows of events.bin)
//   start[i], end[i]   Int32Array    day numbers (inclusive)
//   persistsUntil[i]   Float32Array  see below
//   category[i]        Uint8Array    index into CATEGORIES
//   feature(i)         a light feature, for the list, the tooltip and the panel's first look
import { CATEGORIES, type Category } from '../../model/terms.ts';
import type { EventFeature } from '../../model/index.ts';
import type { ColumnarEvents } from '../../model/columnar.ts';

export interface EventsTable {
  readonly length: number;
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** Persisting items: day of `until`, or +Infinity while they hold; others: -Infinity (their window applies). */
  readonly persistsUntil: Float32Array;
  /** Index into CATEGORIES. */
  readonly category: Uint8Array;
  /** The columnar form behind the table: titles, places, positions, precision, as the file has them. */
  readonly columns: ColumnarEvents;
  /**
   * Event i as a light feature built from the columns (title, dates, category, place name, position; no sources,
   * actors or confidence, see `isLightFeature`); the panel fetches the full one from the dataset's details.
   */
  feature(i: number): EventFeature;
  /** Row of an event id, or undefined when the data has no such event. */
  rowOf(id: string): number | undefined;
}

/** A feature built from columns: it carries no sources (the contract requires at least one, so a full one never does). */
export const isLightFeature = (f: EventFeature) => f.properties.sources.length === 0;

export const categoryOf = (table: EventsTable, i: number): Category => CATEGORIES[table.category[i]];

/** Counts of each category (CATEGORIES order), one pass over the category column. */
export function categoryCounts(table: EventsTable): Int32Array {
  const counts = new Int32Array(CATEGORIES.length);
  for (let i = 0; i < table.length; i++) counts[table.category[i]]++;
  return counts;
}

/** The first and last day the data covers (start of the earliest, end or until of the latest), or null when empty. */
export function dataExtent(table: EventsTable): [number, number] | null {
  if (table.length === 0) return null;
  let max = -Infinity;
  for (let i = 0; i < table.length; i++) {
    max = Math.max(max, table.end[i]);
    if (Number.isFinite(table.persistsUntil[i])) max = Math.max(max, table.persistsUntil[i]);
  }
  return [table.start[0], max];
}

export const PLACE_EXTENT_DEFAULTS = {
  /** With this many events or more, the extent leaves out the farthest 2% on each side (a stray namesake abroad). */
  trimFrom: 20,
  trimShare: 0.02,
  /** Positions looked at, at most: evenly spaced rows of a larger table. */
  sample: 20_000,
  /** Smallest width and height in degrees: one town's events open on its region, not on a street. */
  minSpanDeg: 4,
};

/** Where the events are, [[west, south], [east, north]] in degrees, for the map's opening view; null when empty. */
export function placeExtent(table: EventsTable, opts = PLACE_EXTENT_DEFAULTS): [[number, number], [number, number]] | null {
  const n = table.length;
  if (n === 0) return null;
  const step = Math.max(1, Math.ceil(n / opts.sample));
  const count = Math.ceil(n / step);
  const lons = new Float64Array(count);
  const lats = new Float64Array(count);
  const position = table.columns.position;
  for (let k = 0, i = 0; i < n; i += step, k++) {
    lons[k] = position[2 * i];
    lats[k] = position[2 * i + 1];
  }
  lons.sort();
  lats.sort();
  const cut = count >= opts.trimFrom ? Math.floor(count * opts.trimShare) : 0;
  const span = (sorted: Float64Array, min: number, max: number): [number, number] => {
    let lo = sorted[cut];
    let hi = sorted[count - 1 - cut];
    if (hi - lo < opts.minSpanDeg) {
      const mid = (lo + hi) / 2;
      lo = mid - opts.minSpanDeg / 2;
      hi = mid + opts.minSpanDeg / 2;
    }
    return [Math.max(min, lo), Math.min(max, hi)];
  };
  const [west, east] = span(lons, -180, 180);
  const [south, north] = span(lats, -80, 85);
  return [[west, south], [east, north]];
}

