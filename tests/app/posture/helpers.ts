import type { Category, EventFeature, Place, Precision } from '../../../src/model/index.ts';

export interface EventSpec {
  id: string; category?: Category; start: string; end?: string; precision?: Precision; persists?: boolean;
  until?: string | null; place?: Partial<Place>; actors?: string[]; title?: string; lonlat?: [number, number];
}

export function event(s: EventSpec): EventFeature {
  return {
    type: 'Feature', id: s.id, geometry: { type: 'Point', coordinates: s.lonlat ?? [24, 54] },
    properties: {
      title: s.title ?? s.id, category: s.category ?? 'other', start: s.start, end: s.end ?? s.start,
      precision: s.precision ?? 'day', persists: s.persists ?? false, until: s.until ?? null,
      place: { name: 'X', kind: 'city', country: 'PL', gazetteer: 'geonames', ...s.place } as Place,
      actors: s.actors ?? [], confidence: 1,
      sources: [{ doc: 'd', title: 't', published: null, excerpt: 'x', start: 0, end: 1, highlights: [] }],
    },
  };
}
