// merge() finds the groups a report may join through an index (by country, by grid cell); the events must be the
// ones the rule itself gives: a report joins the first group, in the order groups were made, all of whose members are
// the same event (same category; same place, a country covering its city only within a document; overlapping time in
// a document, the same interval across documents; no two different things or people), unless one sentence names its
// place beside theirs (not a place inside or around it, both named by the text). Then a group one document reports with only a guessed date (its publication, dateline or lede)
// joins that document's same event dated in its text, on that day or up to a month before, the latest such day first.
// The rule is written out here on its own, without the index, and compared on random reports near the poles, across
// the antimeridian, in countries and regions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EventCandidate } from '../../src/pipeline/events/extract.ts';
import { merge, MERGE_DEFAULTS } from '../../src/pipeline/merge.ts';
import { distanceKm } from '../../src/util/geo.ts';
import type { GazetteerEntry } from '../../src/pipeline/types.ts';

const place = (id: string, kind: GazetteerEntry['kind'], countries: string[], lat: number, lon: number): GazetteerEntry => ({
  id, name: id, kind, country: countries.length === 1 ? countries[0] : null, ...(countries.length > 1 ? { countries } : {}),
  lat, lon, population: 0, featureCode: 'X', gazetteer: 'geonames',
});
const PLACES: GazetteerEntry[] = [
  place('warsaw', 'city', ['PL'], 52.23, 21.01), place('warsaw-east', 'city', ['PL'], 52.25, 21.6), place('krakow', 'city', ['PL'], 50.06, 19.94),
  place('poland', 'country', ['PL'], 52, 19), place('baltics', 'region', ['EE', 'LV', 'LT'], 57, 24), place('riga', 'city', ['LV'], 56.95, 24.1),
  place('e-poland', 'region', ['PL'], 51.5, 22.5), place('fiji-w', 'city', ['FJ'], -17, 179.9), place('fiji-e', 'site', ['FJ'], -17.1, -179.95),
  place('fiji', 'country', ['FJ'], -17.7, 178), place('pole-a', 'site', ['NO'], 89.7, 10), place('pole-b', 'site', ['NO'], 89.8, 170),
  place('norway', 'country', ['NO'], 61, 9), place('nowhere', 'site', [], 0.1, 0.1), place('nowhere-2', 'site', [], 0.2, 0.3),
];

// The rule, from its definition.
const countries = (e: GazetteerEntry) => e.countries ?? (e.country ? [e.country] : []);
const isArea = (e: GazetteerEntry) => e.kind === 'country' || e.kind === 'region';
const inside = (area: GazetteerEntry, p: GazetteerEntry) => isArea(area) && countries(p).length > 0 &&
  countries(p).every((c) => countries(area).includes(c)) && (p.kind !== 'region' || area.kind === 'region');
const samePlaceRule = (a: GazetteerEntry, b: GazetteerEntry, sameDoc: boolean) => a.id === b.id || (sameDoc && (inside(a, b) || inside(b, a))) ||
  (!isArea(a) && !isArea(b) && distanceKm(a, b) <= MERGE_DEFAULTS.maxKm);
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
function sameEventRule(a: EventCandidate, b: EventCandidate): boolean {
  const sameDoc = a.source.doc === b.source.doc;
  const t = MERGE_DEFAULTS.toleranceDays;
  const time = sameDoc
    ? day(a.start) <= day(b.end) + MERGE_DEFAULTS.sameDocumentDays && day(b.start) <= day(a.end) + MERGE_DEFAULTS.sameDocumentDays
    : a.precision === b.precision && Math.abs(day(a.start) - day(b.start)) <= t && Math.abs((day(a.end) - day(a.start)) - (day(b.end) - day(b.start))) <= t;
  const what = a.what === null || b.what === null || a.what === b.what;
  const people = sameDoc || a.people.length === 0 || b.people.length === 0 || a.people.every((p) => b.people.includes(p)) || b.people.every((p) => a.people.includes(p));
  return a.category === b.category && what && samePlaceRule(a.entry, b.entry, sameDoc) && time && people;
}
// ... where a place and the country or region it lies in, both named, are one place told twice
const nestedNamed = (m: EventCandidate, c: EventCandidate) => m.placeNamed && c.placeNamed && (inside(m.entry, c.entry) || inside(c.entry, m.entry));
const besideInOneSentence = (members: EventCandidate[], c: EventCandidate) => members.some((m) =>
  m.source.doc === c.source.doc && m.entry.id !== c.entry.id && m.source.start < c.source.end && c.source.start < m.source.end && !nestedNamed(m, c));

/** The groups the rule makes, as sorted lists of report keys. */
function groupsByRule(candidates: EventCandidate[]): string[][] {
  const sorted = [...candidates].sort((a, b) => a.start.localeCompare(b.start) || a.category.localeCompare(b.category) ||
    a.entry.id.localeCompare(b.entry.id) || a.source.doc.localeCompare(b.source.doc) || a.source.start - b.source.start);
  const groups: EventCandidate[][] = [];
  for (const c of sorted) {
    const group = groups.find((g) => g.every((m) => sameEventRule(m, c)) && !besideInOneSentence(g, c));
    if (group) group.push(c);
    else groups.push([c]);
  }
  return joinToldLaterRule(groups).map((g) => g.map(key).sort()).sort((a, b) => a[0].localeCompare(b[0]));
}

// Then a group one document reports with only a guessed date (publication, dateline, lede) joins the group, holding
// that document's same event dated in its text on that day or up to toldLaterDays before, with the latest such day.
const GUESSED = ['published', 'dateline', 'lede'];
const guessedOnly = (g: EventCandidate[]) => g.every((m) => GUESSED.includes(m.dateSource) && m.source.doc === g[0].source.doc);
function sameToldLaterRule(w: EventCandidate, m: EventCandidate): boolean {
  const time = GUESSED.includes(m.dateSource)
    ? day(w.start) <= day(m.end) + MERGE_DEFAULTS.sameDocumentDays && day(m.start) <= day(w.end) + MERGE_DEFAULTS.sameDocumentDays
    : day(m.start) <= day(w.end) && day(w.start) <= day(m.end) + MERGE_DEFAULTS.toldLaterDays;
  return w.category === m.category && (w.what === null || m.what === null || w.what === m.what) && samePlaceRule(w.entry, m.entry, true) && time;
}
function joinToldLaterRule(groups: EventCandidate[][]): EventCandidate[][] {
  const gone = new Set<EventCandidate[]>();
  for (const g of groups) {
    if (!guessedOnly(g)) continue;
    let best: EventCandidate[] | undefined;
    let bestDay = -Infinity;
    for (const target of groups) {
      if (guessedOnly(target)) continue;
      const own = target.filter((m) => m.source.doc === g[0].source.doc);
      const told = own.filter((m) => !GUESSED.includes(m.dateSource));
      if (told.length === 0 || !g.every((w) => own.every((m) => sameToldLaterRule(w, m))) || own.some((m) => besideInOneSentence(g, m))) continue;
      const latest = Math.max(...told.map((m) => day(m.start)));
      if (latest > bestDay) [best, bestDay] = [target, latest];
    }
    if (!best) continue;
    best.push(...g);
    gone.add(g);
  }
  return groups.filter((g) => !gone.has(g));
}
const key = (c: { doc: string; start: number } | EventCandidate) => ('source' in c ? `${c.source.doc}@${c.source.start}` : `${c.doc}@${c.start}`);

const report = fc.record({
  place: fc.constantFrom(...PLACES),
  category: fc.constantFrom('meeting', 'deployment'),
  persists: fc.boolean(),
  day: fc.integer({ min: 0, max: 40 }),
  span: fc.integer({ min: 0, max: 3 }),
  doc: fc.constantFrom('a.txt', 'b.txt', 'c.txt'),
  at: fc.integer({ min: 0, max: 30 }),
  what: fc.constantFrom(null, 'forces', 'system'),
  people: fc.constantFrom([], ['biden'], ['biden', 'duda'], ['sandu']),
  dateSource: fc.constantFrom('clause', 'clause', 'paragraph', 'published', 'dateline', 'lede'),
  named: fc.boolean(),
});
const iso = (d: number) => new Date(Date.UTC(2025, 0, 1 + d)).toISOString().slice(0, 10);

describe('merge() and its index', () => {
  it('merge() groups random reports exactly as the rule does without an index', () => {
    fc.assert(fc.property(fc.array(report, { maxLength: 60 }), (reports) => {
      const seen = new Set<string>();
      const candidates: EventCandidate[] = reports.map((r, i) => ({ ...r, at: r.at * 100 + i })).filter((r) => !seen.has(`${r.doc}@${r.at}`) && seen.add(`${r.doc}@${r.at}`))
        .map((r) => ({
          category: r.category as EventCandidate['category'], persists: r.persists, status: 'happened', title: 't', titleQuality: 1, entry: r.place,
          start: iso(r.day), end: iso(r.day + r.span), precision: 'day', dateSource: r.dateSource as EventCandidate['dateSource'], dateQuality: 3, placeNamed: r.named, actors: [],
          confidence: 0.5, reason: 'r', evidence: 1, what: r.what, people: [...r.people],
          source: { doc: r.doc, title: r.doc, published: null, excerpt: 'x', start: r.at, end: r.at + 150, highlights: [] },
        }));
      const byMerge = merge(candidates).map((e) => e.sources.map((s) => key(s)).sort()).sort((a, b) => a[0].localeCompare(b[0]));
      expect(byMerge).toEqual(groupsByRule(candidates));
    }), { numRuns: 300, seed: 17 });
  });
});
