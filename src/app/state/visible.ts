// The time-window semantics, pure and allocation-free so they hold at a million events:
//   at time t an event is shown when start <= t;
//   it is fresh (full strength) while t <= end + windowDays, or, for a persisting state, while t <= until
//   (forever when until is null); shown but not fresh means faded.
import type { EventsTable } from './events-table.ts';
import { bisectRight } from 'd3-array';

/** How many events have started by day t: the length of the shown prefix of the start-sorted table. */
export function countStartedBy(start: Int32Array, t: number): number {
  return bisectRight(start, t);
}

/** The last day event i is drawn at full strength. */
export function freshUntil(table: EventsTable, i: number, windowDays: number): number {
  const persists = table.persistsUntil[i];
  return persists === -Infinity ? table.end[i] + windowDays : persists;
}

export type Strength = 'hidden' | 'faded' | 'full';

export function strengthAt(table: EventsTable, i: number, t: number, windowDays: number): Strength {
  if (table.start[i] > t) return 'hidden';
  return t <= freshUntil(table, i, windowDays) ? 'full' : 'faded';
}
