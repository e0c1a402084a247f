// Persisting items as intervals on the map: which host country shows which kind of state at day t.
// Built once per dataset from the posture table (model/posture-table.ts); a scrub fills a preallocated strength
// array and allocates nothing.
//
//   slot s          one (host country, category) pair, e.g. (LV, deployment)
//   slotCode[s]     alpha-2 of the host, slotCategory[s] the category
//   stateSlots[k]   slots of persisting item k (its place's countries, countriesOf)
import type { Category } from '../../model/index.ts';
import { alpha2OfCode, type PostureTable } from '../../model/posture-table.ts';
import { categoryOf, type EventsTable } from '../state/events-table.ts';

/** How each persisting category is drawn: a tint on its host countries, a dashed outline, or a fixed symbol. */
export type StateStyle = 'fill' | 'outline' | 'symbol';

export const STATE_STYLES_DEFAULTS: Partial<Record<Category, StateStyle>> & { fallback: StateStyle } = {
  deployment: 'fill',
  mission: 'outline',
  headquarters: 'symbol',
  /** Any other category that persists (an aid hub, a base) tints its hosts like a deployment. */
  fallback: 'fill',
};

export function stateStyle(category: Category, styles = STATE_STYLES_DEFAULTS): StateStyle {
  return styles[category] ?? styles.fallback;
}

/** The host countries (alpha-2) of posture row k. */
export function hostsOf(posture: PostureTable, k: number): string[] {
  const out: string[] = [];
  for (let j = posture.hostOffsets[k]; j < posture.hostOffsets[k + 1]; j++) out.push(alpha2OfCode(posture.hosts[j]));
  return out;
}

export interface StateIntervals {
  /** Table rows of persisting items. */
  readonly index: Int32Array;
  /** First and last day each holds (last = +Infinity while it holds). */
  readonly start: Int32Array;
  readonly until: Float64Array;
  readonly slotCode: readonly string[];
  readonly slotCategory: readonly Category[];
  /** Slots of state k are stateSlots[slotOffset[k] .. slotOffset[k + 1]). */
  readonly slotOffset: Int32Array;
  readonly stateSlots: Int32Array;
}

/** Persisting items with a tinted style (fill or outline), with their host slots. */
export function stateIntervals(table: EventsTable, posture: PostureTable, styles = STATE_STYLES_DEFAULTS): StateIntervals {
  const index: number[] = [];
  const slots: number[] = [];
  const offsets: number[] = [0];
  const slotOf = new Map<string, number>();
  const slotCode: string[] = [];
  const slotCategory: Category[] = [];
  for (let k = 0; k < posture.rows.length; k++) {
    const row = posture.rows[k];
    const category = categoryOf(table, row);
    if (table.persistsUntil[row] === -Infinity || stateStyle(category, styles) === 'symbol') continue;
    const codes = hostsOf(posture, k);
    if (!codes.length) continue;
    index.push(row);
    for (const code of codes) {
      const key = `${code}|${category}`;
      let s = slotOf.get(key);
      if (s === undefined) {
        s = slotCode.length;
        slotOf.set(key, s);
        slotCode.push(code);
        slotCategory.push(category);
      }
      slots.push(s);
    }
    offsets.push(slots.length);
  }
  return {
    index: Int32Array.from(index),
    start: Int32Array.from(index, (i) => table.start[i]),
    until: Float64Array.from(index, (i) => table.persistsUntil[i]),
    slotCode, slotCategory,
    slotOffset: Int32Array.from(offsets),
    stateSlots: Int32Array.from(slots),
  };
}

/** Whether a state that holds from `start` to `until` (inclusive) is in place at day t. */
export function isHeldAt(start: number, until: number, t: number): boolean {
  return start <= t && t <= until;
}

/** Fills out[s] with 1 where slot s has a state in place at t, else 0; returns how many slots are on. */
export function slotsHeldAt(states: StateIntervals, t: number, out: Float32Array): number {
  out.fill(0);
  let on = 0;
  for (let k = 0; k < states.index.length; k++) {
    if (!isHeldAt(states.start[k], states.until[k], t)) continue;
    for (let j = states.slotOffset[k]; j < states.slotOffset[k + 1]; j++) {
      if (out[states.stateSlots[j]] === 0) on++;
      out[states.stateSlots[j]] = 1;
    }
  }
  return on;
}
