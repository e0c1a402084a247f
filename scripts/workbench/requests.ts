// What the workbench's page may ask to change, checked with zod, and how a request becomes a correction: the server,
// not the page, anchors it to the document (content hash, offsets, quote) and records what the event was.
import { z } from 'zod';
import { CATEGORIES, isIsoDate, type EventFeature } from '../../src/model/event.ts';
import {
  CorrectionDateSchema, CorrectionPlaceSchema, type Anchor, type Correction, type CorrectionPlace, type CorrectionsFile, type EventSummary,
} from '../../src/model/correction.ts';
import { contentHash } from '../../src/pipeline/content-hash.ts';
import { slug } from '../../src/pipeline/write.ts';
import { StoreError, type CorpusStore } from './corpus-store.ts';

const common = {
  /** The corrections revision the page shows: a write based on an older one is refused (409). */
  revision: z.number().int().nonnegative(),
  /** The analyst's name, set once in the workbench. */
  by: z.string().trim().min(1, 'say who you are (a name, set once in the workbench)').max(100),
  reason: z.string().trim().max(2000).optional(),
};
const onEvent = {
  ...common,
  /** The event's id as the page shows it. */
  event: z.string().min(1).max(300),
  /** Which of its sources anchors the correction (default the first). */
  source: z.number().int().nonnegative().optional(),
};

export const correctionRequestSchema = z.discriminatedUnion('action', [
  z.object({ ...onEvent, action: z.literal('accept') }),
  z.object({ ...onEvent, action: z.literal('reject') }),
  z.object({ ...onEvent, action: z.literal('move'), place: CorrectionPlaceSchema }),
  z.object({ ...onEvent, action: z.literal('redate'), date: CorrectionDateSchema }),
  z.object({ ...onEvent, action: z.literal('retitle'), title: z.string().trim().min(1).max(300) }),
  z.object({ ...onEvent, action: z.literal('recategorise'), category: z.enum(CATEGORIES) }),
  z.object({ ...onEvent, action: z.literal('merge'), other: z.string().min(1).max(300) }),
  z.object({ ...onEvent, action: z.literal('split'), sources: z.array(z.number().int().nonnegative()).min(1).max(1000) }),
  z.object({
    ...common, action: z.literal('add'), doc: z.string().min(1).max(300), start: z.number().int().nonnegative(), end: z.number().int().positive(),
    title: z.string().trim().min(1).max(300), category: z.enum(CATEGORIES), date: CorrectionDateSchema, place: CorrectionPlaceSchema,
    persists: z.boolean().optional(),
  }),
]);
export type CorrectionRequest = z.infer<typeof correctionRequestSchema>;

export const PastedTextSchema = z.object({
  title: z.string().trim().min(1, 'give the text a title').max(300),
  published: z.string().refine((d) => d === '' || isIsoDate(d), 'must be a real date written YYYY-MM-DD').nullable().optional(),
  credit: z.string().trim().max(200).nullable().optional(),
  text: z.string().trim().min(1, 'paste the text itself').max(5_000_000, 'is over the 5 MB limit for one document'),
});

function featureOf(store: CorpusStore, id: string): EventFeature {
  const f = store.published.features.get(id);
  if (!f) throw new StoreError(404, `There is no event "${id}" in this corpus (it may have been merged or removed since the page loaded): reload.`);
  return f;
}

function anchorAt(store: CorpusStore, doc: string, start: number, end: number): Anchor {
  const document = store.document(doc);
  if (!document) throw new StoreError(404, `There is no document "${doc}" in this corpus.`);
  if (start >= end || end > document.text.length) throw new StoreError(400, `${doc} has no text at ${start}..${end} (it is ${document.text.length} characters long).`);
  return { doc, sha256: contentHash(document.text), start, end, quote: document.text.slice(start, end) };
}

function sourceAnchor(store: CorpusStore, f: EventFeature, index: number): Anchor {
  const s = f.properties.sources[index];
  if (!s) throw new StoreError(400, `Event "${f.id}" has ${f.properties.sources.length} source(s); there is no source ${index}.`);
  return anchorAt(store, s.doc, s.start, s.end);
}

const summaryOf = (f: EventFeature): EventSummary => ({ title: f.properties.title, category: f.properties.category, place: f.properties.place.name, start: f.properties.start });

function placeOf(f: EventFeature): CorrectionPlace {
  const p = f.properties.place;
  const [lon, lat] = f.geometry.coordinates;
  return { name: p.name, kind: p.kind, country: p.country, ...(p.countries ? { countries: p.countries } : {}), lat, lon,
    ...(p.geonameId !== undefined ? { geonameId: p.geonameId } : {}), gazetteer: p.gazetteer };
}

/** An id for a new event that no event of the corpus has: category, place and date, as the pipeline's ids read. */
function freshId(store: CorpusStore, base: string, file: CorrectionsFile): string {
  const taken = (id: string) => store.published.features.has(id) || file.corrections.some((c) => c.event === id
    || (c.action === 'split' && c.newEvent === id));
  let id = base;
  for (let n = 2; taken(id); n++) id = `${base}-${n}`;
  return id;
}

/** The correction a valid request makes, at `at` (an ISO timestamp); throws a StoreError for an unknown event or document. */
export function makeCorrection(body: CorrectionRequest, file: CorrectionsFile, store: CorpusStore, at: string): Correction {
  const id = `c${file.revision + 1}`;
  const who = { by: body.by, at, ...(body.reason ? { reason: body.reason } : {}) };
  if (body.action === 'add') {
    const anchor = anchorAt(store, body.doc, body.start, body.end);
    const event = freshId(store, `${body.category}-${slug(body.place.name) || 'place'}-${body.date.start}`, file);
    return { id, action: 'add', event, anchor, ...who,
      to: { title: body.title, category: body.category, date: body.date, place: body.place, ...(body.persists !== undefined ? { persists: body.persists } : {}) } };
  }
  const f = featureOf(store, body.event);
  const base = { id, event: f.id, anchor: sourceAnchor(store, f, body.source ?? 0), was: summaryOf(f), ...who };
  const p = f.properties;
  switch (body.action) {
    case 'accept': return { ...base, action: 'accept' };
    case 'reject': return { ...base, action: 'reject' };
    case 'move': return { ...base, action: 'move', from: { place: placeOf(f) }, to: { place: body.place } };
    case 'redate': return { ...base, action: 'redate', from: { date: { start: p.start, end: p.end, precision: p.precision } }, to: { date: body.date } };
    case 'retitle': return { ...base, action: 'retitle', from: { title: p.title }, to: { title: body.title } };
    case 'recategorise': return { ...base, action: 'recategorise', from: { category: p.category }, to: { category: body.category } };
    case 'merge': {
      if (body.other === f.id) throw new StoreError(400, 'An event cannot be merged with itself.');
      const other = featureOf(store, body.other);
      return { ...base, action: 'merge', other: sourceAnchor(store, other, 0), otherEvent: other.id };
    }
    case 'split': {
      const sources = [...new Set(body.sources)].map((i) => sourceAnchor(store, f, i));
      if (sources.length >= p.sources.length && p.sources.length > 1) throw new StoreError(400, 'Keep at least one source on the event: split off some of its sources, not all.');
      return { ...base, action: 'split', sources, newEvent: freshId(store, `${f.id}-split`, file) };
    }
  }
}
