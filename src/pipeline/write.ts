// Merged events -> the contract's files as strings: stable ids, a fixed order, a fixed key order, validated.
import { checkExcerpts, validateDocuments, validateEvents } from '../model/validate.ts';
import { publishedFeatures, type EventCollection, type EventFeature, type Place } from '../model/event.ts';
import type { MentionRecord, SourceDocument } from '../model/document.ts';
import type { MergedEvent } from './merge.ts';
import { encodeFeatures } from '../model/columnar.ts';
import { featuresInRowOrder, partCount, partsOfRows, PARTS_DEFAULTS, type DetailPart } from '../model/parts.ts';
import { encodePosture, postureOfFeatures } from '../model/posture-table.ts';
import { encodeTexts, textsOfFeatures } from '../model/text-table.ts';
// A merged event, or one that corrections left with a pinned id and a review (src/pipeline/corrections.ts).
import type { CorrectedEvent } from './corrections.ts';
import { eventId, shortHash } from './event-id.ts';

export { shortHash, slug } from './event-id.ts';

export const WRITE_DEFAULTS = {
  /** Decimal places kept in coordinates (5 is about a metre). */
  coordinateDigits: 5,
  /** Indentation of the JSON files; diffs of committed outputs stay readable. */
  indent: 2,
  /** Rows per detail part beside events.bin (docs/columnar-format.md). */
  partSize: PARTS_DEFAULTS.partSize,
  /** Features validated at once: zod copies what it checks, so this bounds the copy. */
  validateChunk: 2000,
};

export interface DocumentMentions {
  doc: string;
  mentions: MentionRecord[];
}

export interface WrittenFiles {
  /** events.geojson; made when read (the writer streams eventsChunks instead of holding it whole). */
  events: string;
  /** events.geojson in pieces, one feature each, byte for byte the same as `events`. */
  eventsChunks(): Iterable<string>;
  documents: string;
  mentions: string;
  /** Features written (after any left out). */
  eventCount: number;
  /** The same events in the columnar format (events.bin), for the app's large mode. */
  bin: Uint8Array;
  /** The same features in the bin's row order, cut into the files of events.parts/ (each made as it is read). */
  parts: Iterable<DetailPart>;
  partCount: number;
  /** The posture table (events.posture.bin): hosts and actors of the rows the map's posture draws. */
  posture: Uint8Array;
  /** The text table (events.text.bin): every row's excerpts, for the app's search. */
  text: Uint8Array;
  /** Features left out because they broke the contract, one line each ("meeting-x-2025-01-01: start is after end"). */
  dropped: string[];
}

/** The id a permalink keeps: category, place identity and start date (event-id.ts), nothing from other events. */
export function baseId(event: MergedEvent): string {
  return eventId(event.category, event.entry, event.start);
}

function placeOf(event: MergedEvent): Place {
  const e = event.entry;
  return {
    name: e.name,
    kind: e.kind,
    country: e.country,
    ...(e.countries?.length ? { countries: [...e.countries] } : {}),
    ...(e.geonameId !== undefined ? { geonameId: e.geonameId } : {}),
    gazetteer: e.gazetteer,
  };
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));

/** Builds the FeatureCollection, sorted by start, category and id; properties are written in the contract's order. */
export function toCollection(events: readonly CorrectedEvent[], opts = WRITE_DEFAULTS): EventCollection {
  // An id pinned by a correction (an analyst's merge, split or addition) is kept as it is and served first.
  const pinned = new Set(events.flatMap((e) => (e.id ? [e.id] : [])));
  const withIds = events.map((event) => ({ event, id: event.id ?? baseId(event), signature: signature(event) }));
  // Two events with one id (same category, place and start, which merge did not join) are rare. Neither keeps the
  // plain id, both get a hash of their own sources: whichever came first, a newcomer must not take its id, and a
  // permalink to the plain one then says it is gone rather than opening the other event.
  const shared = new Map<string, number>();
  for (const { id } of withIds) shared.set(id, (shared.get(id) ?? 0) + 1);
  const unique = withIds.map((w) => ({
    ...w, id: w.event.id ? w.id : shared.get(w.id)! > 1 || pinned.has(w.id) ? `${w.id}-${shortHash(w.signature)}` : w.id,
  }));
  unique.sort((a, b) => a.event.start.localeCompare(b.event.start) || a.id.localeCompare(b.id) || a.signature.localeCompare(b.signature));
  // Same sources too (merge would have joined them): numbered in content order, so ids stay unique.
  const taken = new Set<string>();
  for (const w of unique) {
    let id = w.id;
    for (let k = 2; taken.has(id); k++) id = `${w.id}-${k}`;
    taken.add(id);
    w.id = id;
  }
  const features: EventFeature[] = unique.map(({ event, id }) => {
    return {
      type: 'Feature',
      id,
      geometry: { type: 'Point', coordinates: [round(event.entry.lon, opts.coordinateDigits), round(event.entry.lat, opts.coordinateDigits)] },
      properties: {
        title: event.title,
        category: event.category,
        start: event.start,
        end: event.end,
        precision: event.precision,
        persists: event.persists,
        until: null,
        place: placeOf(event),
        actors: [...event.actors],
        confidence: event.confidence,
        status: event.status,
        dateSource: event.dateSource,
        reason: event.reason,
        ...(event.review ? { review: { ...event.review } } : {}),
        sources: event.sources.map((s) => ({
          doc: s.doc,
          title: s.title,
          published: s.published,
          excerpt: s.excerpt,
          start: s.start,
          end: s.end,
          highlights: s.highlights.map((h) => ({ start: h.start, end: h.end, kind: h.kind })),
        })),
      },
    };
  });
  return { type: 'FeatureCollection', features };
}

function signature(event: MergedEvent): string {
  return event.sources.map((s) => `${s.doc}\u0000${s.excerpt}`).join('\u0001');
}

/** documents.json entries in file order, with exactly the contract's keys. */
export function toDocumentList(documents: readonly SourceDocument[]): SourceDocument[] {
  return [...documents]
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
    .map((d) => ({ file: d.file, title: d.title, credit: d.credit, published: d.published, ...(d.publishedFrom ? { publishedFrom: d.publishedFrom } : {}), text: d.text }));
}

/**
 * The three files as strings, checked against the contract first. A feature that breaks it is a bug in an earlier
 * stage: it is left out and named in `dropped` (one line each) rather than costing the whole corpus its map.
 * Documents that break it cannot be left out (excerpts point into them), so those throw.
 */
export function write(
  events: readonly CorrectedEvent[],
  documents: readonly SourceDocument[],
  mentions: readonly DocumentMentions[],
  opts = WRITE_DEFAULTS,
): WrittenFiles {
  const documentList = toDocumentList(documents);
  const checkedDocuments = validateDocuments(documentList);
  if (!checkedDocuments.ok) throw new Error(`documents do not meet the data contract: ${checkedDocuments.errors.join('; ')}`);
  let collection = toCollection(events, opts);
  const dropped: string[] = [];
  // Validate in chunks: zod hands back a copy of what it checks, and a copy of a 30 MB collection at once was the
  // largest thing write() held. Only when a chunk fails are the features it names taken out, and it is checked again;
  // a broken corpus usually repeats one mistake, so rounds are few.
  for (;;) {
    const bad = new Map<number, string[]>();
    for (let from = 0; from < collection.features.length; from += opts.validateChunk) {
      const chunk: EventCollection = { type: 'FeatureCollection', features: collection.features.slice(from, from + opts.validateChunk) };
      const checked = validateEvents(chunk);
      for (const problem of [...(checked.ok ? [] : checked.errors), ...checkExcerpts(chunk, documentList)]) {
        const at = /^features\[(\d+)\]/.exec(problem);
        if (!at) throw new Error(`events do not meet the data contract: ${problem}`);
        const i = from + Number(at[1]);
        bad.set(i, [...(bad.get(i) ?? []), problem.replace(/^features\[\d+\](\.| \(\S+\) )?/, '')]);
      }
    }
    if (bad.size === 0) break;
    for (const [i, reasons] of bad) dropped.push(`${collection.features[i].id}: ${reasons.join('; ')}`);
    collection = { type: 'FeatureCollection', features: collection.features.filter((_, i) => !bad.has(i)) };
  }
  // toCollection makes ids unique; the one check of the whole collection that chunks cannot see.
  if (new Set(collection.features.map((f) => f.id)).size !== collection.features.length) throw new Error('events do not meet the data contract: ids are not unique');
  const json = (value: unknown) => `${JSON.stringify(value, null, opts.indent)}\n`;
  // events.geojson is the record, rejected events with their review included (the workbench lists them); the form
  // every view reads (events.bin and its tables and parts) holds only what a reader may see.
  const record = collection.features;
  const features = publishedFeatures(record);
  const eventsChunks = () => collectionChunks(record, opts.indent);
  const bin = new Uint8Array(encodeFeatures(features));
  const identity = { count: features.length, totalBytes: bin.byteLength };
  const rows = featuresInRowOrder(features);
  return {
    get events() { return [...eventsChunks()].join(''); },
    eventsChunks, documents: json(documentList), eventCount: features.length, bin,
    // Made when read, one at a time: a run that writes no mentions never builds them, and the parts (the whole
    // dataset again, as JSON) are written one by one instead of all held at once.
    get mentions() { return json(mentionList(mentions)); },
    partCount: partCount(features.length, opts.partSize),
    parts: { [Symbol.iterator]: () => partsOfRows(rows.length, (row) => rows[row], opts.partSize) },
    posture: new Uint8Array(encodePosture(postureOfFeatures(rows), identity)),
    text: new Uint8Array(encodeTexts(textsOfFeatures(rows), identity)),
    dropped,
  };
}

/**
 * `JSON.stringify(collection, null, indent)` and a line break, one feature at a time: the 30-40 MB string of a large
 * corpus (and the UTF-8 copy a write makes of it) is never held whole.
 */
export function* collectionChunks(features: readonly EventFeature[], indent: number): Generator<string> {
  const pad = ' '.repeat(indent);
  if (features.length === 0) {
    yield `${JSON.stringify({ type: 'FeatureCollection', features: [] }, null, indent)}\n`;
    return;
  }
  yield `{\n${pad}"type": "FeatureCollection",\n${pad}"features": [\n`;
  // A feature stringified two levels deep, cut out of its wrapper: the indentation comes from JSON.stringify itself,
  // about twice as fast as re-indenting every line of a top-level stringify.
  const head = indent > 0 ? `{\n${pad}"f": [\n`.length : '{"f":['.length;
  const tail = indent > 0 ? `\n${pad}]\n}`.length : ']}'.length;
  for (let i = 0; i < features.length; i++) {
    const wrapped = JSON.stringify({ f: [features[i]] }, null, indent);
    yield `${wrapped.slice(head, wrapped.length - tail)}${i < features.length - 1 ? ',' : ''}\n`;
  }
  yield `${pad}]\n}\n`;
}

function mentionList(mentions: readonly DocumentMentions[]) {
  return [...mentions].sort((a, b) => (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : 0)).map((d) => ({
    doc: d.doc,
    mentions: d.mentions.map((m) => ({ start: m.start, end: m.end, text: m.text, name: m.name, lat: m.lat, lon: m.lon, country: m.country })),
  }));
}
