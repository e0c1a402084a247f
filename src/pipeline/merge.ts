// One real event, one feature: joins the candidates that several documents (or one document, twice) report for
// the same category, the same or a nearby place and overlapping time, and a document's headline dated only by its
// publication to the same event its text dates (joinToldLater).
import type { Category, DateSource, Precision, Source, Status } from '../model/event.ts';
import type { EventCandidate } from './events/extract.ts';
import type { GazetteerEntry } from './types.ts';
import { dayOf } from '../model/day.ts';
import { countriesOf } from '../model/place.ts';
import { distanceKm } from '../util/geo.ts';

export const MERGE_DEFAULTS = {
  /** Two cities or sites this close (km) can be one event's place when different documents name them. */
  maxKm: 50,
  /**
   * Two incidents (a fire, a crash) at two towns this far apart (km) are two incidents: an incident happens at one spot,
   * and a local paper names its neighbours' fires in one sentence ("fires in Ashby and a heath fire in Coalville").
   */
  incidentKm: 15,
  /** Within one document, dates this many days apart still name the same event ("a two-day meeting" vs "on October 17"). */
  sameDocumentDays: 7,
  /** Across documents, intervals this many days apart still overlap (a date line written the day after). */
  toleranceDays: 1,
  /**
   * Within a document, a report dated only by its publication, dateline or lede (a headline: "Fire destroys St. Paris
   * home") joins the same event the text dates itself ("died in a fire Saturday, March 21") up to this many days
   * before that date: news is told after it happens, and dating already takes an undated event to lie within the
   * month of publication, so a text-dated day up to a month earlier is the same horizon.
   */
  toldLaterDays: 31,
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
  status: Status;
  dateSource: DateSource;
  reason: string;
  entry: GazetteerEntry;
  actors: string[];
  confidence: number;
  /** Best-stated first (its sentence has the event word, the place and the date), then by document and offset. */
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

const isPoint = (e: GazetteerEntry) => e.kind === 'site' || e.kind === 'city';

function samePlace(a: GazetteerEntry, b: GazetteerEntry, sameDocument: boolean, opts: typeof MERGE_DEFAULTS): boolean {
  if (a.id === b.id) return true;
  // Within a document "Poland" may be the country of "Warsaw" named before; across documents a trip to Poland and a
  // meeting in Warsaw are told at different grains and stay two events.
  if (sameDocument && (covers(a, b) || covers(b, a))) return true;
  return isPoint(a) && isPoint(b) && distanceKm(a, b) <= opts.maxKm;
}

/**
 * Within a document, overlapping times (with a week's tolerance) are one happening told twice. Across documents the
 * times must agree at both ends: "4,700 troops sent in recent weeks" and "U.S. troops rotating through Poland since
 * 2014" are two deployments, and a three-day trip is not the one-day meeting held during it.
 */
function sameTime(a: EventCandidate, b: EventCandidate, sameDocument: boolean, opts: typeof MERGE_DEFAULTS): boolean {
  if (sameDocument) {
    const tolerance = opts.sameDocumentDays;
    return dayOf(a.start) <= dayOf(b.end) + tolerance && dayOf(b.start) <= dayOf(a.end) + tolerance;
  }
  const t = opts.toleranceDays;
  const length = (c: EventCandidate) => dayOf(c.end) - dayOf(c.start);
  return a.precision === b.precision && Math.abs(dayOf(a.start) - dayOf(b.start)) <= t && Math.abs(length(a) - length(b)) <= t;
}

/** The people two reports name must not contradict: "Biden meets Sandu" is not "Biden meets Duda" on the same day. */
function samePeople(a: EventCandidate, b: EventCandidate): boolean {
  if (a.people.length === 0 || b.people.length === 0) return true;
  const [small, large] = a.people.length <= b.people.length ? [a.people, b.people] : [b.people, a.people];
  return small.every((p) => large.includes(p));
}

/** Same category, same or nearby place, same time, and not two different things ("troops" and "Patriot systems"). */
function compatible(a: EventCandidate, b: EventCandidate, sameDocument: boolean, opts: typeof MERGE_DEFAULTS): boolean {
  return a.category === b.category && (a.what === null || b.what === null || a.what === b.what) &&
    samePlace(a.entry, b.entry, sameDocument, opts) && !twoSpots(a, b, opts) && sameTime(a, b, sameDocument, opts) && (sameDocument || samePeople(a, b));
}

/** Incidents at two towns or sites farther apart than `incidentKm`: two fires, not one told twice. */
function twoSpots(a: EventCandidate, b: EventCandidate, opts: typeof MERGE_DEFAULTS): boolean {
  return a.category === 'incident' && a.entry.id !== b.entry.id && isPoint(a.entry) && isPoint(b.entry) && distanceKm(a.entry, b.entry) > opts.incidentKm;
}

// Places one sentence names side by side are separate events ("around Kurakhove, Vuhledar, and Velyka Novosilka"); a
// place and the country or region it lies in, both named by the text, are one place told twice ("in the province of
// Huaraz, in Peru", "the minister, who is visiting Chile" after her meeting in Santiago). A place taken from the dateline
// names no place of its own: its excerpt runs from the dateline to the event and overlaps much of the document.
function sideBySide(g: Group, c: EventCandidate): boolean {
  for (const [entryId, { entry, spans }] of g.spans.get(c.source.doc) ?? []) {
    if (entryId === c.entry.id) continue;
    const nested = c.placeNamed && (covers(entry, c.entry) || covers(c.entry, entry));
    for (const [start, end, named] of spans) {
      if (start < c.source.end && c.source.start < end && !(nested && named)) return true;
    }
  }
  return false;
}

/**
 * Everything compatible() reads of a report except its document: members with one key are interchangeable for it,
 * so a group is checked once per key (and per kind of document, below), not once per member. A field that
 * compatible() starts to read must be added here.
 */
const repKey = (c: EventCandidate) =>
  `${c.entry.id}\u0000${c.start}\u0000${c.end}\u0000${c.precision}\u0000${c.what ?? ''}\u0000${c.people.join(',')}\u0000${c.persists}`;

/** The members of one key: any one of them, and the documents they come from. */
interface Rep {
  rep: EventCandidate;
  docs: Set<string>;
}

/**
 * compatible(m, c) for every member m of the group, checked on as few members as decide it: per key, once as a member
 * of the candidate's document if one is, once as another document's if one is (compatible() reads a member's key
 * fields and whether its document is the candidate's, nothing else).
 */
function compatibleWithAll(g: Group, c: EventCandidate, opts: typeof MERGE_DEFAULTS): boolean {
  for (const { rep, docs } of g.reps.values()) {
    const inCandidateDocument = docs.has(c.source.doc);
    if (inCandidateDocument && !compatible(rep, c, true, opts)) return false;
    if ((docs.size > 1 || !inCandidateDocument) && !compatible(rep, c, false, opts)) return false;
  }
  return true;
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
  const evidence = new Map<string, number>();
  for (const m of members) {
    const k = `${m.source.doc}\u0000${m.source.start}\u0000${m.source.end}`;
    evidence.set(k, Math.max(evidence.get(k) ?? 0, m.evidence * 2 + m.confidence));
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
    // Planned until a source reports it happened; a state is ongoing while any source says it holds.
    status: members.some((m) => m.status === 'happened') ? 'happened' : members.some((m) => m.status === 'ongoing') ? 'ongoing' : 'planned',
    dateSource: dated.dateSource,
    reason: dated.reason,
    entry: place,
    actors: [...new Set(members.flatMap((m) => m.actors))].sort(),
    confidence: Math.round(Math.min(opts.maxConfidence, 1 - missing) * 100) / 100,
    sources: [...sources.values()].sort((a, b) => {
      const ea = evidence.get(`${a.doc}\u0000${a.start}\u0000${a.end}`) ?? 0;
      const eb = evidence.get(`${b.doc}\u0000${b.start}\u0000${b.end}`) ?? 0;
      return eb - ea || a.doc.localeCompare(b.doc) || a.start - b.start || a.end - b.end;
    }),
  };
}

interface Group {
  /** Creation order: among the groups a candidate may join, the first created wins. */
  order: number;
  /** Whether a member is a point (city, site); a group without one can only take what its areas cover. */
  hasPoint: boolean;
  /** The last candidate (OpenGroups' stamp) that found this group, so it is checked once per candidate. */
  seen: number;
  members: EventCandidate[];
  /**
   * The members by repKey(), with the documents that report each: checking these keeps a document that repeats one
   * event thousands of times, or a corpus that reports one state thousands of times, linear.
   */
  reps: Map<string, Rep>;
  /** Excerpt spans per document, then per place, for sideBySide(). */
  spans: Map<string, Map<string, { entry: GazetteerEntry; spans: [start: number, end: number, named: boolean][] }>>;
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

function join(g: Group, c: EventCandidate, lastDay: number): void {
  g.members.push(c);
  const key = repKey(c);
  const rep = g.reps.get(key);
  if (rep) rep.docs.add(c.source.doc);
  else g.reps.set(key, { rep: c, docs: new Set([c.source.doc]) });
  let places = g.spans.get(c.source.doc);
  if (!places) g.spans.set(c.source.doc, (places = new Map()));
  const place = places.get(c.entry.id);
  if (place) place.spans.push([c.source.start, c.source.end, c.placeNamed]);
  else places.set(c.entry.id, { entry: c.entry, spans: [[c.source.start, c.source.end, c.placeNamed]] });
  g.lastDay = Math.max(g.lastDay, lastDay);
  g.persists ||= c.persists;
  g.hasPoint ||= isPoint(c.entry);
  for (const code of countriesOf(c.entry)) g.countries.add(code);
  g.south = Math.min(g.south, c.entry.lat);
  g.north = Math.max(g.north, c.entry.lat);
  g.west = Math.min(g.west, c.entry.lon);
  g.east = Math.max(g.east, c.entry.lon);
}

/** Degrees of a cell of the grid that finds the open groups near a candidate. */
const CELL_DEG = 1;
const cellOf = (deg: number) => Math.floor(deg / CELL_DEG);
const cellKey = (x: number, y: number) => (x + 512) * 1024 + (y + 512);

/**
 * The open groups of one category, indexed so that a candidate is checked only against groups it could join: a
 * corpus's persisting states (never closed) no longer make the merge quadratic. A group may take a candidate only if
 * every member is the same place (samePlace): for a point candidate, its point members lie within maxKm (the grid of
 * their box finds them) and its area members cover the candidate's country (listed by country while the group has
 * no point); for an area candidate, every member shares a country with it (listed by country), or has its id (the
 * grid). near() returns a superset of those groups in creation order, and merge() applies the same tests as before,
 * so the same group is chosen. Near the poles and the antimeridian, where the grid's rectangle is not a safe bound, it
 * falls back to every open group.
 */
class OpenGroups {
  private readonly all: Group[] = [];
  private readonly byCountry = new Map<string, Group[]>();
  /** Groups with no point member yet, by country: the ones a point candidate can join through an area member. */
  private readonly areasByCountry = new Map<string, Group[]>();
  private readonly byCell = new Map<number, Group[]>();
  /** Per group, the countries and cells it is listed under, so a grown box or a new country adds only what is new. */
  private readonly listed = new Map<Group, { countries: Set<string>; cells: Set<number> }>();
  private stamp = 0;

  /** Lists `g` (new, or grown by a member) under its countries and every cell of its box. */
  add(g: Group): void {
    let at = this.listed.get(g);
    if (!at) {
      this.listed.set(g, (at = { countries: new Set(), cells: new Set() }));
      this.all.push(g);
    }
    for (const code of g.countries) {
      if (at.countries.has(code)) continue;
      at.countries.add(code);
      push(this.byCountry, code, g);
      if (!g.hasPoint) push(this.areasByCountry, code, g);
    }
    for (let x = cellOf(g.west); x <= cellOf(g.east); x++) {
      for (let y = cellOf(g.south); y <= cellOf(g.north); y++) {
        const key = cellKey(x, y);
        if (at.cells.has(key)) continue;
        at.cells.add(key);
        push(this.byCell, key, g);
      }
    }
  }

  /** The open groups `c` could join, in creation order. Groups closed for good are dropped from the lists on the way. */
  near(c: EventCandidate, lonMargin: number, first: number, reach: number): Group[] {
    const stamp = ++this.stamp;
    const found: Group[] = [];
    const { lat, lon } = c.entry;
    const point = isPoint(c.entry);
    if (point && (Math.abs(lat) > 80 || Math.abs(lon) + 2 * lonMargin >= 180)) {
      this.collect(this.all, stamp, found, first, reach, false);
      return found;
    }
    const codes = countriesOf(c.entry);
    for (let i = 0; i < codes.length; i++) {
      this.collect((point ? this.areasByCountry : this.byCountry).get(codes[i]), stamp, found, first, reach, point);
    }
    // Twice mayJoin's margins: a point within maxKm of the candidate is inside wherever its box's corner lies.
    const latMargin = point ? 2 * BOX_MARGIN_DEG : BOX_MARGIN_DEG;
    const lonReach = point ? 2 * lonMargin : lonMargin;
    for (let x = cellOf(lon - lonReach); x <= cellOf(lon + lonReach); x++) {
      for (let y = cellOf(lat - latMargin); y <= cellOf(lat + latMargin); y++) this.collect(this.byCell.get(cellKey(x, y)), stamp, found, first, reach, false);
    }
    return found.sort((a, b) => a.order - b.order);
  }

  private collect(list: Group[] | undefined, stamp: number, found: Group[], first: number, reach: number, areasOnly: boolean): void {
    if (!list) return;
    let kept = 0;
    for (let i = 0; i < list.length; i++) {
      const g = list[i];
      // Closed for good (candidates come in start order), or no longer an area-only group: off this list.
      if (g.lastDay + reach < first || (areasOnly && g.hasPoint)) continue;
      list[kept++] = g;
      if (g.seen === stamp) continue;
      g.seen = stamp;
      found.push(g);
    }
    list.length = kept;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Groups candidates into events. A candidate joins the first group (in content order) whose every member it is
 * compatible with, so two far-apart places never end up in one group through a third between them. Candidates come
 * in start order, so a group whose last day lies behind the tolerance is closed for good: only open groups near the
 * candidate are searched (OpenGroups), which keeps a large corpus linear in practice.
 */
export function merge(candidates: readonly EventCandidate[], opts = MERGE_DEFAULTS): MergedEvent[] {
  const groups: Group[] = [];
  const open = new Map<Category, OpenGroups>();
  const reach = Math.max(opts.sameDocumentDays, opts.toleranceDays);
  for (const candidate of [...candidates].sort(byContent)) {
    const first = dayOf(candidate.start);
    const last = dayOf(candidate.end);
    let index = open.get(candidate.category);
    if (!index) open.set(candidate.category, (index = new OpenGroups()));
    // Longitude degrees shrink toward the poles; widen the margin so it still covers maxKm.
    const lonMargin = BOX_MARGIN_DEG / Math.max(0.1, Math.cos((candidate.entry.lat * Math.PI) / 180));
    let group: Group | undefined;
    for (const g of index.near(candidate, lonMargin, first, reach)) {
      if (mayJoin(g, candidate, lonMargin) && compatibleWithAll(g, candidate, opts) && !sideBySide(g, candidate)) {
        group = g;
        break;
      }
    }
    if (group) join(group, candidate, last);
    else {
      group = {
        order: groups.length, hasPoint: false, seen: 0, members: [], reps: new Map(), spans: new Map(), lastDay: last, persists: candidate.persists, countries: new Set(),
        south: candidate.entry.lat, north: candidate.entry.lat, west: candidate.entry.lon, east: candidate.entry.lon,
      };
      join(group, candidate, last);
      groups.push(group);
    }
    index.add(group);
  }
  return joinToldLater(groups, opts).map((g) => combine(g.members, opts));
}

/** Dates a document only guessed (its publication, dateline or lede) and dates its text gives an event. */
const GUESSED = new Set<DateSource>(['published', 'dateline', 'lede']);
const TOLD = new Set<DateSource>(['clause', 'sentence', 'paragraph']);

/** `guessed`, dated by its document, is reported on or just after the day `told` happened (never before it). */
function toldLater(guessed: EventCandidate, told: EventCandidate, opts: typeof MERGE_DEFAULTS): boolean {
  return dayOf(told.start) <= dayOf(guessed.end) && dayOf(guessed.start) <= dayOf(told.end) + opts.toldLaterDays;
}

/** One document's guessed report and its text-dated report are one event (same thing, place and, told later, time). */
function sameToldLater(guessed: EventCandidate, told: EventCandidate, opts: typeof MERGE_DEFAULTS): boolean {
  return guessed.category === told.category && (guessed.what === null || told.what === null || guessed.what === told.what) &&
    samePlace(guessed.entry, told.entry, true, opts) && !twoSpots(guessed, told, opts) &&
    (TOLD.has(told.dateSource) ? toldLater(guessed, told, opts) : sameTime(guessed, told, true, opts));
}

/** A group a document dates in its text, with that document's members (`own`) and their latest text-dated day. */
interface Told {
  group: Group;
  own: EventCandidate[];
  day: number;
}

/**
 * The groups each document dates in its text, per document and category, listed so that a guessed report is checked
 * only against those it could be the same place as (a long document's thousands of reports stay linear, as in
 * OpenGroups): under each country of an own member; under each cell of an own point; and, for groups whose own members
 * are all areas, under their countries again for a point to find the area that covers it.
 */
class ToldIndex {
  private readonly lists = new Map<string, Told[]>();

  add(doc: string, category: Category, t: Told): void {
    const base = `${doc}\u0000${category}`;
    const keys = new Set([base]);
    const hasPoint = t.own.some((m) => isPoint(m.entry));
    for (const m of t.own) {
      for (const code of countriesOf(m.entry)) {
        keys.add(`${base}\u0000c${code}`);
        if (!hasPoint) keys.add(`${base}\u0000a${code}`);
      }
      if (isPoint(m.entry)) keys.add(`${base}\u0000#${cellKey(cellOf(m.entry.lon), cellOf(m.entry.lat))}`);
    }
    for (const key of keys) push(this.lists, key, t);
  }

  /** A superset of the groups `c` may be the same place as (samePlace within a document), in no particular order. */
  near(c: EventCandidate): Set<Told> {
    const base = `${c.source.doc}\u0000${c.category}`;
    const found = new Set<Told>();
    const take = (key: string) => {
      for (const t of this.lists.get(key) ?? []) found.add(t);
    };
    const codes = countriesOf(c.entry);
    const { lat, lon } = c.entry;
    // Degrees that cover maxKm (50 km is under half a degree of latitude), widened for longitude toward the poles.
    const lonMargin = 2 * BOX_MARGIN_DEG / Math.max(0.1, Math.cos((lat * Math.PI) / 180));
    if (!isPoint(c.entry)) {
      // An area is the same place only as its own id or what it covers or what covers it: all share a country.
      if (codes.length === 0) take(base);
      for (const code of codes) take(`${base}\u0000c${code}`);
    } else if (Math.abs(lat) > 80 || Math.abs(lon) + lonMargin >= 180) {
      take(base);
    } else {
      // A point is the same place as a point within maxKm (the cells around it) or an area covering it (its country).
      for (const code of codes) take(`${base}\u0000a${code}`);
      for (let x = cellOf(lon - lonMargin); x <= cellOf(lon + lonMargin); x++) {
        for (let y = cellOf(lat - 2 * BOX_MARGIN_DEG); y <= cellOf(lat + 2 * BOX_MARGIN_DEG); y++) take(`${base}\u0000#${cellKey(x, y)}`);
      }
    }
    return found;
  }
}

/**
 * A group that only one document reports, with no date of its own (a headline, a lede dated by the publication),
 * joins the group with the same event as that document dates it in its text: the nearest day before (a headline is
 * about the latest fire, not the one 14 months ago), then the first made. Only that document's reports decide, so no
 * two documents are joined by this rule; two text-dated reports of different days stay apart (the target's members
 * were grouped by merge()'s rule, and the guessed group holds no text date).
 */
function joinToldLater(groups: Group[], opts: typeof MERGE_DEFAULTS): Group[] {
  const guessedOnly = (g: Group) => g.members.every((m) => GUESSED.has(m.dateSource) && m.source.doc === g.members[0].source.doc);
  const index = new ToldIndex();
  for (const g of groups) {
    if (guessedOnly(g)) continue;
    const byDocument = new Map<string, EventCandidate[]>();
    for (const m of g.members) push(byDocument, `${m.source.doc}\u0000${m.category}`, m);
    for (const own of byDocument.values()) {
      const told = own.filter((m) => TOLD.has(m.dateSource));
      if (told.length === 0) continue;
      index.add(own[0].source.doc, own[0].category, { group: g, own, day: Math.max(...told.map((m) => dayOf(m.start))) });
    }
  }
  const gone = new Set<Group>();
  for (const g of groups) {
    if (!guessedOnly(g)) continue;
    let best: Told | undefined;
    for (const t of index.near(g.members[0])) {
      if (best && (t.day < best.day || (t.day === best.day && t.group.order > best.group.order))) continue;
      if (!g.members.every((w) => t.own.every((m) => sameToldLater(w, m, opts)))) continue;
      if (t.own.some((m) => sideBySide(g, m))) continue;
      best = t;
    }
    if (!best) continue;
    for (const m of g.members) {
      join(best.group, m, dayOf(m.end));
      best.own.push(m);
    }
    gone.add(g);
  }
  return gone.size ? groups.filter((g) => !gone.has(g)) : groups;
}
