// Applies an analyst's corrections (corrections.json) to the merged events: the stage after merge, run by the CLI
// (scripts/geocode.ts) and the workbench (scripts/workbench/) alike, so both always show the same events.
// Pure: documents and corrections are passed in; nothing is read, timed or random.
//
// Each correction finds its event by anchor, not by id: the document's content hash, the excerpt's offsets and the
// quoted text. A correction whose document is gone or changed, or whose sentence no longer yields an event, is an
// orphan: reported, kept in the file, never applied to whatever now sits there.
import type { Category, Review, Source } from '../model/event.ts';
import type { SourceDocument } from '../model/document.ts';
import type { Anchor, Correction, CorrectionPlace } from '../model/correction.ts';
import type { GazetteerEntry } from './types.ts';
import type { MergedEvent } from './merge.ts';
import { contentHash } from './content-hash.ts';
import { baseId } from './write.ts';

/** A merged event after corrections: `id` pins the id it had when first corrected; `review` says who decided what. */
export interface CorrectedEvent extends MergedEvent {
  id?: string;
  review?: Review;
}

export interface Orphan {
  correction: Correction;
  /** Why it no longer applies, a sentence ("001.txt has changed since: its text is not the one this was made on"). */
  reason: string;
}

export interface CorrectionsResult {
  events: CorrectedEvent[];
  orphans: Orphan[];
  applied: number;
}

interface Held {
  event: CorrectedEvent;
  gone: boolean;
}

/** A place as the pipeline's events carry it (a gazetteer entry), from the place a correction sets. */
export function entryOfPlace(place: CorrectionPlace): GazetteerEntry {
  return {
    id: place.id ?? `analyst:${place.lat.toFixed(5)},${place.lon.toFixed(5)}`,
    name: place.name,
    kind: place.kind,
    country: place.country,
    ...(place.countries?.length ? { countries: [...place.countries] } : {}),
    lat: place.lat,
    lon: place.lon,
    population: 0,
    featureCode: place.gazetteer === 'analyst' ? 'ANALYST' : '',
    ...(place.geonameId !== undefined ? { geonameId: place.geonameId } : {}),
    gazetteer: place.gazetteer,
  };
}

/** The id an event shows now: its pinned id, else the one the writer derives from its content. */
export const currentId = (event: CorrectedEvent): string => event.id ?? baseId(event);

const overlap = (s: Source, a: Anchor) => (s.doc === a.doc ? Math.min(s.end, a.end) - Math.max(s.start, a.start) : -1);

/**
 * The one event the anchor points at, or a reason why there is none. Several events may share a sentence ("gains
 * around Kurakhove, Vuhledar and Velyka Novosilka"): among sources at the anchor's exact offsets (else overlapping
 * it), the event with the correction's id wins, then the one that still looks as the correction saw it; two equally
 * good candidates are an ambiguity, which is reported rather than guessed.
 */
function find(held: readonly Held[], anchor: Anchor, id: string, was: Correction['was'], except?: Held): Held | string {
  let best: Held[] = [];
  let bestScore = -1;
  for (const h of held) {
    if (h.gone || h === except) continue;
    let spanScore = -1;
    for (const s of h.event.sources) {
      if (s.doc !== anchor.doc) continue;
      if (s.start === anchor.start && s.end === anchor.end) spanScore = Math.max(spanScore, 2);
      else if (overlap(s, anchor) > 0) spanScore = Math.max(spanScore, 1);
    }
    if (spanScore < 0) continue;
    const looksAsSeen = was !== undefined && was.category === h.event.category && was.place === h.event.entry.name;
    const score = spanScore * 4 + (currentId(h.event) === id ? 2 : 0) + (looksAsSeen ? 1 : 0);
    if (score > bestScore) {
      best = [h];
      bestScore = score;
    } else if (score === bestScore) best.push(h);
  }
  if (best.length === 1) return best[0];
  if (best.length === 0) return 'no event is found at this sentence any more (the pipeline no longer reports it there)';
  return `${best.length} events share this sentence and none is the one it was made on (${id}): not applied rather than guessed`;
}

/** Why the anchor's document no longer holds the anchored text, or null when it does. */
function staleAnchor(anchor: Anchor, documents: ReadonlyMap<string, SourceDocument>, hashes: Map<string, string>): string | null {
  const doc = documents.get(anchor.doc);
  if (!doc) return `${anchor.doc} is not in the corpus any more`;
  let hash = hashes.get(doc.file);
  if (hash === undefined) {
    hash = contentHash(doc.text);
    hashes.set(doc.file, hash);
  }
  if (hash !== anchor.sha256) return `${anchor.doc} has changed since: its text is not the one this correction was made on`;
  if (doc.text.slice(anchor.start, anchor.end) !== anchor.quote) return `${anchor.doc} does not hold the quoted text at ${anchor.start}..${anchor.end}`;
  return null;
}

const sourceKey = (s: Source) => `${s.doc}\u0000${s.start}\u0000${s.end}`;

function sourceAt(anchor: Anchor, doc: SourceDocument): Source {
  return { doc: doc.file, title: doc.title, published: doc.published, excerpt: anchor.quote, start: anchor.start, end: anchor.end, highlights: [] };
}

const reviewOf = (c: Correction, state: Review['state']): Review => ({ state, by: c.by, at: c.at, ...(c.reason ? { reason: c.reason } : {}) });

/** The review state after a change: an added event stays 'added'; accepting or rejecting says so; any other change corrects. */
function stateAfter(c: Correction, previous: Review | undefined): Review['state'] {
  if (c.action === 'accept') return 'accepted';
  if (c.action === 'reject') return 'rejected';
  return previous?.state === 'added' ? 'added' : 'corrected';
}

/**
 * Applies `corrections` in order to `events`. Each one works on the events as the earlier ones left them, so a later
 * re-date of a moved event finds it where the move put it.
 */
export function applyCorrections(events: readonly MergedEvent[], documents: readonly SourceDocument[],
  corrections: readonly Correction[]): CorrectionsResult {
  const held: Held[] = events.map((event) => ({ event: { ...event, sources: [...event.sources] }, gone: false }));
  const byFile = new Map(documents.map((d) => [d.file, d]));
  const hashes = new Map<string, string>();
  const orphans: Orphan[] = [];
  let applied = 0;
  const orphan = (correction: Correction, reason: string) => orphans.push({ correction, reason });

  for (const c of corrections) {
    const stale = staleAnchor(c.anchor, byFile, hashes);
    if (stale) {
      orphan(c, stale);
      continue;
    }
    if (c.action === 'add') {
      const to = c.to;
      held.push({
        event: {
          id: c.event, category: to.category, title: to.title, start: to.date.start, end: to.date.end, precision: to.date.precision,
          persists: to.persists ?? false, entry: entryOfPlace(to.place), actors: [], confidence: 1,
          status: to.persists ? 'ongoing' : 'happened', dateSource: 'sentence',
          reason: `added by ${c.by} (${c.at}) from the selected sentence: its date, place and kind as the analyst gave them`,
          sources: [sourceAt(c.anchor, byFile.get(c.anchor.doc)!)], review: reviewOf(c, 'added'),
        },
        gone: false,
      });
      applied++;
      continue;
    }
    const found = find(held, c.anchor, c.event, c.was);
    if (typeof found === 'string') {
      orphan(c, found);
      continue;
    }
    const e = found.event;
    if (c.action === 'merge') {
      const otherStale = staleAnchor(c.other, byFile, hashes);
      const other = otherStale ?? find(held, c.other, c.otherEvent, undefined, found);
      if (typeof other === 'string') {
        orphan(c, `the event to merge in: ${other}`);
        continue;
      }
      const keys = new Set(e.sources.map(sourceKey));
      for (const s of other.event.sources) if (!keys.has(sourceKey(s))) e.sources.push(s);
      e.sources.sort((a, b) => a.doc.localeCompare(b.doc) || a.start - b.start || a.end - b.end);
      e.actors = [...new Set([...e.actors, ...other.event.actors])].sort();
      other.gone = true;
    } else if (c.action === 'split') {
      const leaving = new Set<string>();
      let missing: string | null = null;
      for (const a of c.sources) {
        const s = e.sources.find((x) => x.doc === a.doc && x.start === a.start && x.end === a.end);
        if (!s) missing = `${a.doc} ${a.start}..${a.end} is not a source of this event any more`;
        else leaving.add(sourceKey(s));
      }
      if (missing) {
        orphan(c, missing);
        continue;
      }
      const moved = e.sources.filter((s) => leaving.has(sourceKey(s)));
      // One sentence can report two events: splitting off an event's only source copies it.
      const kept = e.sources.length === moved.length && moved.length === 1 ? moved : e.sources.filter((s) => !leaving.has(sourceKey(s)));
      if (kept.length === 0) {
        orphan(c, 'it would leave the event without a source');
        continue;
      }
      e.sources = kept;
      held.push({ event: { ...e, id: c.newEvent, sources: moved, actors: [...e.actors], review: reviewOf(c, 'corrected') }, gone: false });
    } else if (c.action === 'move') e.entry = entryOfPlace(c.to.place);
    else if (c.action === 'redate') {
      e.start = c.to.date.start;
      e.end = c.to.date.end;
      e.precision = c.to.date.precision;
    } else if (c.action === 'retitle') e.title = c.to.title;
    else if (c.action === 'recategorise') e.category = c.to.category as Category;
    e.id ??= c.event;
    e.review = reviewOf(c, stateAfter(c, e.review));
    applied++;
  }
  return { events: held.filter((h) => !h.gone).map((h) => h.event), orphans, applied };
}
