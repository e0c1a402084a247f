import { describe, expect, it } from 'vitest';
import { merge } from '../../src/pipeline/merge.ts';
import { distanceKm } from '../../src/util/geo.ts';
import type { EventCandidate } from '../../src/pipeline/events/extract.ts';
import type { GazetteerEntry } from '../../src/pipeline/types.ts';

function entry(id: string, name: string, kind: GazetteerEntry['kind'], country: string | null, lat: number, lon: number): GazetteerEntry {
  return { id, name, kind, country, lat, lon, population: 0, featureCode: 'PPL', gazetteer: 'geonames' };
}
const BRUSSELS = entry('gn:2800866', 'Brussels', 'city', 'BE', 50.85, 4.35);
const NATO_HQ = { ...entry('cur:nato-hq', 'NATO Headquarters', 'site', 'BE', 50.879, 4.426), gazetteer: 'curated' as const };
const ANTWERP = entry('gn:2803138', 'Antwerp', 'city', 'BE', 51.22, 4.4);
const UKRAINE = { ...entry('ne:UA', 'Ukraine', 'country', 'UA', 49, 32), gazetteer: 'naturalearth' as const };
const KYIV = entry('gn:703448', 'Kyiv', 'city', 'UA', 50.45, 30.52);
const TERNOPIL = entry('gn:691650', 'Ternopil', 'city', 'UA', 49.55, 25.59);

let offset = 0;
function candidate(over: Partial<EventCandidate> & { doc?: string }): EventCandidate {
  const start = (offset += 100);
  const { doc = 'a.txt', ...rest } = over;
  return {
    category: 'meeting', persists: false, status: 'happened', title: 'Meeting in Brussels', titleQuality: 1, entry: BRUSSELS,
    start: '2025-10-15', end: '2025-10-15', precision: 'day', dateSource: 'clause', dateQuality: 3, placeNamed: true, actors: [],
    confidence: 0.8, reason: 'date: test', evidence: 1, what: null, people: [],
    source: { doc, title: doc, published: null, excerpt: 'x'.repeat(10), start, end: start + 10, highlights: [] },
    ...rest,
  };
}

describe('merge', () => {
  it('merge() joins the same meeting reported by two documents into one event with both sources', () => {
    const events = merge([candidate({ doc: 'a.txt' }), candidate({ doc: 'b.txt', entry: NATO_HQ, placeNamed: false, actors: ['JP'] })]);
    expect(events).toHaveLength(1);
    expect(events[0].sources.map((s) => s.doc)).toEqual(['a.txt', 'b.txt']);
    expect(events[0].actors).toEqual(['JP']);
    // the place the text names wins over one inferred from the body that meets
    expect(events[0].entry.name).toBe('Brussels');
  });

  it('merge() keeps events apart when the category, the time or the place differ', () => {
    expect(merge([candidate({}), candidate({ doc: 'b.txt', category: 'strike' })])).toHaveLength(2);
    expect(merge([candidate({}), candidate({ doc: 'b.txt', start: '2024-10-17', end: '2024-10-17' })])).toHaveLength(2);
    expect(distanceKm(BRUSSELS, ANTWERP)).toBeGreaterThan(40);
    expect(merge([candidate({}), candidate({ doc: 'b.txt', entry: { ...ANTWERP, lat: 51.5 } })])).toHaveLength(2);
  });

  it('merge() lets a document\'s country-level sentence join its own city event and keeps the city', () => {
    const events = merge([
      candidate({ category: 'strike', entry: UKRAINE, start: '2024-11-01', end: '2024-11-26', precision: 'month', dateQuality: 0 }),
      candidate({ category: 'strike', entry: KYIV, start: '2024-11-20', end: '2024-11-20' }),
    ]);
    expect(events).toHaveLength(1);
    expect(events[0].entry.name).toBe('Kyiv');
    expect([events[0].start, events[0].precision]).toEqual(['2024-11-20', 'day']);
  });

  it('merge() keeps another document\'s country-level report apart from a city event: a trip to Poland is not the meeting in Warsaw', () => {
    expect(merge([
      candidate({ category: 'strike', entry: UKRAINE, doc: 'b.txt' }),
      candidate({ category: 'strike', entry: KYIV }),
    ])).toHaveLength(2);
  });

  it('merge() keeps two documents apart when their intervals differ in length (a three-day trip, the one-day meeting held during it)', () => {
    expect(merge([
      candidate({ start: '2022-03-09', end: '2022-03-11' }),
      candidate({ doc: 'b.txt', start: '2022-03-10', end: '2022-03-10' }),
    ])).toHaveLength(2);
  });

  it('merge() keeps meetings with different guests apart, and joins a report that names fewer of the same people', () => {
    const sandu = candidate({ people: ['biden', 'sandu'] });
    const duda = candidate({ doc: 'b.txt', people: ['biden', 'duda'] });
    expect(merge([sandu, duda])).toHaveLength(2);
    expect(merge([sandu, candidate({ doc: 'c.txt', people: ['sandu'] })])).toHaveLength(1);
  });

  it('merge() keeps two things deployed to one place apart within a document ("troops" and "Patriot systems")', () => {
    const troops = candidate({ category: 'deployment', what: 'forces' });
    expect(merge([troops, candidate({ category: 'deployment', what: 'system' })])).toHaveLength(2);
    expect(merge([troops, candidate({ category: 'deployment', what: 'forces' })])).toHaveLength(1);
  });

  it('merge() keeps places one sentence names side by side as separate events', () => {
    const source = { doc: 'a.txt', title: 'a', published: null, excerpt: 'y'.repeat(40), start: 5000, end: 5040, highlights: [] };
    const events = merge([
      candidate({ category: 'strike', entry: TERNOPIL, source }),
      candidate({ category: 'strike', entry: KYIV, source: { ...source } }),
    ]);
    expect(events.map((e) => e.entry.name).sort()).toEqual(['Kyiv', 'Ternopil']);
  });

  it('merge() joins one document\'s two reports of a state and keeps the best-stated start', () => {
    const events = merge([
      candidate({ category: 'headquarters', persists: true, start: '2024-10-15', end: '2024-10-21', precision: 'day', dateQuality: 0, dateSource: 'published' }),
      candidate({ category: 'headquarters', persists: true, start: '2024-10-17', end: '2024-10-17', precision: 'day', dateQuality: 3 }),
    ]);
    expect(events).toHaveLength(1);
    expect([events[0].start, events[0].persists, events[0].dateSource]).toEqual(['2024-10-17', true, 'clause']);
  });

  it('merge() keeps two deployments to one place at different times apart: rotations since 2014 are not the troops sent last month', () => {
    expect(merge([
      candidate({ category: 'deployment', persists: true, start: '2014-01-01', end: '2014-12-31', precision: 'year', doc: 'a.txt' }),
      candidate({ category: 'deployment', persists: true, start: '2022-02-01', end: '2022-03-10', precision: 'month', doc: 'b.txt' }),
    ])).toHaveLength(2);
  });

  it('merge() puts the source that states the event best first', () => {
    const weak = candidate({ doc: 'a.txt', evidence: 1 });
    const strong = candidate({ doc: 'b.txt', evidence: 6 });
    expect(merge([weak, strong])[0].sources.map((s) => s.doc)).toEqual(['b.txt', 'a.txt']);
  });

  it('merge() gives the same events whatever the input order', () => {
    const input = [candidate({}), candidate({ doc: 'b.txt', entry: NATO_HQ }), candidate({ category: 'strike', entry: KYIV })];
    expect(merge([...input].reverse())).toEqual(merge(input));
  });

  it('merge() raises confidence when sources agree but never to certainty', () => {
    const events = merge([candidate({ confidence: 0.9 }), candidate({ doc: 'b.txt', confidence: 0.95 }), candidate({ doc: 'c.txt', confidence: 0.95 })]);
    expect(events[0].confidence).toBe(0.99);
    expect(merge([candidate({ confidence: 0.5 }), candidate({ doc: 'b.txt', confidence: 0.5 })])[0].confidence).toBe(0.75);
    // one document saying it twice is one source
    expect(merge([candidate({ confidence: 0.5 }), candidate({ confidence: 0.4 })])[0].confidence).toBe(0.5);
  });

  it('merge() places an event at a country rather than a region spanning several, but at a region inside one country', () => {
    const flank = { ...entry('cur:eastern-flank', 'the eastern flank', 'region', null, 52, 24), countries: ['PL', 'LT', 'EE', 'LV', 'RO'] };
    const poland = { ...entry('ne:PL', 'Poland', 'country', 'PL', 52.1, 19.4), gazetteer: 'naturalearth' as const };
    const mission = (e: GazetteerEntry, doc: string) => candidate({ category: 'mission', persists: true, entry: e, doc });
    expect(merge([mission(flank, 'a.txt'), mission(poland, 'a.txt')]).map((e) => e.entry.name)).toEqual(['Poland']);
    const east = entry('dir:eastern:UA', 'eastern Ukraine', 'region', 'UA', 48.5, 37.5);
    const advance = (e: GazetteerEntry, doc: string) => candidate({ category: 'advance', entry: e, doc });
    expect(merge([advance(UKRAINE, 'a.txt'), advance(east, 'a.txt')]).map((e) => e.entry.name)).toEqual(['eastern Ukraine']);
  });

  describe('a headline dated by its publication and the event the text dates', () => {
    const ST_PARIS = entry('gn:4524474', 'St. Paris', 'city', 'US', 40.13, -83.96);
    const URBANA = entry('gn:4525353', 'Urbana', 'city', 'US', 40.11, -83.75);
    const ABKHAZIA = entry('dir:abkhazia', 'Abkhazia', 'region', 'GE', 43.0, 41.0);
    const ACHGUARA = entry('gn:611701', 'Achguara', 'city', 'GE', 42.78, 41.47);
    const fire = (over: Partial<EventCandidate> & { doc?: string }) =>
      candidate({ category: 'incident', entry: ST_PARIS, title: 'Fire in St. Paris', ...over });
    const headline = (over: Partial<EventCandidate> & { doc?: string } = {}) =>
      fire({ start: '2026-04-02', end: '2026-04-02', dateSource: 'dateline', dateQuality: 0, ...over });
    const told = (day: string, over: Partial<EventCandidate> & { doc?: string } = {}) => fire({ start: day, end: day, ...over });

    it('merge() joins a headline dated by the dateline a week and more later with the fire its body dates, keeping the body\'s day', () => {
      const [head, body] = [headline(), told('2026-03-21')];
      const events = merge([head, body]);
      expect(events).toHaveLength(1);
      expect([events[0].start, events[0].end, events[0].dateSource]).toEqual(['2026-03-21', '2026-03-21', 'clause']);
      expect(events[0].sources.map((s) => s.start).sort()).toEqual([head.source.start, body.source.start].sort());
    });

    it('merge() joins a headline dated by its publication month with the blast the body dates at a village inside its region', () => {
      const events = merge([
        candidate({ category: 'incident', entry: ABKHAZIA, start: '2026-05-01', end: '2026-05-10', precision: 'month', dateSource: 'published', dateQuality: 0 }),
        candidate({ category: 'incident', entry: ACHGUARA, start: '2026-04-20', end: '2026-04-20', dateSource: 'paragraph', dateQuality: 2 }),
      ]);
      expect(events).toHaveLength(1);
      expect([events[0].entry.name, events[0].start, events[0].precision]).toEqual(['Achguara', '2026-04-20', 'day']);
    });

    it('merge() joins a lede-dated report too, and a headline at a town within the incident distance', () => {
      expect(merge([headline({ dateSource: 'lede', dateQuality: 1 }), told('2026-03-21')])).toHaveLength(1);
      expect(merge([headline({ entry: { ...ST_PARIS, id: 'gn:near', lat: 40.14 } }), told('2026-03-21')])).toHaveLength(1);
    });

    it('merge() joins a headline to the fire its body dates across the antimeridian and near the pole', () => {
      const taveuniEast = entry('gn:fj-e', 'Vuna', 'city', 'FJ', -16.95, -179.97);
      const taveuniWest = entry('gn:fj-w', 'Waiyevo', 'city', 'FJ', -16.85, 179.97);
      expect(merge([headline({ entry: taveuniEast }), told('2026-03-21', { entry: taveuniWest })])).toHaveLength(1);
      const camp = entry('gn:camp', 'Camp', 'site', 'NO', 89.95, 10);
      const station = entry('gn:station', 'Station', 'site', 'NO', 89.96, 150);
      expect(merge([headline({ entry: camp }), told('2026-03-21', { entry: station })])).toHaveLength(1);
    });

    it('merge() joins a headline to the nearest earlier fire its body dates, not an older one', () => {
      const events = merge([told('2026-03-05', { title: 'Earlier fire' }), told('2026-03-21', { title: 'Latest fire' }), headline()]);
      expect(events.map((e) => [e.start, e.sources.length])).toEqual([['2026-03-05', 1], ['2026-03-21', 2]]);
    });

    it('merge() joins a headline to its own document\'s text-dated fire only, not to another document\'s, a later one, another place\'s or another kind', () => {
      const [head, own] = [headline(), told('2026-03-21')];
      const others = [
        told('2026-03-25', { doc: 'b.txt' }), told('2026-04-10'), told('2025-02-01'), told('2026-03-28', { entry: URBANA }),
        told('2026-03-30', { category: 'strike' }),
      ];
      const events = merge([head, own, ...others]);
      expect(events).toHaveLength(6);
      expect(events.find((e) => e.sources.length > 1)?.sources.map((s) => s.start).sort()).toEqual([head.source.start, own.source.start].sort());
    });
  });
});
