// The posture at day t in a few clickable lines, computed from the data alone:
//   "Deployments: 4 host countries · Mission: Eastern Sentry (5 contributors) · Incursions in the last 30 days: 2".
// Generic over categories: each persisting category is summarised by its mode, each incident category by a count.
import { CATEGORIES, type Category, type EventFeature } from '../../model/index.ts';
import { CATEGORY_LABELS } from '../categories.ts';
import type { EventsTable } from '../state/events-table.ts';
import { countStartedBy } from '../state/visible.ts';
import { hostCodes } from './states.ts';
import { PULSE_DEFAULTS } from './pulse.ts';

/** hosts: "N host countries"; each: one line per item, named, with its contributors; places: "N (place, place)". */
export type SummaryMode = 'hosts' | 'each' | 'places';

export const SUMMARY_DEFAULTS = {
  modes: { deployment: 'hosts', mission: 'each', headquarters: 'places' } as Partial<Record<Category, SummaryMode>>,
  /** Mode of any other persisting category. */
  fallbackMode: 'hosts' as SummaryMode,
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
  /** The events it stands for (click selects one, frames several). */
  ids: string[];
  /** The number the line states (host countries, contributors, places or incidents). */
  count: number;
}

const plural = (c: Category, opts: typeof SUMMARY_DEFAULTS) => opts.plurals[c] ?? `${CATEGORY_LABELS[c]}s`;
const few = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * A mission's name from its title: the words before "mission" ("Eastern Sentry mission launched over Poland") or
 * after a launching verb ("NATO launches Eastern Sentry"), else the whole title.
 */
export function missionName(title: string): string {
  const before = /^(.+?)\s+(?:mission|operation)\b/i.exec(title);
  if (before && !/\b(?:launch|start|begin|open)/i.test(before[1])) return before[1];
  const after = /\b(?:launch(?:es|ed)?|start(?:s|ed)?|begins?|began|opens?|opened)\s+(?:the\s+)?(.+?)(?:\s+(?:mission|operation)\b.*)?$/i.exec(title);
  return after ? after[1] : title;
}

/** Persisting items in place at t and incidents active in the last `recentDays` days, summarised per category. */
export function postureSummary(table: EventsTable, t: number, recentDays: number, opts = SUMMARY_DEFAULTS): SummaryItem[] {
  const started = countStartedBy(table.start, t);
  const held = new Map<Category, EventFeature[]>();
  const recent = new Map<Category, EventFeature[]>();
  const incident = new Set(opts.incidentCategories);
  for (let i = 0; i < started; i++) {
    const f = table.feature(i);
    const c = f.properties.category;
    if (f.properties.persists) {
      if (t <= table.persistsUntil[i]) (held.get(c) ?? held.set(c, []).get(c)!).push(f);
    } else if (incident.has(c) && table.end[i] >= t - recentDays) {
      (recent.get(c) ?? recent.set(c, []).get(c)!).push(f);
    }
  }
  const items: SummaryItem[] = [];
  for (const category of CATEGORIES) {
    const features = held.get(category);
    if (!features) continue;
    const ids = features.map((f) => f.id);
    const mode = opts.modes[category] ?? opts.fallbackMode;
    if (mode === 'hosts') {
      const hosts = new Set(features.flatMap(hostCodes));
      items.push({ category, ids, count: hosts.size, text: `${plural(category, opts)}: ${few(hosts.size, 'host country', 'host countries')}` });
    } else if (mode === 'places') {
      const places = [...new Set(features.map((f) => f.properties.place.name))];
      items.push({ category, ids, count: features.length, text: `${plural(category, opts)}: ${features.length} (${places.join(', ')})` });
    } else {
      for (const f of features) {
        const contributors = new Set(f.properties.actors).size;
        const name = missionName(f.properties.title);
        items.push({ category, ids: [f.id], count: contributors,
          text: `${CATEGORY_LABELS[category]}: ${name}${contributors ? ` (${few(contributors, 'contributor', 'contributors')})` : ''}` });
      }
    }
  }
  for (const category of opts.incidentCategories) {
    const features = recent.get(category);
    if (!features) continue;
    items.push({ category, ids: features.map((f) => f.id), count: features.length,
      text: `${plural(category, opts)} in the last ${recentDays} days: ${features.length}` });
  }
  return items;
}
