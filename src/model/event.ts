// The event GeoJSON contract (docs/event-data.md), defined once for the pipeline, the app and the tests.
import { z } from 'zod';

export * from './terms.ts';
import { CATEGORIES, DATE_SOURCES, GAZETTEERS, HIGHLIGHT_KINDS, isIsoDate, PLACE_KINDS, PRECISIONS, REVIEW_STATES, STATUSES } from './terms.ts';

export const IsoDate = z.string().refine(isIsoDate, { message: 'must be a real date written YYYY-MM-DD' });
const Alpha2 = z.string().regex(/^[A-Z]{2}$/, { message: 'must be an ISO 3166-1 alpha-2 code such as PL' });
const Offset = z.number().int().nonnegative();

export const HighlightSchema = z.object({
  start: Offset,
  end: Offset,
  kind: z.enum(HIGHLIGHT_KINDS),
}).refine((h) => h.start <= h.end, { message: 'highlight start is after its end' });

export const SourceSchema = z.object({
  doc: z.string().min(1),
  title: z.string(),
  published: IsoDate.nullable(),
  excerpt: z.string().min(1),
  start: Offset,
  end: Offset,
  highlights: z.array(HighlightSchema),
}).refine((s) => s.end - s.start === s.excerpt.length, { message: 'excerpt length does not match its offsets' })
  .refine((s) => s.highlights.every((h) => h.start >= s.start && h.end <= s.end), {
    message: 'a highlight falls outside its excerpt',
  });

export const PlaceSchema = z.object({
  name: z.string().min(1),
  kind: z.enum(PLACE_KINDS),
  country: Alpha2.nullable(),
  countries: z.array(Alpha2).optional(),
  geonameId: z.number().int().optional(),
  gazetteer: z.enum(GAZETTEERS),
});

export const EventPropertiesSchema = z.object({
  title: z.string().min(1),
  category: z.enum(CATEGORIES),
  start: IsoDate,
  end: IsoDate,
  precision: z.enum(PRECISIONS),
  persists: z.boolean(),
  until: IsoDate.nullable(),
  place: PlaceSchema,
  actors: z.array(Alpha2),
  confidence: z.number().min(0).max(1),
  /** Optional so that files written before these fields existed still load; the pipeline always writes them. */
  status: z.enum(STATUSES).optional(),
  dateSource: z.enum(DATE_SOURCES).optional(),
  /** One line a reader can check: "date: 'on Wednesday', future tense, after publication 2023-07-11; place: 'in Vilnius', locative". */
  reason: z.string().optional(),
  /**
   * Optional and additive: written only for events a person reviewed. A rejected event stays in the data for the
   * record and is hidden from published views.
   */
  review: z.object({
    state: z.enum(REVIEW_STATES),
    by: z.string(),
    at: z.string(),
    reason: z.string().optional(),
  }).optional(),
  sources: z.array(SourceSchema).min(1),
}).refine((p) => p.start <= p.end, { message: 'start is after end', path: ['start'] })
  .refine((p) => p.until === null || p.until >= p.start, { message: 'until is before start', path: ['until'] });

const Longitude = z.number().min(-180).max(180);
const Latitude = z.number().min(-90).max(90);

export const EventFeatureSchema = z.object({
  type: z.literal('Feature'),
  id: z.string().min(1),
  geometry: z.object({ type: z.literal('Point'), coordinates: z.tuple([Longitude, Latitude]) }),
  properties: EventPropertiesSchema,
});

export const EventCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(EventFeatureSchema),
}).refine((c) => new Set(c.features.map((f) => f.id)).size === c.features.length, {
  message: 'two features share an id',
});

export type Highlight = z.infer<typeof HighlightSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type Place = z.infer<typeof PlaceSchema>;
export type EventProperties = z.infer<typeof EventPropertiesSchema>;
export type Review = NonNullable<EventProperties['review']>;

/** The events a reader sees: all but those an analyst rejected (kept in events.geojson for the record). */
export const publishedFeatures = <F extends { properties: { review?: Review } }>(features: readonly F[]): F[] =>
  features.filter((f) => f.properties.review?.state !== 'rejected');
export type EventFeature = z.infer<typeof EventFeatureSchema>;
export type EventCollection = z.infer<typeof EventCollectionSchema>;
