// Merged events -> the contract's files as strings: stable ids, a fixed order, a fixed key order, validated.
import { checkExcerpts, validateDocuments, validateEvents } from '../model/validate.ts';
import type { EventCollection, EventFeature, Place } from '../model/event.ts';
import type { MentionRecord, SourceDocument } from '../model/document.ts';
import type { MergedEvent } from './merge.ts';
// A merged event, or one that corrections left with a pinned id and a review (src/pipeline/corrections.ts).
import type { CorrectedEvent } from './corrections.ts';
import { encodeFeatures } from '../scale/columnar.ts';
import { partsOfFeatures, PARTS_DEFAULTS, type DetailPart } from '../scale/parts.ts';

export const WRITE_DEFAULTS = {
  /** Decimal places kept in coordinates (5 is about a metre). */
  coordinateDigits: 5,
  /** Indentation of the JSON files; diffs of committed outputs stay readable. */
  indent: 2,
  /** Rows per detail part beside events.bin (docs/columnar-format.md). */
  partSize: PARTS_DEFAULTS.partSize,
};

export interface DocumentMentions {
  doc: string;
  mentions: MentionRecord[];
}

export interface WrittenFiles {
  events: string;
  documents: string;
  mentions: string;
  /** Features written (after any left out). */
  eventCount: number;
  /** The same events in the columnar format (events.bin), for the app's large mode. */
  bin: Uint8Array;
  /** The same features in the bin's row order, cut into the files of events.parts/. */
  parts: DetailPart[];
  /** Features left out because they broke the contract, one line each ("meeting-x-2025-01-01: start is after end"). */
  dropped: string[];
}

/** FNV-1a, 32 bit, in base 36: short, stable, no dependency. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/** "Velyka Novosilka" -> "velyka-novosilka", "Ādaži" -> "adazi". */
export function slug(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/** The id a permalink keeps: category, place and start date, nothing that depends on run order or offsets. */
export function baseId(event: MergedEvent): string {
  const place = slug(event.entry.name) || slug(event.entry.id) || shortHash(event.entry.id);
  return `${event.category}-${place}-${event.start}`;
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
  const withIds = events.map((event) => ({ event, id: event.id ?? baseId(event) }));
  withIds.sort((a, b) => a.event.start.localeCompare(b.event.start) || a.id.localeCompare(b.id) || signature(a.event).localeCompare(signature(b.event)));
  // Two events with one base id are rare (merge joins same category, place and start); the later one gets a hash
  // of its sources so neither id depends on the other's presence. An id pinned by a correction is served first.
  const pinned = new Set(events.flatMap((e) => (e.id ? [e.id] : [])));
  const taken = new Set<string>();
  const features: EventFeature[] = withIds.map(({ event, id }) => {
    const unique = taken.has(id) || (event.id !== id && pinned.has(id)) ? `${id}-${shortHash(signature(event))}` : id;
    taken.add(unique);
    return {
      type: 'Feature',
      id: unique,
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
    .map((d) => ({ file: d.file, title: d.title, credit: d.credit, published: d.published, text: d.text }));
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
  // Validate the whole collection at once (fast); only when it fails, take out the features named and try again.
  // Each round removes at least one feature, and a broken corpus usually repeats one mistake, so rounds are few.
  for (;;) {
    const checked = validateEvents(collection);
    const problems = [...(checked.ok ? [] : checked.errors), ...checkExcerpts(collection, documentList)];
    if (problems.length === 0) break;
    const bad = new Map<number, string[]>();
    for (const problem of problems) {
      const at = /^features\[(\d+)\]/.exec(problem);
      if (!at) throw new Error(`events do not meet the data contract: ${problem}`);
      const i = Number(at[1]);
      bad.set(i, [...(bad.get(i) ?? []), problem.replace(/^features\[\d+\](\.| \(\S+\) )?/, '')]);
    }
    for (const [i, reasons] of bad) dropped.push(`${collection.features[i].id}: ${reasons.join('; ')}`);
    collection = { type: 'FeatureCollection', features: collection.features.filter((_, i) => !bad.has(i)) };
  }
  const mentionList = [...mentions].sort((a, b) => (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : 0)).map((d) => ({
    doc: d.doc,
    mentions: d.mentions.map((m) => ({ start: m.start, end: m.end, text: m.text, name: m.name, lat: m.lat, lon: m.lon, country: m.country })),
  }));
  const json = (value: unknown) => `${JSON.stringify(value, null, opts.indent)}\n`;
  return {
    events: json(collection), documents: json(documentList), mentions: json(mentionList), eventCount: collection.features.length,
    bin: new Uint8Array(encodeFeatures(collection.features)), parts: [...partsOfFeatures(collection.features, opts.partSize)],
    dropped,
  };
}
