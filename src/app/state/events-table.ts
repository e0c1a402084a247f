// Events turned into columns once at load, sorted by start, so a scrub frame is a binary search and no allocation.
// The views read only this interface, never a materialised array of features, so a large dataset can back it with
// the columnar file (large/columnar-table.ts) instead of a million objects.
//
//   index i (sorted by start, then id)
//   start[i], end[i]   Int32Array    day numbers (inclusive)
//   persistsUntil[i]   Float64Array  see below
//   category[i]        Uint8Array    index into CATEGORIES
//   feature(i)         the Feature, for the panel, the list and the tooltip
import { CATEGORIES, type Category, type EventFeature } from '../../model/index.ts';
import { dayOf } from '../time/day.ts';

export interface EventsTable {
  readonly length: number;
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** Persisting items: day of `until`, or +Infinity while they hold; others: -Infinity (their window applies). */
  readonly persistsUntil: Float64Array;
  /** Index into CATEGORIES. */
  readonly category: Uint8Array;
  /**
   * 'small': every feature is in memory. 'large': features are built from columns on demand and are light (no
   * sources, a place with its name only, see `isLightFeature`); the panel fetches the full one.
   */
  readonly mode: 'small' | 'large';
  /** Event i as a feature (light in large mode). */
  feature(i: number): EventFeature;
  /** Row of an event id, or undefined when the data has no such event. */
  rowOf(id: string): number | undefined;
}

/** A feature built from columns: it carries no sources (the contract requires at least one, so a full one never does). */
export const isLightFeature = (f: EventFeature) => f.properties.sources.length === 0;

export const categoryOf = (table: EventsTable, i: number): Category => CATEGORIES[table.category[i]];

export function buildEventsTable(features: readonly EventFeature[]): EventsTable {
  const sorted = [...features].sort((a, b) => (a.properties.start < b.properties.start ? -1
    : a.properties.start > b.properties.start ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const n = sorted.length;
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  const persistsUntil = new Float64Array(n);
  const category = new Uint8Array(n);
  const indexById = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const p = sorted[i].properties;
    start[i] = dayOf(p.start);
    end[i] = dayOf(p.end);
    persistsUntil[i] = !p.persists ? -Infinity : p.until === null ? Infinity : dayOf(p.until);
    category[i] = CATEGORIES.indexOf(p.category);
    indexById.set(sorted[i].id, i);
  }
  return {
    length: n, start, end, persistsUntil, category, mode: 'small',
    feature: (i) => sorted[i],
    rowOf: (id) => indexById.get(id),
  };
}

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
