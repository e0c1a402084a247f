// What the map draws besides its markers, as legend entries: one home for the on-screen legend (legend.ts) and the
// PNG export's (export/overlay-draw.ts), so a printed map's legend lists the same posture layers the app draws.
import { CATEGORIES, type Category } from '../model/terms.ts';
import { CATEGORY_LABELS, cssColor } from './categories.ts';
import { categoryCounts, categoryOf, type EventsTable } from './state/events-table.ts';
import { contributorsOf, type PostureTable } from '../model/posture-table.ts';
import { stateStyle } from './posture/states.ts';
import { PULSE_DEFAULTS } from './posture/pulse.ts';
import { basemapPalette } from './basemap-style.ts';
import { FLAG_AREA_PLACE } from '../model/columnar.ts';

const STYLE_TEXT = { fill: 'host country', outline: 'area', symbol: 'site' };

export interface LegendEntry {
  /**
   * fill: a tinted country; outline: a dashed area; square: a site; arc: a line from a capital; ring: a pulse;
   * uncertain: a marker whose date is known only to its month or year (a ring around a pale inside);
   * area: a marker whose place is a whole country or region (a dashed ring).
   */
  kind: 'fill' | 'outline' | 'square' | 'arc' | 'ring' | 'uncertain' | 'area';
  color: string;
  text: string;
}

export const LEGEND_TEXT = {
  arcs: 'Country sending forces (line from its capital)', pulse: 'Recent incident', nato: 'NATO member',
  uncertain: 'Day not known: month or year only (a band on the timeline)',
  area: 'Somewhere in a country or region: exact place not stated',
};

/** Whether any event is placed only by its country or region (FLAG_AREA_PLACE). */
function hasAreaPlaces(table: EventsTable): boolean {
  const { flags } = table.columns;
  for (let i = 0; i < table.length; i++) if (flags[i] & FLAG_AREA_PLACE) return true;
  return false;
}

/** Whether any event's date is known only to its month or year (precision column: 0 day, 1 month, 2 year). */
function hasUncertainDates(table: EventsTable): boolean {
  const { precision } = table.columns;
  for (let i = 0; i < table.length; i++) if (precision[i] !== 0) return true;
  return false;
}

/** Whether any event has a contributor, so the map draws arcs. */
function hasContributors(table: EventsTable, posture: PostureTable): boolean {
  for (let k = 0; k < posture.rows.length; k++) {
    const actors = posture.actors.subarray(posture.actorOffsets[k], posture.actorOffsets[k + 1]);
    const hosts = posture.hosts.subarray(posture.hostOffsets[k], posture.hostOffsets[k + 1]);
    if (contributorsOf(categoryOf(table, posture.rows[k]), actors, hosts, posture.hostile).length) return true;
  }
  return false;
}

/**
 * What this dataset's map draws besides plain markers: uncertain-date and area markers, the posture layers (states by style,
 * arcs, pulses), then the NATO tint of the basemap.
 */
export function postureLegendEntries(table: EventsTable, posture: PostureTable): LegendEntry[] {
  const counts = categoryCounts(table);
  const used = new Set<Category>(CATEGORIES.filter((_, k) => counts[k] > 0));
  const persisting = new Set<Category>();
  for (let i = 0; i < table.length; i++) if (table.persistsUntil[i] !== -Infinity) persisting.add(categoryOf(table, i));
  const out: LegendEntry[] = [];
  if (hasUncertainDates(table)) out.push({ kind: 'uncertain', color: '#6b7380', text: LEGEND_TEXT.uncertain });
  if (hasAreaPlaces(table)) out.push({ kind: 'area', color: '#6b7380', text: LEGEND_TEXT.area });
  for (const c of CATEGORIES) {
    if (!persisting.has(c)) continue;
    const style = stateStyle(c);
    out.push({ kind: style === 'symbol' ? 'square' : style, color: cssColor(c), text: `${CATEGORY_LABELS[c]} ${STYLE_TEXT[style]}` });
  }
  if (hasContributors(table, posture)) out.push({ kind: 'arc', color: 'rgb(86 180 233)', text: LEGEND_TEXT.arcs });
  if (PULSE_DEFAULTS.categories.some((c) => used.has(c))) out.push({ kind: 'ring', color: '#d55e00', text: LEGEND_TEXT.pulse });
  out.push({ kind: 'fill', color: basemapPalette().nato, text: LEGEND_TEXT.nato });
  return out;
}
