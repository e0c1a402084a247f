// One real event, one feature: joins the candidates that several documents (or one document, twice) report for
// the same category, the same or a nearby place and overlapping time.
import type { Category, Precision, Source } from '../model/event.ts';
import type { EventCandidate } from './events.ts';
import type { GazetteerEntry } from './types.ts';
import { dayOf } from '../model/day.ts';
import { countriesOf } from '../model/place.ts';
import { distanceKm } from '../util/geo.ts';

export const MERGE_DEFAULTS = {
  /** Two cities or sites this close (km) can be one event's place when different documents name them. */
  maxKm: 50,
  /** Within one document, dates this many days apart still name the same event ("a two-day meeting" vs "on October 17"). */
  sameDocumentDays: 7,
  /** Across documents, intervals this many days apart still overlap (a date line written the day after). */
  toleranceDays: 1,
  /** Highest merged confidence: agreement of sources never makes the pipeline certain. */
  maxConfidence: 0.99,
};

/** A merged event: the feature's content without its id (write.ts derives that). */
export interface MergedEvent {
  category: Category;
  title: string;
  start: string;
  end: string;
  precision: Precision;
  persists: boolean;
  entry: GazetteerEntry;
  actors: string[];
  confidence: number;
  sources: Source[];
}

/** How precisely an entry places an event: a region inside one country ("eastern Ukraine") beats the country, one
 * spanning several ("the Baltics", "NATO's eastern flank") does not. */
function precisionRank(e: GazetteerEntry): number {
  if (e.kind === 'site') return 4;
  if (e.kind === 'city') return 3;
  if (e.kind === 'country') return 1;
  return e.country && (e.countries?.length ?? 0) <= 1 ? 2 : 0;
}
const PRECISION_RANK: Record<Precision, number> = { day: 2, month: 1, year: 0 };

/** The area entry (country or region) covers the other place. */
function covers(area: GazetteerEntry, place: GazetteerEntry): boolean {
  if (area.kind !== 'country' && area.kind !== 'region') return false;
  const inside = countriesOf(place);
  return inside.length > 0 && inside.every((c) => countriesOf(area).includes(c)) && (place.kind !== 'region' || area.kind === 'region');
}

function samePlace(a: GazetteerEntry, b: GazetteerEntry, opts: typeof MERGE_DEFAULTS): boolean {
  if (a.id === b.id) return true;
  if (covers(a, b) || covers(b, a)) return true;

  const point = (e: GazetteerEntry) => e.kind === 'site' || e.kind === 'city';
  return point(a) && point(b) && distanceKm(a, b) <= opts.maxKm;
}

function sameTime(a: EventCandidate, b: EventCandidate, sameDocument: boolean, opts: typeof MERGE_DEFAULTS): boolean {
  // A state holds from its start on: two reports of it overlap whenever they were written.
  if (a.persists && b.persists) return true;
  const tolerance = sameDocument ? opts.sameDocumentDays : opts.toleranceDays;
  return dayOf(a.start) <= dayOf(b.end) + tolerance && dayOf(b.start) <= dayOf(a.end) + tolerance;
}

/** Same category, same or nearby place, overlapping time (excerpts aside, see sideBySide). */
function compatible(a: EventCandidate, b: EventCandidate, opts: typeof MERGE_DEFAULTS): boolean {
  const sameDocument = a.source.doc === b.source.doc;
  return a.category === b.category && samePlace(a.entry, b.entry, opts) && sameTime(a, b, sameDocument, opts);
}

// Places one sentence names side by side are separate events ("around Kurakhove, Vuhledar, and Velyka Novosilka").
function sideBySide(g: Group, c: EventCandidate): boolean {
  for (const rep of g.reps.values()) {
    if (rep.source.doc !== c.source.doc || rep.entry.id === c.entry.id) continue;
    for (const [start, end] of g.spans.get(`${rep.source.doc}\u0000${rep.entry.id}`) ?? []) {
      if (start < c.source.end && c.source.start < end) return true;
    }
  }
  return false;
}

const byContent = (a: EventCandidate, b: EventCandidate) =>
  a.start.localeCompare(b.start) || a.category.localeCompare(b.category) || a.entry.id.localeCompare(b.entry.id) ||
  a.source.doc.localeCompare(b.source.doc) || a.source.start - b.source.start;

function combine(members: EventCandidate[], opts: typeof MERGE_DEFAULTS): MergedEvent {
  const place = [...members].sort(
    (a, b) => Number(b.placeNamed) - Number(a.placeNamed) || precisionRank(b.entry) - precisionRank(a.entry) || b.confidence - a.confidence || a.entry.id.localeCompare(b.entry.id),
  )[0].entry;
  const dated = [...members].sort(
    (a, b) => b.dateQuality - a.dateQuality || PRECISION_RANK[b.precision] - PRECISION_RANK[a.precision] || a.start.localeCompare(b.start),
  )[0];
  const titled = [...members].sort(
    (a, b) => Number(b.entry.id === place.id) - Number(a.entry.id === place.id) || b.titleQuality - a.titleQuality ||
      b.confidence - a.confidence || a.title.localeCompare(b.title),
  )[0];
  const sources = new Map<string, Source>();
  for (const m of members) {
    const key = `${m.source.doc}\u0000${m.source.start}\u0000${m.source.end}`;
    const known = sources.get(key);
    if (!known) sources.set(key, { ...m.source, highlights: [...m.source.highlights] });
    else {
      const seen = new Set(known.highlights.map((h) => `${h.start}:${h.end}:${h.kind}`));
      for (const h of m.source.highlights) if (!seen.has(`${h.start}:${h.end}:${h.kind}`)) known.highlights.push(h);
      known.highlights.sort((x, y) => x.start - y.start || x.end - y.end || x.kind.localeCompare(y.kind));
    }
  }
  // Independent reports raise confidence; a document repeating itself does not: its best report counts once.
  const bestByDocument = new Map<string, number>();
  for (const m of members) bestByDocument.set(m.source.doc, Math.max(bestByDocument.get(m.source.doc) ?? 0, m.confidence));
  let missing = 1;
  for (const c of bestByDocument.values()) missing *= 1 - c;
  return {
    category: dated.category,
    title: titled.title,
    start: dated.start,
    end: dated.end,
    precision: dated.precision,
    persists: members.some((m) => m.persists),
    entry: place,
    actors: [...new Set(members.flatMap((m) => m.actors))].sort(),
    confidence: Math.round(Math.min(opts.maxConfidence, 1 - missing) * 100) / 100,
    sources: [...sources.values()].sort((a, b) => a.doc.localeCompare(b.doc) || a.start - b.start || a.end - b.end),
  };
}

interface Group {
  members: EventCandidate[];
  /**
   * One member per place, interval, document and persistence: compatibility with a member depends on nothing else
   * (excerpts aside), so checking these keeps a document that repeats one event thousands of times linear.
   */
  reps: Map<string, EventCandidate>;
  /** Excerpt spans per document and place, for sideBySide(). */
  spans: Map<string, [number, number][]>;
  /** Latest end (day number) of any member: past it plus the tolerance, no later candidate can join. */
  lastDay: number;
  persists: boolean;
  /** Countries of the members' places and the box around their points: a cheap first test before compatible(). */
  countries: Set<string>;
  south: number;
  north: number;
  west: number;
  east: number;
}

/** Degrees of margin around a group's box; 0.5° of latitude is 55 km, more than MERGE_DEFAULTS.maxKm. */
const BOX_MARGIN_DEG = 0.5;

function mayJoin(g: Group, c: EventCandidate, lonMargin: number): boolean {
  const codes = countriesOf(c.entry);
  for (let i = 0; i < codes.length; i++) if (g.countries.has(codes[i])) return true;
  const { lat, lon } = c.entry;
  return lat >= g.south - BOX_MARGIN_DEG && lat <= g.north + BOX_MARGIN_DEG && lon >= g.west - lonMargin && lon <= g.east + lonMargin;
}

const repKey = (c: EventCandidate) => `${c.entry.id}\u0000${c.start}\u0000${c.end}\u0000${c.source.doc}\u0000${c.persists}`;

function join(g: Group, c: EventCandidate, lastDay: number): void {
  g.members.push(c);
  const key = repKey(c);
  if (!g.reps.has(key)) g.reps.set(key, c);
  const spanKey = `${c.source.doc}\u0000${c.entry.id}`;
  const spans = g.spans.get(spanKey);
  if (spans) spans.push([c.source.start, c.source.end]);
  else g.spans.set(spanKey, [[c.source.start, c.source.end]]);
  g.lastDay = Math.max(g.lastDay, lastDay);
  g.persists ||= c.persists;
  for (const code of countriesOf(c.entry)) g.countries.add(code);
  g.south = Math.min(g.south, c.entry.lat);
  g.north = Math.max(g.north, c.entry.lat);
  g.west = Math.min(g.west, c.entry.lon);
  g.east = Math.max(g.east, c.entry.lon);
}

/**
 * Groups candidates into events. A candidate joins the first group (in content order) whose every member it is
 * compatible with, so two far-apart places never end up in one group through a third between them. Candidates come
 * in start order, so a group whose last day lies behind the tolerance is closed for good: only open groups are
 * searched, which keeps a large corpus linear in practice.
 */
export function merge(candidates: readonly EventCandidate[], opts = MERGE_DEFAULTS): MergedEvent[] {
  const groups: Group[] = [];
  const open = new Map<Category, Group[]>();
  const reach = Math.max(opts.sameDocumentDays, opts.toleranceDays);
  for (const candidate of [...candidates].sort(byContent)) {
    const first = dayOf(candidate.start);
    const last = dayOf(candidate.end);
    const previous = open.get(candidate.category) ?? [];
    const active: Group[] = [];
    for (const g of previous) if (g.persists || g.lastDay + reach >= first) active.push(g);
    open.set(candidate.category, active);
    // Longitude degrees shrink toward the poles; widen the margin so it still covers maxKm.
    const lonMargin = BOX_MARGIN_DEG / Math.max(0.1, Math.cos((candidate.entry.lat * Math.PI) / 180));
    let group: Group | undefined;
    for (const g of active) {
      if (!mayJoin(g, candidate, lonMargin)) continue;
      let all = true;
      for (const m of g.reps.values()) if (!compatible(m, candidate, opts)) { all = false; break; }
      if (all && !sideBySide(g, candidate)) { group = g; break; }
    }
    if (group) join(group, candidate, last);
    else {
      const created: Group = {
        members: [], reps: new Map(), spans: new Map(), lastDay: last, persists: candidate.persists, countries: new Set(),
        south: candidate.entry.lat, north: candidate.entry.lat, west: candidate.entry.lon, east: candidate.entry.lon,
      };
      join(created, candidate, last);
      groups.push(created);
      active.push(created);
    }
  }
  return groups.map((g) => combine(g.members, opts));
}
