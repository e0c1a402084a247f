// Events turned into columns once at load, sorted by start, so a scrub frame is a binary search and no allocation.
//
//   index i (sorted by start, then id)
//   start[i], end[i]   Int32Array  day numbers (inclusive)
//   freshUntil[i]      Float64Array  last day drawn at full strength (see visible.ts), Infinity while it persists
//   features[i]        the Feature itself, for the panel and the list
import type { EventFeature } from '../../model/index.ts';
import { dayOf } from '../time/day.ts';

export interface EventsTable {
  readonly length: number;
  readonly features: readonly EventFeature[];
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** Persisting items: day of `until`, or +Infinity while they hold; others: -Infinity (their window applies). */
  readonly persistsUntil: Float64Array;
  readonly indexById: ReadonlyMap<string, number>;
}

export function buildEventsTable(features: readonly EventFeature[]): EventsTable {
  const sorted = [...features].sort((a, b) => (a.properties.start < b.properties.start ? -1
    : a.properties.start > b.properties.start ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const n = sorted.length;
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  const persistsUntil = new Float64Array(n);
  const indexById = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const p = sorted[i].properties;
    start[i] = dayOf(p.start);
    end[i] = dayOf(p.end);
    persistsUntil[i] = !p.persists ? -Infinity : p.until === null ? Infinity : dayOf(p.until);
    indexById.set(sorted[i].id, i);
  }
  return { length: n, features: sorted, start, end, persistsUntil, indexById };
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
