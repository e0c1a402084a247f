// The posture at day t in a few clickable lines, computed from the data alone:
//   "Deployments: 4 host countries · Mission: Eastern Sentry (5 contributors) · Incursions in the last 30 days: 2".
// Generic over categories: each persisting category is summarised by its mode, each incident category by a count.
import { bisectLeft } from 'd3-array';
import { CATEGORIES, PRECISIONS, type Category } from '../../model/terms.ts';
import { FLAG_PLANNED, stringAt } from '../../model/columnar.ts';
import type { PostureTable } from '../../model/posture-table.ts';
import { CATEGORY_LABELS } from '../categories.ts';
import { categoryOf, type EventsTable } from '../state/events-table.ts';
import { countStartedBy } from '../state/visible.ts';
import { hostsOf } from './states.ts';
import { PULSE_DEFAULTS } from './pulse.ts';
import { missionName } from './mission-name.ts';

/** hosts: "N host countries"; each: one line per item, named, with its contributors; places: "N (place, place)". */
export type SummaryMode = 'hosts' | 'each' | 'places';

export const SUMMARY_DEFAULTS = {
  modes: { deployment: 'hosts', mission: 'each', headquarters: 'places' } as Partial<Record<Category, SummaryMode>>,
  /** Mode of any other persisting category. */
  fallbackMode: 'hosts' as SummaryMode,
  /** Above this many items held, an 'each' category is one line with their number, not a line each. */
  maxEach: 3,
  /** Categories counted as recent incidents. */
  incidentCategories: PULSE_DEFAULTS.categories,
  /** Plural labels; a category missing here gets its legend label with an "s". */
  plurals: { incursion: 'Incursions', incident: 'Incidents', strike: 'Strikes', advance: 'Advances', deployment: 'Deployments',
    mission: 'Missions', headquarters: 'Headquarters' } as Partial<Record<Category, string>>,
};

export interface SummaryItem {
  category: Category;
  /** The line as shown, e.g. "Deployments: 4 host countries". */
  text: string;
  /** The table rows it stands for, in start order (click selects one, frames several). */
  rows: number[];
  /** The number the line states (host countries, contributors, places or incidents). */
  count: number;
  /** A line of recent incidents (not of items held). */
  recent?: true;
}

const plural = (c: Category, opts: typeof SUMMARY_DEFAULTS) => opts.plurals[c] ?? `${CATEGORY_LABELS[c]}s`;
/** "Deployments", "Headquarters": a category's plural as the summary says it. */
export const pluralOf = (c: Category, opts = SUMMARY_DEFAULTS) => plural(c, opts);
const few = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Longest end - start of a non-persisting event of each table: how far back a recent incident may have started. */
const spans = new WeakMap<EventsTable, number>();
function longestSpan(table: EventsTable): number {
  let span = spans.get(table);
  if (span === undefined) {
    span = 0;
    for (let i = 0; i < table.length; i++) if (table.persistsUntil[i] === -Infinity) span = Math.max(span, table.end[i] - table.start[i]);
    spans.set(table, span);
  }
  return span;
}

/**
 * Persisting items in place at t and incidents active in the last `recentDays` days, summarised per category. Reads
 * the posture table (the states) and the rows of the last `recentDays` plus the longest event: never all of them.
 */
export function postureSummary(table: EventsTable, posture: PostureTable, t: number, recentDays: number, opts = SUMMARY_DEFAULTS): SummaryItem[] {
  const { columns } = table;
  const held = new Map<Category, number[]>();
  for (let k = 0; k < posture.rows.length; k++) {
    const row = posture.rows[k];
    if (table.start[row] > t) break;
    if (table.persistsUntil[row] === -Infinity || t > table.persistsUntil[row]) continue;
    const c = categoryOf(table, row);
    (held.get(c) ?? held.set(c, []).get(c)!).push(k);
  }
  const items: SummaryItem[] = [];
  for (const category of CATEGORIES) {
    const states = held.get(category);
    if (!states) continue;
    const rows = states.map((k) => posture.rows[k]);
    const mode = opts.modes[category] ?? opts.fallbackMode;
    if (mode === 'hosts') {
      const hosts = new Set(states.flatMap((k) => hostsOf(posture, k)));
      items.push({ category, rows, count: hosts.size, text: `${plural(category, opts)}: ${few(hosts.size, 'host country', 'host countries')}` });
    } else if (mode === 'places' || states.length > opts.maxEach) {
      const places = [...new Set(rows.map((row) => stringAt(columns, columns.place[row])))];
      const where = places.length > opts.maxEach ? `${few(places.length, 'place', 'places')}` : places.join(', ');
      items.push({ category, rows, count: rows.length, text: `${plural(category, opts)}: ${rows.length} (${where})` });
    } else {
      for (const k of states) {
        const row = posture.rows[k];
        const contributors = posture.actorOffsets[k + 1] - posture.actorOffsets[k];
        // Its name when the title gives one, else its type in words and where ("Mission in Wiesbaden").
        const name = missionName(stringAt(columns, columns.title[row]));
        const what = name ? `${CATEGORY_LABELS[category]}: ${name}` : `${CATEGORY_LABELS[category]} in ${stringAt(columns, columns.place[row])}`;
        items.push({ category, rows: [row], count: contributors,
          text: `${what}${contributors ? ` (${few(contributors, 'contributor', 'contributors')})` : ''}` });
      }
    }
  }
  const DAY_PRECISION = PRECISIONS.indexOf('day');
  const incident = new Uint8Array(CATEGORIES.length);
  for (const c of opts.incidentCategories) incident[CATEGORIES.indexOf(c)] = 1;
  const recent = new Map<Category, number[]>();
  const started = countStartedBy(table.start, t);
  for (let i = bisectLeft(table.start, t - recentDays - longestSpan(table)); i < started; i++) {
    if (!incident[table.category[i]] || table.persistsUntil[i] !== -Infinity || table.end[i] < t - recentDays) continue;
    // Known only to its month or year, an incident may not have happened yet until its interval is over.
    if (table.columns.precision[i] !== DAY_PRECISION && t < table.end[i]) continue;
    if (table.columns.flags[i] & FLAG_PLANNED) continue;
    const c = categoryOf(table, i);
    (recent.get(c) ?? recent.set(c, []).get(c)!).push(i);
  }
  for (const category of opts.incidentCategories) {
    const rows = recent.get(category);
    if (!rows) continue;
    items.push({ category, rows, count: rows.length, recent: true, text: `${plural(category, opts)} in the last ${recentDays} days: ${rows.length}` });
  }
  return items;
}
