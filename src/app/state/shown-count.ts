// How many events the map shows at t, in either play mode, in a few binary searches. Cumulative: those started by t.
// Moving window (the last N days): those started by t whose last active day is at least t - N. An event that ended
// before t - N also started before it, so the count is the started ones minus those ended before the window, and
// the ended ones are a prefix of the last days sorted once (lazily: only a reader of the window mode pays for it).
import type { EventsTable } from './events-table.ts';
import { countStartedBy } from './visible.ts';
import { bisectLeft, } from 'd3-array';
import { windowFloor, type PlayMode } from '../posture/play-window.ts';

const sortedLastDays = new WeakMap<EventsTable, Float64Array>();

/** Every event's last active day (end, or until for a state, +Infinity while it holds), ascending. */
function lastDaysOf(table: EventsTable): Float64Array {
  let days = sortedLastDays.get(table);
  if (!days) {
    days = new Float64Array(table.length);
    for (let i = 0; i < table.length; i++) days[i] = table.persistsUntil[i] === -Infinity ? table.end[i] : table.persistsUntil[i];
    days.sort();
    sortedLastDays.set(table, days);
  }
  return days;
}

/** Events on the map at t: what `inPlayWindow` says for each, counted without a pass over them. */
export function countShownAt(table: EventsTable, t: number, mode: PlayMode, windowDays: number): number {
  const started = countStartedBy(table.start, t);
  if (mode !== 'window') return started;
  return started - bisectLeft(lastDaysOf(table), windowFloor(mode, t, windowDays));
}
