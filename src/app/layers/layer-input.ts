// The store's reader choices as the large mode's events layer and its picking take them.
import { CATEGORIES } from '../../model/index.ts';
import type { AppState } from '../state/store.ts';

/** The first day the map shows at t: everything started by t, or in window play mode the last N days. */
export function windowStartOf(s: Pick<AppState, 't' | 'playMode' | 'playWindowDays'>): number {
  return s.playMode === 'window' ? s.t - s.playWindowDays : -Infinity;
}

/** Bit k set when category k (CATEGORIES order) is shown: the legend's toggles. */
export function categoryMaskOf(hidden: readonly string[]): number {
  let mask = 0;
  CATEGORIES.forEach((c, k) => { if (!hidden.includes(c)) mask |= 1 << k; });
  return mask;
}
